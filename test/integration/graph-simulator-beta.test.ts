import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import type { GraphSimulator } from "../../src/dev/graph-simulator";
import { startGraphSimulator } from "../../src/dev/graph-simulator";
import { homeUpn } from "../../src/directory/home-upn";
import { call, get } from "../support/graph-simulator-client";
import { contosoSmall } from "../support/graph-simulator-fixtures";

type Body = { value: Array<Record<string, unknown>>; "@odata.nextLink"?: string };
const CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
const CAROL = "d0000000-0000-0000-0000-000000000004";
const WINDOW = "createdDateTime ge 2026-10-21T09:00:00Z and createdDateTime le 2026-11-20T09:00:00Z";
const NON_INTERACTIVE = "signInEventTypes/any(t: t eq 'nonInteractiveUser')";
const SUMMARY = "/beta/auditLogs/getSummarizedNonInteractiveSignIns(aggregationWindow='d1')";
const code = (body: unknown) => (body as { error: { code: string } }).error.code;

describe("graph simulator: v1.0 interactive sign-ins, beta non-interactive ones and their summary", () => {
  let sim: GraphSimulator;
  before(async () => {
    sim = await startGraphSimulator({ snapshot: contosoSmall() });
  });
  after(() => sim.close());

  it("serves v1.0 and beta without the clause the interactive sign-ins only", async () => {
    for (const version of ["v1.0", "beta"]) {
      const body = (
        await get(sim, `/${version}/auditLogs/signIns?$filter=${WINDOW} and userId eq '${CAROL}'`)
      ).body as Body;
      assert.deepEqual(body.value, [], `${version}: Carol's CLI refreshes are all non-interactive`);
    }
    const all = (await get(sim, `/v1.0/auditLogs/signIns?$filter=${WINDOW}`)).body as Body;
    assert.ok(all.value.length > 0 && all.value.every((s) => s.isInteractive !== false));
  });

  it("serves beta's non-interactive sign-ins only with signInEventTypes/any(...)", async () => {
    const answer = await get(
      sim,
      `/beta/auditLogs/signIns?$filter=userId eq '${CAROL}' and ${NON_INTERACTIVE} and (appId eq '${CLI}') and ${WINDOW}`,
    );
    assert.equal(answer.status, 200);
    const body = answer.body as Body & { "@odata.context": string };
    assert.deepEqual(
      body.value.map((s) => s.createdDateTime),
      ["2026-11-19T16:05:00Z", "2026-11-12T09:40:00Z", "2026-11-03T13:15:00Z"],
    );
    assert.match(body["@odata.context"], /\/beta\/\$metadata#auditLogs\/signIns$/);
    const v1 = await get(sim, `/v1.0/auditLogs/signIns?$filter=${NON_INTERACTIVE}`);
    assert.equal(v1.status, 400, "v1.0 has no signInEventTypes");
    assert.equal(code(v1.body), "BadRequest");
  });

  it("summarises the non-interactive sign-ins per user (lower-case UPN), app, IP and UTC day", async () => {
    const answer = await get(sim, `${SUMMARY}?$filter=appId eq '${CLI}'`);
    assert.equal(answer.status, 200);
    const rows = (answer.body as Body).value;
    assert.deepEqual(
      rows.map((row) => [
        row.userPrincipalName,
        row.aggregationDateTime,
        row.signInCount,
        row.firstSignInDateTime,
      ]),
      [
        ["carol@contoso.example", "2026-11-19T00:00:00Z", 1, "2026-11-19T16:05:00Z"],
        ["carol@contoso.example", "2026-11-12T00:00:00Z", 1, "2026-11-12T09:40:00Z"],
        ["carol@contoso.example", "2026-11-03T00:00:00Z", 1, "2026-11-03T13:15:00Z"],
      ],
    );
    assert.ok(
      rows.every((row) => row.userId === undefined && (row.status as { errorCode: number }).errorCode === 0),
    );
    const paged = (await get(sim, `${SUMMARY}?$filter=appId eq '${CLI}'&$top=2`)).body as Body;
    assert.equal(paged.value.length, 2);
    assert.match(String(paged["@odata.nextLink"]), /\$skiptoken=/);
    assert.deepEqual(
      ((await get(sim, `${SUMMARY}?$filter=appId eq '0c1307d4-29d6-4389-a11c-5cbe7f65d7fa'`)).body as Body)
        .value,
      [],
    );
    assert.equal(
      (await get(sim, `${SUMMARY}?$filter=createdDateTime ge 2026-11-01T00:00:00Z`)).status,
      400,
      "its dates cannot be filtered",
    );
  });

  it("names a guest by its home UPN", () => {
    assert.equal(homeUpn("Adele_Fabrikam.com#EXT#@contoso.onmicrosoft.com"), "adele@fabrikam.com");
    assert.equal(homeUpn("Carol@Contoso.example"), "carol@contoso.example");
  });

  it("carries beta URLs in /beta/$batch", async () => {
    const requests = [
      {
        id: "silent",
        method: "GET",
        url: `/auditLogs/signIns?$filter=userId eq '${CAROL}' and ${NON_INTERACTIVE}`,
      },
      {
        id: "summary",
        method: "GET",
        url: `/auditLogs/getSummarizedNonInteractiveSignIns(aggregationWindow='d1')?$filter=appId eq '${CLI}'`,
      },
    ];
    const answer = await call(sim, "POST", "/beta/$batch", { body: { requests } });
    assert.equal(answer.status, 200);
    const responses = (
      answer.body as { responses: Array<{ id: string; status: number; body: Record<string, unknown> }> }
    ).responses;
    const byId = new Map(responses.map((r) => [r.id, r]));
    assert.equal((byId.get("silent")!.body as unknown as Body).value.length, 3);
    assert.equal((byId.get("summary")!.body as unknown as Body).value.length, 3);
  });

  it("serves signInActivity only when selected, for $filter=id in (...), throttled at 10 a minute", async () => {
    const throttled = await startGraphSimulator({ snapshot: contosoSmall(), throttle: true });
    try {
      const path = `/v1.0/users?$select=id,signInActivity&$filter=id in ('${CAROL}','b0000000-0000-0000-0000-000000000002')`;
      const first = (await get(throttled, path)).body as Body;
      assert.deepEqual(
        first.value.map((user) => user.id),
        ["b0000000-0000-0000-0000-000000000002", CAROL],
      );
      assert.equal(
        (first.value[1]!.signInActivity as { lastSignInDateTime: string }).lastSignInDateTime,
        "2026-11-18T07:30:00Z",
      );
      const statuses = [];
      for (let i = 0; i < 10; i++) {
        statuses.push((await get(throttled, path)).status);
      }
      assert.deepEqual(statuses, [...Array<number>(9).fill(200), 429]);
      assert.equal(
        (await get(throttled, "/v1.0/users?$select=id")).status,
        200,
        "other user reads are not in that bucket",
      );
    } finally {
      await throttled.close();
    }
  });
});
