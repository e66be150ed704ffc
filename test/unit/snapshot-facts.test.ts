import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { TenantSnapshot } from "../../src/directory/graph-types";
import { loadSnapshot } from "../../src/directory/snapshot";
import { snapshotFacts } from "../../src/directory/snapshot-facts";
import { assessTenant } from "../../src/domain/assess-tenant";
import { CONTOSO_SMALL } from "../support/shared-examples";

const example = CONTOSO_SMALL;
const GROUP = "f0000000-0000-0000-0000-0000000000cc";
const ALICE = "a0000000-0000-0000-0000-000000000001";

describe("snapshotFacts: the snapshot joined per user", () => {
  it("indexes sign-ins, registration details, methods and roles by user", () => {
    const joined = snapshotFacts(loadSnapshot(example));
    const [alice, bob] = [...joined.users()];
    assert.equal(joined.capturedAt.toISOString(), "2026-11-20T09:00:00.000Z");
    assert.equal(alice!.signIns!.length, 1);
    assert.equal(alice!.registration!.methodsRegistered.length, 2);
    assert.equal(alice!.methods!.length, 3);
    assert.equal(alice!.roleAssignments!.length, 1);
    assert.deepEqual(bob!.roleAssignments, []);
    assert.deepEqual(alice!.dataGaps, []);
    assert.deepEqual(joined.tenant.dataGaps, []);
  });

  it("turns missing keys into undefined facts and gaps; noPremium when the tenant has no P1", () => {
    const snapshot: TenantSnapshot = loadSnapshot(example);
    delete snapshot.signIns;
    delete snapshot.userRegistrationDetails;
    delete snapshot.authenticationMethods;
    delete snapshot.roleAssignments;
    delete snapshot.authenticationMethodsPolicy;
    snapshot.tenant.premium = false;
    const joined = snapshotFacts(snapshot);
    const [alice] = [...joined.users()];
    assert.equal(alice!.signIns, undefined);
    assert.equal(alice!.methods, undefined);
    assert.equal(alice!.roleAssignments, undefined);
    assert.deepEqual(alice!.dataGaps, [
      { data: "signIns", reason: "noPremium" },
      { data: "roleAssignments", reason: "notInSnapshot" },
      { data: "methods", reason: "notInSnapshot" },
      { data: "registrationDetails", reason: "noPremium" },
    ]);
    assert.deepEqual(joined.tenant.dataGaps, [{ data: "policy", reason: "notInSnapshot" }]);
    snapshot.tenant.premium = true;
    assert.equal([...snapshotFacts(snapshot).users()][0]!.dataGaps[0]!.reason, "notInSnapshot");
  });

  it("resolves break-glass through a group named in the settings", () => {
    const snapshot = loadSnapshot(example);
    snapshot.settings.breakGlassAccounts = [GROUP];
    snapshot.groups = [{ id: GROUP, displayName: "Emergency access", members: [ALICE] }];
    const [alice, bob] = [...assessTenant(snapshotFacts(snapshot))];
    assert.equal(alice!.breakGlass, true);
    assert.equal(bob!.breakGlass, false);
  });

  it("notes a groups gap when a named group cannot be resolved", () => {
    const snapshot = loadSnapshot(example);
    snapshot.settings.serviceAccounts = [GROUP];
    delete snapshot.groups;
    const [alice] = [...snapshotFacts(snapshot).users()];
    assert.equal(alice!.groupIds, undefined);
    assert.deepEqual(alice!.dataGaps, [{ data: "groups", reason: "notInSnapshot" }]);
  });
});
