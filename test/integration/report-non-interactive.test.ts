import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import type { TenantSnapshot } from "../../src/directory/graph-types";
import { assess, prepareTenant } from "../../src/domain/assess";
import { openTenantStream } from "../../src/features/report/tenant-stream";
import { type Harness, startHarness } from "../support/graph-directory-harness";
import { contosoSmall } from "../support/graph-simulator-fixtures";

const SUMMARY = "GET /beta/auditLogs/getSummarizedNonInteractiveSignIns";

async function scan(harness: Harness, snapshot: TenantSnapshot) {
  const end = new Date(snapshot.capturedAt);
  const stream = await openTenantStream(harness.directory, {
    window: { start: new Date(end.getTime() - 30 * 86_400_000), end },
    settings: snapshot.settings,
  });
  const tenant = prepareTenant(stream.tenant);
  const verdicts = [];
  for await (const facts of stream.users()) {
    verdicts.push(assess(facts, tenant, end));
  }
  return { verdicts, summaryByDay: stream.summaryByDay };
}

describe("the tenant scan: v1.0's interactive sign-ins plus beta's summarised non-interactive ones", () => {
  const snapshot = contosoSmall();
  // A silent-refresh-only CLI script with no interactive sign-in anywhere, and a guest refreshing tokens.
  const script = {
    ...snapshot.users[3]!,
    id: "e0000000-0000-0000-0000-000000000005",
    userPrincipalName: "nightly@contoso.example",
    mail: null,
    signInActivity: undefined,
  };
  const guest = {
    ...snapshot.users[3]!,
    id: "f0000000-0000-0000-0000-000000000006",
    userPrincipalName: "adele_fabrikam.com#EXT#@contoso.onmicrosoft.com",
    mail: "adele@fabrikam.com",
    userType: "guest",
    signInActivity: { lastSignInDateTime: "2026-11-19T08:00:00Z" },
  };
  snapshot.users.push(script, guest);
  const carolRefreshes = snapshot.signIns!.filter((signIn) => signIn.userId === snapshot.users[3]!.id);
  snapshot.signIns!.push(
    ...carolRefreshes.map((signIn, i) => ({
      ...signIn,
      id: `script-${i}`,
      userId: script.id,
      userPrincipalName: script.userPrincipalName,
    })),
    ...carolRefreshes.map((signIn, i) => ({
      ...signIn,
      id: `guest-${i}`,
      userId: guest.id,
      userPrincipalName: guest.userPrincipalName,
    })),
  );
  let harness: Harness;
  before(async () => {
    harness = await startHarness(snapshot);
  });
  after(() => harness.close());

  it("finds Carol, the script and the guest affected by phase 2, and suspects only the script", async () => {
    const { verdicts, summaryByDay } = await scan(harness, snapshot);
    assert.equal(summaryByDay, true, "the summary counts by UTC day: the report says so");
    const byUpn = new Map(verdicts.map((verdict) => [verdict.userPrincipalName, verdict]));
    for (const upn of ["carol@contoso.example", "nightly@contoso.example", guest.userPrincipalName]) {
      assert.equal(byUpn.get(upn)!.phase2, "affected", upn);
      assert.deepEqual(
        byUpn.get(upn)!.evidence.phase2.map((entry) => [entry.count, entry.silent]),
        [[3, 3]],
        upn,
      );
    }
    assert.equal(
      byUpn.get("carol@contoso.example")!.serviceAccountSuspect,
      false,
      "signInActivity: she signs in to Teams",
    );
    assert.equal(byUpn.get(guest.userPrincipalName)!.serviceAccountSuspect, false);
    assert.deepEqual(byUpn.get("nightly@contoso.example")!.actions, ["MOVE_TO_WORKLOAD_IDENTITY"]);
    assert.deepEqual(
      verdicts.map((verdict) => verdict.userPrincipalName),
      snapshot.users.map((user) => user.userPrincipalName),
      "Graph's order kept",
    );
    const stats = harness.simulator.stats.byPath;
    assert.equal(stats[SUMMARY], 1, "one summary page");
    assert.equal(
      stats["GET /users"],
      2,
      "the users page, and one signInActivity read for the three who need it (15 ids a request)",
    );
  });

  it("carries on with v1.0 when beta answers an error, naming the gap; nobody is suspected on silence", async () => {
    harness.simulator.admin.injectFault({
      pathPrefix: "/beta/auditLogs/getSummarizedNonInteractiveSignIns",
      count: 1,
      status: 403,
    });
    const { verdicts, summaryByDay } = await scan(harness, snapshot);
    assert.equal(summaryByDay, false, "no summary was read: the report has no by-day caveat");
    const nightly = verdicts.find((verdict) => verdict.userPrincipalName === "nightly@contoso.example")!;
    assert.equal(nightly.phase2, "no");
    assert.equal(nightly.serviceAccountSuspect, false);
    assert.ok(nightly.dataGaps.some((gap) => gap.data === "nonInteractiveSignIns"));
    const bob = verdicts.find((verdict) => verdict.userPrincipalName === "bob@contoso.example")!;
    assert.equal(bob.phase2, "affected", "v1.0's interactive sign-ins still count");
  });
});
