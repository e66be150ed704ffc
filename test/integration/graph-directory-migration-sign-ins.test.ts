import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { type Harness, startHarness } from "../support/graph-directory-harness";
import { contosoSmall } from "../support/graph-simulator-fixtures";

const CAROL = "d0000000-0000-0000-0000-000000000004";
const ARM = "797f4846-ba00-4fd7-ba43-dac1f8f63013";
const CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
const TEAMS = "1fec8e78-bce4-4aaf-ab1b-5451cc387264";
const PIPELINE = "5b0e6a2c-1d1f-4c57-9a55-0c6f3c0d7e11";
const SINCE = new Date("2026-11-12T09:00:00Z");
const requests = (harness: Harness, name: string) => harness.simulator.stats.byPath[name] ?? 0;

describe("GraphDirectory: the sign-ins a workload migration's check reads", () => {
  let harness: Harness;
  let principalId: string;
  before(async () => {
    harness = await startHarness(contosoSmall());
    const { admin } = harness.simulator;
    // Carol's script still signs in with her password; her Teams sign-in is not in scope.
    admin.addSignIn({
      userId: CAROL,
      appId: CLI,
      appDisplayName: "Microsoft Azure CLI",
      resourceId: ARM,
      authenticationProtocol: "ropc",
      createdDateTime: "2026-11-19T20:00:00Z",
    });
    admin.addSignIn({ userId: CAROL, appId: TEAMS, createdDateTime: "2026-11-19T21:00:00Z" });
    principalId = String(
      admin.addWorkloadSignIn({ appId: PIPELINE, createdDateTime: "2026-11-19T22:00:00Z" })
        .servicePrincipalId,
    );
    admin.addWorkloadSignIn({ appId: PIPELINE, createdDateTime: "2026-11-01T22:00:00Z" });
    admin.addWorkloadSignIn({
      appId: PIPELINE,
      resourceId: "00000003-0000-0000-c000-000000000000",
      createdDateTime: "2026-11-19T23:00:00Z",
    });
    admin.addWorkloadSignIn({ appId: "9d3b7c2e-4f5a-4b6c-8d7e-1f2a3b4c5d6e", kind: "managedIdentity" });
  });
  after(() => harness.close());

  it("reads the account's interactive in-scope sign-ins from v1.0 and its silent refreshes from beta", async () => {
    const v1 = requests(harness, "GET /auditLogs/signIns");
    const beta = requests(harness, "GET /beta/auditLogs/signIns");
    const read = await harness.directory.readAccountSignInsSince(CAROL, SINCE);
    assert.deepEqual(
      read.signIns.map((signIn) => [
        signIn.createdDateTime,
        signIn.isInteractive,
        signIn.authenticationProtocol,
      ]),
      [
        ["2026-11-19T20:00:00Z", true, "ropc"],
        ["2026-11-19T16:05:00Z", false, "none"],
        ["2026-11-12T09:40:00Z", false, "none"],
      ],
      "newest first; Teams and the sign-in before `since` left out",
    );
    assert.deepEqual(read.dataGaps, []);
    assert.equal(requests(harness, "GET /auditLogs/signIns") - v1, 1);
    assert.equal(requests(harness, "GET /beta/auditLogs/signIns") - beta, 1);
  });

  it("reads a workload identity's sign-ins to Azure Resource Manager, by appId or servicePrincipalId", async () => {
    const byApp = await harness.directory.readWorkloadSignInsToArm({ appId: PIPELINE }, SINCE);
    assert.deepEqual(
      byApp.signIns.map((signIn) => [signIn.createdDateTime, signIn.resourceId, signIn.signInEventTypes]),
      [["2026-11-19T22:00:00Z", ARM, ["servicePrincipal"]]],
      "not its Graph sign-in, nor the one before `since`",
    );
    assert.deepEqual(byApp.dataGaps, []);
    const byPrincipal = await harness.directory.readWorkloadSignInsToArm(
      { servicePrincipalId: principalId },
      SINCE,
    );
    assert.deepEqual(
      byPrincipal.signIns.map((signIn) => signIn.servicePrincipalId),
      [principalId],
    );
    const account = await harness.directory.readAccountSignInsSince(CAROL, SINCE);
    assert.ok(
      account.signIns.every((signIn) => signIn.userId === CAROL),
      "no workload sign-in among a user's",
    );
  });

  it("names what could not be read as a gap: beta refusing leaves v1.0's interactive sign-ins", async () => {
    harness.simulator.admin.injectFault({ pathPrefix: "/beta/auditLogs/signIns", status: 403, count: 2 });
    try {
      const account = await harness.directory.readAccountSignInsSince(CAROL, SINCE);
      assert.deepEqual(
        account.signIns.map((signIn) => signIn.createdDateTime),
        ["2026-11-19T20:00:00Z"],
      );
      assert.deepEqual(
        account.dataGaps.map((gap) => gap.data),
        ["nonInteractiveSignIns"],
      );
      const workload = await harness.directory.readWorkloadSignInsToArm({ appId: PIPELINE }, SINCE);
      assert.deepEqual(workload.signIns, []);
      assert.deepEqual(
        workload.dataGaps.map((gap) => gap.data),
        ["workloadSignIns"],
      );
    } finally {
      harness.simulator.admin.clearFaults();
    }
  });

  it("without Entra ID P1 every read is a gap (noPremium), never an empty answer", async () => {
    const snapshot = contosoSmall();
    snapshot.tenant.premium = false;
    const free = await startHarness(snapshot);
    try {
      const account = await free.directory.readAccountSignInsSince(CAROL, SINCE);
      assert.deepEqual(
        account.dataGaps.map((gap) => [gap.data, gap.reason]),
        [
          ["signIns", "noPremium"],
          ["nonInteractiveSignIns", "noPremium"],
        ],
      );
      const workload = await free.directory.readWorkloadSignInsToArm({ appId: PIPELINE }, SINCE);
      assert.deepEqual(
        workload.dataGaps.map((gap) => [gap.data, gap.reason]),
        [["workloadSignIns", "noPremium"]],
      );
    } finally {
      await free.close();
    }
  });
});
