import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { SignIn } from "../../src/directory/graph-types";
import { checkWorkloadMigration, parseAppId } from "../../src/domain/workload-migration";

const SINCE = new Date("2026-12-01T09:00:00Z");
const CAROL = "d0000000-0000-0000-0000-000000000004";
const PIPELINE = "5b0e6a2c-1d1f-4c57-9a55-0c6f3c0d7e11";
const ARM = "797f4846-ba00-4fd7-ba43-dac1f8f63013";

/** As v1.0 returns an interactive user sign-in. */
const interactive = (createdDateTime: string, extra: Partial<SignIn> = {}): SignIn => ({
  id: `i-${createdDateTime}`,
  createdDateTime,
  userId: CAROL,
  userPrincipalName: "carol@contoso.example",
  appId: "04b07795-8ddb-461a-bbee-02f9e1bf7b46",
  appDisplayName: "Microsoft Azure CLI",
  resourceId: ARM,
  resourceDisplayName: "Windows Azure Service Management API",
  isInteractive: true,
  authenticationProtocol: "ropc",
  status: { errorCode: 0 },
  ...extra,
});

/** As beta returns a silent refresh (signInEventTypes nonInteractiveUser). */
const silent = (createdDateTime: string, extra: Partial<SignIn> = {}): SignIn => ({
  ...interactive(createdDateTime),
  id: `n-${createdDateTime}`,
  appId: "1950a258-227b-4e31-a9cf-717495945fc2",
  appDisplayName: "Microsoft Azure PowerShell",
  isInteractive: false,
  signInEventTypes: ["nonInteractiveUser"],
  authenticationProtocol: "none",
  ...extra,
});

/** As beta returns a service principal's sign-in to ARM. */
const workload = (createdDateTime: string, extra: Partial<SignIn> = {}): SignIn => ({
  id: `w-${createdDateTime}`,
  createdDateTime,
  userId: "",
  userPrincipalName: null,
  appId: PIPELINE,
  appDisplayName: "deploy-pipeline",
  servicePrincipalId: "e1f2a3b4-0000-4000-8000-00000000aaaa",
  servicePrincipalName: "deploy-pipeline",
  resourceId: ARM,
  resourceDisplayName: "Windows Azure Service Management API",
  isInteractive: false,
  signInEventTypes: ["servicePrincipal"],
  clientCredentialType: "certificate",
  status: { errorCode: 0 },
  ...extra,
});

const none = { signIns: [], dataGaps: [] };

describe("checkWorkloadMigration: the sign-in logs say the move is done", () => {
  it("holds when the account is quiet since the moment and no identity was named", () => {
    const check = checkWorkloadMigration({
      since: SINCE,
      account: { signIns: [interactive("2026-11-30T22:00:00Z")], dataGaps: [] },
    });
    assert.deepEqual(check, { holds: true }, "a sign-in before the moment is the migration, not a leftover");
  });

  it("holds when the named identity signed in to ARM, with that sign-in as evidence", () => {
    const check = checkWorkloadMigration({
      since: SINCE,
      account: none,
      workload: { appId: PIPELINE.toUpperCase(), signIns: [workload("2026-12-01T10:00:00Z")], dataGaps: [] },
    });
    assert.deepEqual(check, {
      holds: true,
      workloadSignIn: {
        appId: PIPELINE,
        name: "deploy-pipeline",
        at: "2026-12-01T10:00:00Z",
        kind: "servicePrincipal",
      },
    });
  });

  it("does not hold while the account still signs in, naming its latest sign-in: app, time, interactive or silent", () => {
    const check = checkWorkloadMigration({
      since: SINCE,
      account: {
        signIns: [silent("2026-12-02T06:00:00Z"), interactive("2026-12-01T09:00:00Z")],
        dataGaps: [],
      },
      workload: { appId: PIPELINE, signIns: [workload("2026-12-01T10:00:00Z")], dataGaps: [] },
    });
    assert.deepEqual(check, {
      holds: false,
      accountSignIn: {
        appId: "1950a258-227b-4e31-a9cf-717495945fc2",
        app: "Microsoft Azure PowerShell",
        at: "2026-12-02T06:00:00Z",
        interactive: false,
        ropc: false,
        count: 2,
      },
      unreadable: [],
    });
  });

  it("counts a password script that Microsoft stopped to ask for MFA (50076), not a failed password (50126)", () => {
    const blocked = checkWorkloadMigration({
      since: SINCE,
      account: {
        signIns: [interactive("2026-12-01T12:00:00Z", { status: { errorCode: 50076 } })],
        dataGaps: [],
      },
    });
    assert.equal(blocked.holds, false);
    assert.equal(!blocked.holds && blocked.accountSignIn?.ropc, true);
    const wrongPassword = checkWorkloadMigration({
      since: SINCE,
      account: {
        signIns: [interactive("2026-12-01T12:00:00Z", { status: { errorCode: 50126 } })],
        dataGaps: [],
      },
    });
    assert.deepEqual(wrongPassword, { holds: true });
  });

  it("leaves out sign-ins to apps out of scope, and never takes a workload sign-in for the account's", () => {
    const check = checkWorkloadMigration({
      since: SINCE,
      account: {
        signIns: [
          interactive("2026-12-01T12:00:00Z", {
            appId: "1fec8e78-bce4-4aaf-ab1b-5451cc387264",
            appDisplayName: "Microsoft Teams",
            resourceId: "00000003-0000-0ff1-ce00-000000000000",
          }),
          workload("2026-12-01T12:30:00Z"),
        ],
        dataGaps: [],
      },
    });
    assert.deepEqual(check, { holds: true });
  });

  it("says the named identity has not signed in to ARM: none yet, only to another resource, failed, or another app", () => {
    const check = checkWorkloadMigration({
      since: SINCE,
      account: none,
      workload: {
        appId: PIPELINE,
        signIns: [
          workload("2026-12-01T10:00:00Z", { resourceId: "00000003-0000-0000-c000-000000000000" }),
          workload("2026-12-01T11:00:00Z", { status: { errorCode: 7000215 } }),
          workload("2026-12-01T12:00:00Z", { appId: "9d3b7c2e-4f5a-4b6c-8d7e-1f2a3b4c5d6e" }),
          workload("2026-11-30T12:00:00Z"),
        ],
        dataGaps: [],
      },
    });
    assert.deepEqual(check, { holds: false, workloadNotSeen: { appId: PIPELINE }, unreadable: [] });
  });

  it("takes a managed identity's sign-in as the identity's", () => {
    const check = checkWorkloadMigration({
      since: SINCE,
      account: none,
      workload: {
        appId: PIPELINE,
        signIns: [workload("2026-12-01T10:00:00Z", { signInEventTypes: ["managedIdentity"] })],
        dataGaps: [],
      },
    });
    assert.equal(check.holds && check.workloadSignIn?.kind, "managedIdentity");
  });

  it("does not hold when sign-ins could not be read, and names what is missing", () => {
    const gap = { data: "nonInteractiveSignIns", reason: "forbidden" };
    const check = checkWorkloadMigration({
      since: SINCE,
      account: { signIns: [], dataGaps: [gap] },
      workload: {
        appId: PIPELINE,
        signIns: [],
        dataGaps: [{ data: "workloadSignIns", reason: "noPremium" }],
      },
    });
    assert.deepEqual(check, {
      holds: false,
      unreadable: [gap, { data: "workloadSignIns", reason: "noPremium" }],
    });
  });
});

describe("parseAppId: an application (client) id as typed", () => {
  it("takes a GUID, with spaces or braces, in lower case", () => {
    assert.equal(parseAppId(` {${PIPELINE.toUpperCase()}} `), PIPELINE);
    assert.equal(parseAppId(PIPELINE), PIPELINE);
  });
  it("refuses anything else", () => {
    for (const text of [
      "",
      "deploy-pipeline",
      `${PIPELINE}x`,
      "5b0e6a2c1d1f4c579a550c6f3c0d7e11",
      42,
      undefined,
    ]) {
      assert.equal(parseAppId(text), undefined, String(text));
    }
  });
});
