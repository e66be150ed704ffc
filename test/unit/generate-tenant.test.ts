import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";

import { DEMO_TENANT_ID, generateTenant } from "../../src/dev/generate-tenant";
import { PERSONAS } from "../../src/dev/tenant-generator/personas";
import { validateSnapshot } from "../../src/directory/snapshot";
import { ROLE_TEMPLATE_IDS } from "../../src/domain/roles";

const byUpn = (snapshot: ReturnType<typeof generateTenant>, local: string) =>
  snapshot.users.find((u) => u.userPrincipalName === `${local}@contoso.example`)!;

describe("generateTenant", () => {
  it("is deterministic: the same options give the same tenant, another seed another one", () => {
    const a = JSON.stringify(generateTenant({ users: 200, seed: 5 }));
    assert.equal(JSON.stringify(generateTenant({ users: 200, seed: 5 })), a);
    assert.notEqual(JSON.stringify(generateTenant({ users: 200, seed: 6 })), a);
  });

  it("makes exactly N users with unique ids and UPNs, valid as a snapshot", () => {
    const snapshot = generateTenant({ users: 1234 });
    assert.equal(snapshot.users.length, 1234);
    assert.equal(new Set(snapshot.users.map((u) => u.id)).size, 1234);
    assert.equal(new Set(snapshot.users.map((u) => u.userPrincipalName.toLowerCase())).size, 1234);
    assert.equal(snapshot.userRegistrationDetails!.length, 1234);
    assert.doesNotThrow(() => validateSnapshot(JSON.parse(JSON.stringify(snapshot))));
    assert.throws(() => generateTenant({ users: 3 }), RangeError);
  });

  it("holds the personas with their roles, settings and methods", () => {
    const snapshot = generateTenant({ users: 300 });
    assert.equal(snapshot.tenant.id, DEMO_TENANT_ID);
    for (const persona of PERSONAS) {
      assert.ok(
        snapshot.users.some((u) => u.id === persona.id),
        persona.displayName,
      );
    }
    const adele = byUpn(snapshot, "adele.vance");
    assert.equal(adele.displayName, "Adele Vance");
    const roleOf = (id: string) =>
      snapshot.roleAssignments!.filter((r) => r.principalId === id).map((r) => r.roleDefinitionId);
    assert.deepEqual(roleOf(adele.id), [ROLE_TEMPLATE_IDS.globalAdministrator]);
    assert.deepEqual(roleOf(byUpn(snapshot, "alex.wilber").id), [
      ROLE_TEMPLATE_IDS.authenticationAdministrator,
    ]);
    assert.deepEqual(roleOf(byUpn(snapshot, "megan.bowen").id), [
      ROLE_TEMPLATE_IDS.privilegedAuthenticationAdministrator,
    ]);
    assert.deepEqual(roleOf(byUpn(snapshot, "grady.archie").id), [ROLE_TEMPLATE_IDS.globalReader]);
    assert.deepEqual(snapshot.settings.breakGlassAccounts, [
      "breakglass1@contoso.example",
      "90000000-0000-4000-8000-000000000001",
    ]);
    assert.deepEqual(snapshot.settings.serviceAccounts, ["svc-deploy@contoso.example"]);
    const types = (local: string) =>
      snapshot.authenticationMethods![byUpn(snapshot, local).id]!.map((m) => m["@odata.type"]);
    assert.ok(types("dana.ready").includes("#microsoft.graph.fido2AuthenticationMethod"));
    assert.ok(types("breakglass1").includes("#microsoft.graph.fido2AuthenticationMethod"));
    assert.deepEqual(types("ben.carter"), ["#microsoft.graph.passwordAuthenticationMethod"]);
    assert.ok(types("uma.unknown").includes("#microsoft.graph.qrCodePinAuthenticationMethod"));
    assert.deepEqual(byUpn(snapshot, "carl.cert").authorizationInfo, {
      certificateUserIds: ["X509:<PN>carl.cert@contoso.example"],
    });
    const x509 = snapshot.authenticationMethodsPolicy!.authenticationMethodConfigurations.find(
      (c) => c.id === "X509Certificate",
    )!;
    assert.deepEqual(
      x509.includeTargets!.map((t) => t.id),
      ["90000000-0000-4000-8000-000000000002"],
    );
    assert.equal(snapshot.users.filter((u) => u.userType === "Guest").length >= 1, true);
  });

  it("spreads sign-ins over the 30 days before capturedAt, with failures, ROPC and some outside the window", () => {
    const snapshot = generateTenant({ users: 2000 });
    const end = Date.parse(snapshot.capturedAt);
    const times = snapshot.signIns!.map((s) => Date.parse(s.createdDateTime));
    assert.ok(times.every((t) => t <= end));
    assert.ok(
      times.some((t) => t < end - 30 * 86_400_000),
      "some are outside the window",
    );
    assert.ok(snapshot.signIns!.some((s) => s.status?.errorCode === 50126));
    const ropc = snapshot.signIns!.filter((s) => s.authenticationProtocol === "ropc");
    assert.ok(ropc.length > 0 && ropc.every((s) => s.isInteractive === false));
    const affected = new Set(
      snapshot
        .signIns!.filter((s) => Date.parse(s.createdDateTime) >= end - 30 * 86_400_000)
        .map((s) => s.userId),
    );
    assert.ok(affected.size > 500, `${affected.size} users with a sign-in in the window`);
  });

  it("matches the committed demo tenant (regenerate it with tsx src/dev/generate-demo-tenant.ts)", () => {
    const file = path.resolve(__dirname, "..", "..", "src", "dev", "demo-tenant.json");
    const committed = JSON.parse(readFileSync(file, "utf8")) as unknown;
    assert.deepEqual(committed, JSON.parse(JSON.stringify(generateTenant({ users: 300 }))));
  });

  it("generates 100,000 users in a few seconds", () => {
    const started = Date.now();
    const snapshot = generateTenant({ users: 100_000 });
    const elapsed = Date.now() - started;
    assert.equal(snapshot.users.length, 100_000);
    assert.ok(elapsed < 30_000, `took ${elapsed} ms`);
  });
});
