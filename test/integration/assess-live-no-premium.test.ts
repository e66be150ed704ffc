import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { generateTenant } from "../../src/dev/generate-tenant";
import { readDirectorySnapshot } from "../../src/directory/directory-snapshot";
import { snapshotFacts } from "../../src/directory/snapshot-facts";
import { assessTenant } from "../../src/domain/assess-tenant";
import { type Harness, startHarness } from "../support/graph-directory-harness";

describe("live assess in a tenant without Entra ID P1: typed methods per user, 20 to a $batch", () => {
  const premium = generateTenant({ users: 90, seed: 12 });
  const snapshot = { ...premium, tenant: { ...premium.tenant, premium: false } };
  let harness: Harness;
  before(async () => {
    harness = await startHarness(snapshot);
  });
  after(() => harness.close());

  it("reads every user's methods in ceil(users / 20) batches and assesses them as the snapshot says", async () => {
    const end = new Date(snapshot.capturedAt);
    const window = { start: new Date(end.getTime() - 30 * 86_400_000), end };
    const batchesBefore = harness.simulator.stats.batches;
    const { snapshot: live, gaps } = await readDirectorySnapshot(harness.directory, {
      tenantId: snapshot.tenant.id,
      window,
      settings: snapshot.settings,
    });
    assert.equal(harness.simulator.stats.batches - batchesBefore, Math.ceil(snapshot.users.length / 20));
    assert.equal(gaps.methods, undefined, "every user's methods were read");
    assert.equal(gaps.registrationDetails?.reason, "noPremium");
    const verdicts = [...assessTenant(snapshotFacts(live, { gaps }), { lookbackDays: 30 })];
    // The truth: the same tenant assessed offline from its typed methods (no sign-ins: no P1 either).
    const offline = [
      ...assessTenant(
        snapshotFacts({ ...snapshot, signIns: undefined, userRegistrationDetails: undefined }),
        { lookbackDays: 30 },
      ),
    ];
    assert.ok(
      verdicts.some((verdict) => verdict.mfaReady),
      "somebody is ready: methods were read",
    );
    assert.deepEqual(
      verdicts.map((verdict) => [verdict.userPrincipalName, verdict.mfaReady]),
      offline.map((verdict) => [verdict.userPrincipalName, verdict.mfaReady]),
    );
  });
});
