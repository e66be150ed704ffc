import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import type { GraphSimulator } from "../../src/dev/graph-simulator";
import { startGraphSimulator } from "../../src/dev/graph-simulator";
import { call, get } from "../support/graph-simulator-client";
import { contosoSmall } from "../support/graph-simulator-fixtures";

type Body = { value: Array<Record<string, unknown>> };
const ARM = "797f4846-ba00-4fd7-ba43-dac1f8f63013";
const APP = "5b0e6a2c-1d1f-4c57-9a55-0c6f3c0d7e11";
const MI_APP = "9d3b7c2e-4f5a-4b6c-8d7e-1f2a3b4c5d6e";
const SINCE = "createdDateTime ge 2026-11-20T00:00:00Z";
const signIns = (version: "v1.0" | "beta", filter: string) =>
  `/${version}/auditLogs/signIns?$top=1000&$filter=${filter}`;
const ids = (body: unknown) => (body as Body).value.map((signIn) => signIn.id);

describe("graph simulator: workload identities' sign-ins (beta only, through /_simulator/workloadSignIns)", () => {
  let sim: GraphSimulator;
  let sp: Record<string, unknown>;
  let mi: Record<string, unknown>;
  before(async () => {
    sim = await startGraphSimulator({ snapshot: contosoSmall() });
    const added = await call(sim, "POST", "/_simulator/workloadSignIns", {
      body: { appId: APP, servicePrincipalName: "deploy-pipeline", createdDateTime: "2026-11-20T08:00:00Z" },
    });
    assert.equal(added.status, 201);
    sp = added.body as Record<string, unknown>;
    mi = (
      await call(sim, "POST", "/_simulator/workloadSignIns", {
        body: { appId: MI_APP, kind: "managedIdentity", createdDateTime: "2026-11-20T08:30:00Z" },
      })
    ).body as Record<string, unknown>;
  });
  after(() => sim.close());

  it("adds them in Graph's shape: no user, the identity's app and principal, the resource, the kind", () => {
    assert.equal(sp.userId, "");
    assert.equal(sp.userPrincipalName, null);
    assert.equal(sp.appId, APP);
    assert.equal(sp.servicePrincipalName, "deploy-pipeline");
    assert.match(String(sp.servicePrincipalId), /^[0-9a-f-]{36}$/);
    assert.equal(sp.resourceId, ARM);
    assert.equal(sp.resourceDisplayName, "Windows Azure Service Management API");
    assert.deepEqual(sp.signInEventTypes, ["servicePrincipal"]);
    assert.equal(sp.isInteractive, false);
    assert.deepEqual(mi.signInEventTypes, ["managedIdentity"]);
  });

  it("serves them from beta only when signInEventTypes names their kind, by appId or servicePrincipalId", async () => {
    const clause = "signInEventTypes/any(t: t eq 'servicePrincipal' or t eq 'managedIdentity')";
    const both = await get(sim, signIns("beta", `${SINCE} and resourceId eq '${ARM}' and ${clause}`));
    assert.deepEqual(ids(both.body), [mi.id, sp.id], "newest first");
    const onlySp = await get(
      sim,
      signIns("beta", `${SINCE} and signInEventTypes/any(t: t eq 'servicePrincipal')`),
    );
    assert.deepEqual(ids(onlySp.body), [sp.id]);
    const byApp = await get(
      sim,
      signIns("beta", `${SINCE} and appId eq '${APP}' and resourceId eq '${ARM}' and ${clause}`),
    );
    assert.deepEqual(ids(byApp.body), [sp.id]);
    const byPrincipal = await get(
      sim,
      signIns("beta", `${SINCE} and servicePrincipalId eq '${String(sp.servicePrincipalId)}' and ${clause}`),
    );
    assert.deepEqual(ids(byPrincipal.body), [sp.id]);
    const otherResource = await get(
      sim,
      signIns(
        "beta",
        `${SINCE} and appId eq '${APP}' and resourceId eq '00000003-0000-0000-c000-000000000000' and ${clause}`,
      ),
    );
    assert.deepEqual(ids(otherResource.body), []);
  });

  it("never serves them to v1.0, nor to beta without the clause", async () => {
    assert.deepEqual(ids((await get(sim, signIns("v1.0", `${SINCE} and appId eq '${APP}'`))).body), []);
    assert.deepEqual(ids((await get(sim, signIns("beta", `${SINCE} and appId eq '${APP}'`))).body), []);
    const v1 = await get(
      sim,
      signIns("v1.0", `${SINCE} and signInEventTypes/any(t: t eq 'servicePrincipal')`),
    );
    assert.equal(v1.status, 400);
  });

  it("refuses a workload sign-in without a GUID appId, or of an unknown kind, with 400", async () => {
    for (const body of [{}, { appId: "deploy" }, { appId: APP, kind: "interactiveUser" }]) {
      const answer = await call(sim, "POST", "/_simulator/workloadSignIns", { body });
      assert.equal(answer.status, 400, JSON.stringify(body));
    }
  });
});
