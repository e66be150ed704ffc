import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { assess, prepareTenant } from "../../src/domain/assess";
import { type Harness, startHarness } from "../support/graph-directory-harness";
import { contosoSmall } from "../support/graph-simulator-fixtures";

const CAROL = "d0000000-0000-0000-0000-000000000004";
const BOB = "b0000000-0000-0000-0000-000000000002";
const snapshot = contosoSmall();
const end = new Date(snapshot.capturedAt);
const window = { start: new Date(end.getTime() - 30 * 86_400_000), end };
const tenant = prepareTenant({
  policy: snapshot.authenticationMethodsPolicy,
  settings: snapshot.settings,
  dataGaps: [],
});

describe("GraphDirectory: interactive sign-ins from v1.0, non-interactive ones from beta", () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness(snapshot);
  });
  after(() => harness.close());

  it("reads Carol's silent CLI refreshes from beta, and her signInActivity because every one was silent", async () => {
    const stats = harness.simulator.stats;
    const before = { ...stats.byPath };
    const facts = await harness.directory.getUserFacts(CAROL, window);
    assert.deepEqual(
      facts.signIns?.map((signIn) => [signIn.createdDateTime, signIn.isInteractive]),
      [
        ["2026-11-19T16:05:00Z", false],
        ["2026-11-12T09:40:00Z", false],
        ["2026-11-03T13:15:00Z", false],
      ],
    );
    assert.equal(facts.user.signInActivity?.lastSignInDateTime, "2026-11-18T07:30:00Z");
    assert.equal(
      (stats.byPath["GET /beta/auditLogs/signIns"] ?? 0) - (before["GET /beta/auditLogs/signIns"] ?? 0),
      1,
    );
    assert.equal(
      (stats.byPath["GET /auditLogs/signIns"] ?? 0) - (before["GET /auditLogs/signIns"] ?? 0),
      0,
      "no v1.0 read",
    );
    assert.deepEqual(facts.dataGaps, []);
    const verdict = assess(facts, tenant, end);
    assert.equal(verdict.phase2, "affected");
    assert.equal(verdict.serviceAccountSuspect, false, "she signs in interactively to other apps");
    assert.deepEqual(
      verdict.evidence.phase2.map((entry) => [entry.app, entry.count, entry.silent]),
      [["Azure CLI", 3, 3]],
    );
  });

  it("does not read signInActivity for a user with an interactive in-scope sign-in", async () => {
    const before = harness.simulator.stats.byPath["GET /users"] ?? 0;
    const facts = await harness.directory.getUserFacts(BOB, window);
    assert.equal(facts.signIns?.length, 1);
    assert.equal(facts.user.signInActivity, undefined);
    assert.equal(harness.simulator.stats.byPath["GET /users"] ?? 0, before);
  });

  it("carries on with v1.0 when beta answers an error, and names the gap (rule 6's last test is off)", async () => {
    harness.simulator.admin.injectFault({ pathPrefix: "/beta/auditLogs/signIns", count: 1, status: 400 });
    const facts = await harness.directory.getUserFacts(BOB, window);
    assert.deepEqual(
      facts.signIns?.map((signIn) => signIn.appId),
      ["04b07795-8ddb-461a-bbee-02f9e1bf7b46"],
    );
    assert.deepEqual(
      facts.dataGaps.map((gap) => gap.data),
      ["nonInteractiveSignIns"],
    );

    harness.simulator.admin.injectFault({ pathPrefix: "/beta/auditLogs/signIns", count: 1, status: 400 });
    const carol = await harness.directory.getUserFacts(CAROL, window);
    assert.deepEqual(carol.signIns, [], "v1.0 holds none of Carol's silent refreshes");
    const verdict = assess(carol, tenant, end);
    assert.equal(verdict.phase2, "no");
    assert.equal(verdict.serviceAccountSuspect, false);
    assert.ok(verdict.dataGaps.some((gap) => gap.data === "nonInteractiveSignIns"));
  });
});
