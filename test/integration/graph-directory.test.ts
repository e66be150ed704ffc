import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { generateTenant } from "../../src/dev/generate-tenant";
import { DirectoryError } from "../../src/directory/errors";
import type { TenantSnapshot } from "../../src/directory/graph-types";
import { AZURE_SERVICE_MANAGEMENT_RESOURCE_ID, PHASE1_APP_IDS, PHASE2_APP_IDS } from "../../src/domain/apps";
import { type Harness, startHarness } from "../support/graph-directory-harness";

const ADELE = "a0000000-0000-4000-8000-000000000001";
const scope = {
  appIds: [...PHASE1_APP_IDS, ...PHASE2_APP_IDS],
  resourceIds: [AZURE_SERVICE_MANAGEMENT_RESOURCE_ID],
};

const REGISTRATION_DETAIL = "GET /reports/authenticationMethods/userRegistrationDetails/{id}";

function windowOf(snapshot: TenantSnapshot) {
  const end = new Date(snapshot.capturedAt);
  return { start: new Date(end.getTime() - 30 * 86_400_000), end };
}

async function count<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) {
    all.push(item);
  }
  return all;
}

describe("GraphDirectory against the Graph simulator (premium tenant, 2,100 users)", () => {
  const snapshot = generateTenant({ users: 2_100, seed: 7 });
  let harness: Harness;
  before(async () => {
    harness = await startHarness(snapshot);
  });
  after(() => harness.close());

  it("streams every user across three pages of 999", async () => {
    const users = await count(harness.directory.listUsers());
    assert.equal(users.length, 2_100);
    assert.equal(new Set(users.map((user) => user.id)).size, 2_100);
    assert.equal(harness.simulator.stats.byPath["GET /users"], 3);
    assert.ok(users.every((user) => "authorizationInfo" in user));
  });

  it("streams registration details, and in-scope sign-ins in the window in one query", async () => {
    const registration = await harness.directory.listRegistrationDetails();
    assert.equal(registration.available, true);
    assert.equal(registration.available && (await count(registration.items)).length, 2_100);

    const window = windowOf(snapshot);
    const expected = (snapshot.signIns ?? []).filter((signIn) => {
      const time = Date.parse(signIn.createdDateTime);
      const inScope =
        scope.appIds.includes(signIn.appId) || signIn.resourceId === AZURE_SERVICE_MANAGEMENT_RESOURCE_ID;
      // v1.0 holds the interactive ones only; the scan reads the rest summarised, from beta.
      return (
        inScope &&
        time >= window.start.getTime() &&
        time <= window.end.getTime() &&
        signIn.isInteractive !== false
      );
    });
    const before = harness.simulator.stats.byPath["GET /auditLogs/signIns"] ?? 0;
    const signIns = await harness.directory.listSignIns(window, scope);
    assert.equal(signIns.available, true);
    const got = signIns.available ? await count(signIns.items) : [];
    assert.ok(expected.length > 1_000, "the tenant has more than one page of sign-ins");
    assert.deepEqual(got.map((signIn) => signIn.id).sort(), expected.map((signIn) => signIn.id).sort());
    assert.equal(
      (harness.simulator.stats.byPath["GET /auditLogs/signIns"] ?? 0) - before,
      Math.ceil(expected.length / 1_000),
    );
  });

  it("reads one user's facts in a single $batch, with no registration report when methods are readable", async () => {
    const batchesBefore = harness.simulator.stats.batches;
    const requestsBefore = harness.simulator.stats.requests;
    const facts = await harness.directory.getUserFacts(ADELE, windowOf(snapshot));
    assert.equal(harness.simulator.stats.batches - batchesBefore, 1);
    assert.equal(
      harness.simulator.stats.requests - requestsBefore,
      5,
      "user, methods, roles, groups in the batch; beside it, the sign-ins from beta",
    );
    assert.equal(harness.simulator.stats.byPath["GET /beta/auditLogs/signIns"], 1);
    assert.equal(harness.simulator.stats.byPath[REGISTRATION_DETAIL] ?? 0, 0);
    assert.equal(facts.user.userPrincipalName, "adele.vance@contoso.example");
    assert.equal(facts.registration, undefined, "not needed: the typed methods were read");
    assert.deepEqual(
      facts.methods?.map((method) => method.id).sort(),
      (snapshot.authenticationMethods?.[ADELE] ?? []).map((method) => method.id).sort(),
    );
    assert.ok((facts.signIns?.length ?? 0) > 0);
    assert.ok(facts.signIns?.every((signIn) => signIn.userId === ADELE));
    assert.deepEqual(
      facts.roleAssignments?.map((assignment) => assignment.id).sort(),
      (snapshot.roleAssignments ?? [])
        .filter((assignment) => assignment.principalId === ADELE)
        .map((a) => a.id)
        .sort(),
    );
    assert.deepEqual(
      facts.groupIds?.sort(),
      (snapshot.groups ?? [])
        .filter((group) => group.members.includes(ADELE))
        .map((group) => group.id)
        .sort(),
    );
    assert.deepEqual(facts.dataGaps, []);
  });

  it("throws notFound for a user who does not exist, and getUser answers undefined", async () => {
    const missing = "00000000-0000-4000-8000-00000000dead";
    await assert.rejects(harness.directory.getUserFacts(missing, windowOf(snapshot)), (error: unknown) => {
      assert.ok(error instanceof DirectoryError);
      assert.equal(error.reason, "notFound");
      assert.equal(error.retryable, false);
      return true;
    });
    assert.equal(await harness.directory.getUser(missing), undefined);
    assert.equal((await harness.directory.getUser("adele.vance@contoso.example"))?.id, ADELE);
  });

  it("lists group members, role assignments, the methods policy (cached) and portal settings over ARM", async () => {
    const groups = new Map((snapshot.groups ?? []).map((group) => [group.id, group.members]));
    const transitiveUsers = (id: string): string[] =>
      (groups.get(id) ?? []).flatMap((member) => (groups.has(member) ? transitiveUsers(member) : [member]));
    const nested = (snapshot.groups ?? []).find((group) =>
      group.members.some((member) => groups.has(member)),
    )!;
    const expected = [...new Set(transitiveUsers(nested.id))].sort();
    assert.ok(expected.length > 0);
    assert.deepEqual((await count(harness.directory.listGroupMembers(nested.id))).sort(), expected);
    assert.equal(
      (await count(harness.directory.listRoleAssignments())).length,
      snapshot.roleAssignments?.length,
    );
    const policyCalls = () =>
      harness.simulator.stats.byPath["GET /policies/authenticationMethodsPolicy"] ?? 0;
    const before = policyCalls();
    const policy = await harness.directory.getMethodsPolicy();
    await harness.directory.getMethodsPolicy();
    assert.ok(policy.authenticationMethodConfigurations.length > 0);
    assert.equal(policyCalls() - before, 1, "the second read comes from the cache");
    const settings = await harness.directory.getPortalSettings();
    assert.ok(settings.properties.multiFactorAuthentication !== undefined);
    assert.deepEqual(await harness.directory.checkHealth(), { reachable: true });
  });

  it("installs the bot for a user, and finds the same chat when it is already installed (409)", async () => {
    const teamsAppId = "5a1e0d6b-1f6f-4c1e-9d0c-6a0b6f1d2e3f";
    const first = await harness.directory.installAppForUser(ADELE, teamsAppId);
    const second = await harness.directory.installAppForUser(ADELE, teamsAppId);
    assert.equal(first.newlyInstalled, true);
    assert.equal(second.newlyInstalled, false);
    assert.equal(second.chatId, first.chatId);
    assert.match(first.chatId, /^19:/);
  });

  it("writes the portal settings over ARM with PUT", async () => {
    const current = await harness.directory.getPortalSettings();
    const next = {
      ...current,
      properties: {
        ...current.properties,
        multiFactorAuthentication: {
          ...current.properties.multiFactorAuthentication,
          portalEnforcement: "OptOut",
        },
      },
    };
    const saved = await harness.directory.putPortalSettings(next);
    assert.equal(saved.properties.multiFactorAuthentication?.portalEnforcement, "OptOut");
    assert.equal(
      (await harness.directory.getPortalSettings()).properties.multiFactorAuthentication?.portalEnforcement,
      "OptOut",
    );
  });

  it("creates a Temporary Access Pass and never logs its value", async () => {
    const pass = await harness.directory.createTemporaryAccessPass(ADELE, {
      lifetimeInMinutes: 60,
      isUsableOnce: true,
    });
    assert.ok(pass.temporaryAccessPass.length >= 8);
    assert.ok(!harness.lines.some((line) => line.includes(pass.temporaryAccessPass)));
  });

  it("logs one line per request with a path free of ids and filter values, and never the token", () => {
    const requests = harness.lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.msg === "graph request");
    assert.ok(requests.length > 10);
    const text = harness.lines.join("\n");
    assert.ok(!text.includes(ADELE), "no user id in logs");
    assert.ok(!text.includes("adele.vance"), "no UPN in logs");
    assert.ok(!/bearer|simulator-token/i.test(text), "no token in logs");
    assert.ok(
      requests.some(
        (entry) =>
          entry.path === "/users/{id}/authentication/temporaryAccessPassMethods" && entry.status === 201,
      ),
    );
  });
});

describe("GraphDirectory when the tenant has no Entra ID P1", () => {
  const snapshot = generateTenant({ users: 60, seed: 3, premium: false });
  let harness: Harness;
  before(async () => {
    harness = await startHarness(snapshot);
  });
  after(() => harness.close());

  it("answers the reports as unavailable with a noPremium gap", async () => {
    assert.deepEqual(await harness.directory.listRegistrationDetails(), {
      available: false,
      gap: { data: "registrationDetails", reason: "noPremium" },
    });
    assert.deepEqual(await harness.directory.listSignIns(windowOf(snapshot), scope), {
      available: false,
      gap: { data: "signIns", reason: "noPremium" },
    });
  });

  it("still gives a user's facts, with the sign-ins named as a gap (methods read, so no registration report)", async () => {
    const facts = await harness.directory.getUserFacts(ADELE, windowOf(snapshot));
    assert.equal(facts.user.id, ADELE);
    assert.equal(facts.signIns, undefined);
    assert.equal(facts.registration, undefined);
    assert.ok(facts.methods !== undefined && facts.roleAssignments !== undefined);
    assert.deepEqual(facts.dataGaps, [{ data: "signIns", reason: "noPremium" }]);
  });
});

describe("GraphDirectory when a permission is missing", () => {
  const full = generateTenant({ users: 40, seed: 5 });
  const { authenticationMethodsPolicy: _policy, signIns: _signIns, ...snapshot } = full;
  let harness: Harness;
  before(async () => {
    harness = await startHarness(snapshot as TenantSnapshot);
  });
  after(() => harness.close());

  it("throws forbidden naming the permission to grant", async () => {
    await assert.rejects(harness.directory.getMethodsPolicy(), (error: unknown) => {
      assert.ok(error instanceof DirectoryError);
      assert.equal(error.reason, "forbidden");
      assert.equal(error.permission, "Policy.Read.All");
      assert.match(error.message, /Grant the application permission Policy\.Read\.All/);
      return true;
    });
  });

  it("answers sign-ins as a forbidden gap naming AuditLog.Read.All, in the stream and in a user's facts", async () => {
    assert.deepEqual(await harness.directory.listSignIns(windowOf(full), scope), {
      available: false,
      gap: { data: "signIns", reason: "forbidden", permission: "AuditLog.Read.All" },
    });
    const facts = await harness.directory.getUserFacts(ADELE, windowOf(full));
    assert.deepEqual(facts.dataGaps, [
      { data: "signIns", reason: "forbidden", permission: "AuditLog.Read.All" },
    ]);
  });
});

describe("GraphDirectory when a user's typed methods cannot be read", () => {
  const full = generateTenant({ users: 40, seed: 5 });
  const { authenticationMethods: _methods, ...snapshot } = full;
  let harness: Harness;
  before(async () => {
    harness = await startHarness(snapshot as TenantSnapshot);
  });
  after(() => harness.close());

  it("falls back to the registration report in a second round trip, only then", async () => {
    const stats = harness.simulator.stats;
    const facts = await harness.directory.getUserFacts(ADELE, windowOf(full));
    assert.equal(stats.batches, 1);
    assert.equal(stats.byPath[REGISTRATION_DETAIL], 1, "one GET outside the batch");
    assert.equal(stats.requests, 6);
    assert.equal(facts.methods, undefined);
    assert.equal(facts.registration?.id, ADELE);
    assert.deepEqual(
      facts.registration?.methodsRegistered,
      full.userRegistrationDetails?.find((row) => row.id === ADELE)?.methodsRegistered,
    );
    assert.deepEqual(facts.dataGaps, [
      { data: "methods", reason: "forbidden", permission: "UserAuthenticationMethod.Read.All" },
    ]);
  });

  it("a user missing from the report is a notInReport gap beside the methods gap", async () => {
    harness.simulator.admin.injectFault({
      pathPrefix: "/v1.0/reports/authenticationMethods/userRegistrationDetails/",
      count: 1,
      status: 404,
    });
    const facts = await harness.directory.getUserFacts(ADELE, windowOf(full));
    assert.equal(facts.registration, undefined);
    assert.deepEqual(
      facts.dataGaps.map((gap) => [gap.data, gap.reason]),
      [
        ["methods", "forbidden"],
        ["registrationDetails", "notInReport"],
      ],
    );
  });
});
