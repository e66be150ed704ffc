import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { generateTenant } from "../../src/dev/generate-tenant";
import type { GraphSimulator } from "../../src/dev/graph-simulator";
import { startGraphSimulator } from "../../src/dev/graph-simulator";
import { PHASE1_APP_IDS, PHASE2_APP_IDS } from "../../src/domain/apps";
import { allPages, get } from "../support/graph-simulator-client";
import { contosoSmall, without } from "../support/graph-simulator-fixtures";

type Body = { value: Array<Record<string, unknown>>; "@odata.nextLink"?: string };
const WINDOW = "createdDateTime ge 2026-10-21T09:00:00Z and createdDateTime le 2026-11-20T09:00:00Z";
const RESOURCE = "797f4846-ba00-4fd7-ba43-dac1f8f63013";
const signIns = (filter: string, top = 1000) => `/v1.0/auditLogs/signIns?$top=${top}&$filter=${filter}`;
const code = (body: unknown) => (body as { error: { code: string } }).error.code;

describe("graph simulator: sign-ins", () => {
  const tenant = generateTenant({ users: 400, seed: 3 });
  let sim: GraphSimulator;
  before(async () => {
    sim = await startGraphSimulator({ snapshot: tenant });
  });
  after(() => sim.close());

  it("answers the product's in-scope query exactly, newest first, across pages", async () => {
    const apps = [...PHASE1_APP_IDS, ...PHASE2_APP_IDS];
    const group = `(${apps.map((id) => `appId eq '${id}'`).join(" or ")} or resourceId eq '${RESOURCE}')`;
    const pages = await allPages(sim, signIns(`${WINDOW} and ${group}`, 50));
    assert.ok(pages.length > 2, "several pages");
    const got = pages.flatMap((page) => (page as unknown as Body).value);
    const start = Date.parse("2026-10-21T09:00:00Z");
    const end = Date.parse("2026-11-20T09:00:00Z");
    const expected = tenant.signIns!.filter((s) => {
      const t = Date.parse(s.createdDateTime);
      // v1.0 serves interactive user sign-ins only, as Graph does.
      return (
        t >= start &&
        t <= end &&
        (apps.includes(s.appId) || s.resourceId === RESOURCE) &&
        s.isInteractive !== false
      );
    });
    assert.deepEqual(got.map((s) => s.id).sort(), expected.map((s) => s.id).sort());
    const times = got.map((s) => Date.parse(String(s.createdDateTime)));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
    assert.ok(
      !got.some((s) => s.appId === "1fec8e78-bce4-4aaf-ab1b-5451cc387264"),
      "Teams sign-ins are not served",
    );
  });

  it("narrows to one user, in any term order, and supports appId in (...)", async () => {
    const ben = "a0000000-0000-4000-8000-000000000002";
    const one = (
      await get(
        sim,
        signIns(`userId eq '${ben}' and appId in ('${PHASE2_APP_IDS.join("','")}') and ${WINDOW}`),
      )
    ).body as Body;
    assert.equal(one.value.length, 4);
    assert.ok(one.value.every((s) => s.userId === ben));
    const olga = (await get(sim, signIns(`${WINDOW} and userId eq 'a0000000-0000-4000-8000-000000000016'`)))
      .body as Body;
    assert.deepEqual(olga.value, [], "sign-ins before the window are left out");
  });

  it("rejects anything outside the grammar with 400 BadRequest", async () => {
    for (const filter of [
      "userPrincipalName eq 'ben.carter@contoso.example'",
      `${WINDOW} and (appId eq 'a' and resourceId eq 'b')`,
      `${WINDOW} or appId eq 'a'`,
      "createdDateTime ge '2026-10-21T09:00:00Z'",
      `${WINDOW} and createdDateTime ge 2026-10-01T00:00:00Z`,
      `${WINDOW} and (userId eq 'x' or appId eq 'y')`,
      "startswith(appDisplayName,'Azure')",
    ]) {
      const answer = await get(sim, signIns(filter));
      assert.equal(answer.status, 400, filter);
      assert.equal(code(answer.body), "BadRequest");
    }
    assert.equal((await get(sim, signIns(WINDOW, 1001))).status, 400);
  });

  it("answers 403 Authentication_RequestFromNonPremiumTenantOrB2CTenant without Entra ID P1", async () => {
    const snapshot = contosoSmall();
    snapshot.tenant.premium = false;
    const free = await startGraphSimulator({ snapshot });
    try {
      for (const path of [
        "/v1.0/auditLogs/signIns",
        "/v1.0/reports/authenticationMethods/userRegistrationDetails",
      ]) {
        const answer = await get(free, path);
        assert.equal(answer.status, 403);
        assert.equal(code(answer.body), "Authentication_RequestFromNonPremiumTenantOrB2CTenant");
      }
      assert.equal((await get(free, "/v1.0/users")).status, 200);
    } finally {
      await free.close();
    }
  });

  it("answers 403 Authorization_RequestDenied, naming the area, for a key the snapshot lacks", async () => {
    const partial = await startGraphSimulator({
      snapshot: without(contosoSmall(), "signIns", "authenticationMethods", "roleAssignments", "groups"),
    });
    try {
      for (const [path, area] of [
        ["/v1.0/auditLogs/signIns", "signIns"],
        ["/v1.0/users/bob@contoso.example/authentication/methods", "authenticationMethods"],
        ["/v1.0/roleManagement/directory/roleAssignments", "roleAssignments"],
        ["/v1.0/users/bob@contoso.example/transitiveMemberOf/microsoft.graph.group", "groups"],
      ] as const) {
        const answer = await get(partial, path);
        assert.equal(answer.status, 403, path);
        assert.equal(code(answer.body), "Authorization_RequestDenied");
        assert.match(answer.text, new RegExp(area));
      }
    } finally {
      await partial.close();
    }
  });

  it("shifts sign-ins so the snapshot's month ends now with rebaseToNow", async () => {
    const now = Date.parse("2027-03-01T12:00:00Z");
    const shifted = await startGraphSimulator({
      snapshot: contosoSmall(),
      rebaseToNow: true,
      now: () => now,
    });
    try {
      const body = (
        await get(
          shifted,
          "/v1.0/auditLogs/signIns?$filter=createdDateTime ge 2027-01-30T12:00:00Z and createdDateTime le 2027-03-01T12:00:00Z",
        )
      ).body as Body;
      // Alice's portal sign-in was 2026-11-18T10:15:00Z, 46 h 45 min before capturedAt.
      assert.deepEqual(
        body.value.map((s) => s.createdDateTime),
        ["2027-02-27T13:15:00Z", "2027-02-21T11:01:00Z"],
      );
    } finally {
      await shifted.close();
    }
  });
});
