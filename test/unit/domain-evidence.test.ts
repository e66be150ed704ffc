import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { assess } from "../../src/domain/assess";
import { APP, ARM_RESOURCE, facts, NOW, roleAssignment, signIn, tenant } from "../support/domain-facts";

const DAY = 86_400_000;
const at = (msBeforeNow: number) => new Date(NOW.getTime() - msBeforeNow).toISOString();

describe("rule 1: which sign-ins count as evidence", () => {
  it("counts the window's start and end, both included, and nothing outside", () => {
    const verdict = (createdDateTime: string) =>
      assess(facts({ signIns: [signIn({ createdDateTime })] }), tenant(), NOW).phase1;
    assert.equal(verdict(at(30 * DAY)), "affected", "exactly 30 days before the end");
    assert.equal(verdict(at(0)), "affected", "exactly at the end");
    assert.equal(verdict(at(30 * DAY + 1000)), "no", "one second before the window");
    assert.equal(verdict(new Date(NOW.getTime() + 1000).toISOString()), "no", "after the end");
  });

  it("takes the window length from lookbackDays", () => {
    const old = facts({ signIns: [signIn({ createdDateTime: at(10 * DAY) })] });
    assert.equal(assess(old, tenant(), NOW, { lookbackDays: 7 }).phase1, "no");
    assert.equal(assess(old, tenant(), NOW, { lookbackDays: 10 }).phase1, "affected");
  });

  it("counts error codes 0, 50074 and 50076 and no other", () => {
    const verdict = (errorCode: number) =>
      assess(facts({ signIns: [signIn({ status: { errorCode } })] }), tenant(), NOW).phase1;
    assert.equal(verdict(0), "affected");
    assert.equal(verdict(50074), "affected");
    assert.equal(verdict(50076), "affected");
    assert.equal(verdict(50126), "no", "wrong password is not evidence");
    assert.equal(verdict(53003), "no");
  });

  it("puts the M365 admin center in phase 1 and CLI/PowerShell in phase 2", () => {
    const verdict = assess(
      facts({
        signIns: [
          signIn({ appId: APP.m365Admin, resourceId: null }),
          signIn({ appId: APP.cli }),
          signIn({ appId: APP.powerShell, resourceId: "00000003-0000-0000-c000-000000000000" }),
        ],
      }),
      tenant(),
      NOW,
    );
    assert.deepEqual(
      verdict.evidence.phase1.map((entry) => entry.appId),
      [APP.m365Admin],
    );
    assert.deepEqual(
      new Set(verdict.evidence.phase2.map((entry) => entry.appId)),
      new Set([APP.cli, APP.powerShell]),
    );
  });

  it("counts another app writing through the ARM resource as phase 2", () => {
    const verdict = assess(
      facts({
        signIns: [signIn({ appId: APP.terraform, appDisplayName: "Terraform", resourceId: ARM_RESOURCE })],
      }),
      tenant(),
      NOW,
    );
    assert.equal(verdict.phase1, "no");
    assert.equal(verdict.phase2, "affected");
    assert.deepEqual(verdict.evidence.phase2, [
      { appId: APP.terraform, app: "Terraform", lastSignIn: "2026-11-18T10:15:00Z", count: 1, silent: 0 },
    ]);
  });

  it("counts a phase 1 app on the ARM resource as phase 1 only", () => {
    const verdict = assess(
      facts({ signIns: [signIn({ appId: APP.portal, resourceId: ARM_RESOURCE })] }),
      tenant(),
      NOW,
    );
    assert.equal(verdict.phase1, "affected");
    assert.equal(verdict.phase2, "no");
  });

  it("ignores apps outside the scope", () => {
    const verdict = assess(
      facts({
        signIns: [signIn({ appId: APP.terraform, resourceId: "00000003-0000-0000-c000-000000000000" })],
      }),
      tenant(),
      NOW,
    );
    assert.equal(verdict.phase1, "no");
    assert.equal(verdict.phase2, "no");
  });
});

describe("rule 2: phase verdicts and their evidence", () => {
  it("lists evidence per app with the last time and the count", () => {
    const verdict = assess(
      facts({
        signIns: [
          signIn({ createdDateTime: "2026-11-01T08:00:00Z" }),
          signIn({ createdDateTime: "2026-11-19T08:00:00Z" }),
          signIn({ createdDateTime: "2026-11-10T08:00:00Z", status: { errorCode: 50074 } }),
          signIn({ createdDateTime: "2026-11-15T08:00:00Z", status: { errorCode: 50126 } }),
        ],
      }),
      tenant(),
      NOW,
    );
    assert.deepEqual(verdict.evidence.phase1, [
      {
        appId: APP.portal,
        app: "Azure portal / Entra / Intune admin centers",
        lastSignIn: "2026-11-19T08:00:00Z",
        count: 3,
        silent: 0,
      },
    ]);
    assert.deepEqual(verdict.evidence.phase2, []);
  });

  it("says no when sign-ins were read and hold none", () => {
    const verdict = assess(facts({ signIns: [] }), tenant(), NOW);
    assert.equal(verdict.phase1, "no");
    assert.equal(verdict.phase2, "no");
  });

  it("says likely without sign-in data for a role holder, unknown without a role, and keeps the gap", () => {
    const gap = { data: "signIns", reason: "noPremium" };
    const admin = assess(
      facts({ signIns: undefined, roleAssignments: [roleAssignment()], dataGaps: [gap] }),
      tenant(),
      NOW,
    );
    assert.equal(admin.phase1, "likely");
    assert.equal(admin.phase2, "likely");
    assert.equal(admin.isAdmin, true);
    assert.deepEqual(admin.roles, ["globalAdministrator"]);
    assert.deepEqual(admin.dataGaps, [gap]);
    const plain = assess(facts({ signIns: undefined, dataGaps: [gap] }), tenant(), NOW);
    assert.equal(plain.phase1, "unknown");
    assert.equal(plain.phase2, "unknown");
  });

  it("falls back to the registration report's isAdmin when role assignments could not be read", () => {
    const verdict = assess(
      facts({
        signIns: undefined,
        roleAssignments: undefined,
        registration: {
          id: "d0000000-0000-0000-0000-000000000004",
          userPrincipalName: "dana@contoso.example",
          isAdmin: true,
          methodsRegistered: [],
        },
      }),
      tenant(),
      NOW,
    );
    assert.equal(verdict.phase1, "likely");
  });
});
