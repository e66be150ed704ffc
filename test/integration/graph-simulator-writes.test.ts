import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { generateTenant } from "../../src/dev/generate-tenant";
import type { GraphSimulator } from "../../src/dev/graph-simulator";
import { startGraphSimulator } from "../../src/dev/graph-simulator";
import { call, get } from "../support/graph-simulator-client";
import { contosoSmall } from "../support/graph-simulator-fixtures";

type Body = Record<string, unknown> & { value: Array<Record<string, unknown>> };
const ALICE = "a0000000-0000-0000-0000-000000000001";
const BOB = "b0000000-0000-0000-0000-000000000002";
const TAP = (user: string) => `/v1.0/users/${user}/authentication/temporaryAccessPassMethods`;
const ARM = "/providers/Microsoft.PortalServices/settings/default?api-version=2025-04-01-preview";
const code = (body: unknown) => (body as { error: { code: string } }).error.code;

describe("graph simulator: writes and admin", () => {
  let sim: GraphSimulator;
  before(async () => {
    sim = await startGraphSimulator({ snapshot: contosoSmall() });
  });
  after(() => sim.close());

  it("creates a Temporary Access Pass once, shown in the answer only, replacing the previous one", async () => {
    const first = await call(sim, "POST", TAP(BOB), { body: { lifetimeInMinutes: 60, isUsableOnce: true } });
    assert.equal(first.status, 201);
    const created = first.body as Record<string, unknown>;
    assert.match(String(created.temporaryAccessPass), /^.{8}$/);
    assert.equal(created.isUsableOnce, true);
    assert.equal(created.lifetimeInMinutes, 60);
    const second = (
      await call(sim, "POST", TAP(BOB), { body: { lifetimeInMinutes: 120, isUsableOnce: false } })
    ).body as Record<string, unknown>;
    const listed = (await get(sim, TAP(BOB))).body as Body;
    assert.equal(listed.value.length, 1, "one pass per user");
    assert.equal(listed.value[0]!.id, second.id);
    assert.equal(listed.value[0]!.temporaryAccessPass, null);
  });

  it("checks the lifetime against Graph's range and the tenant's policy", async () => {
    for (const lifetimeInMinutes of [5, 30, 481, 50_000]) {
      const answer = await call(sim, "POST", TAP(ALICE), {
        body: { lifetimeInMinutes, isUsableOnce: false },
      });
      assert.equal(answer.status, 400, `lifetime ${lifetimeInMinutes}`);
    }
    assert.equal((await call(sim, "POST", TAP(ALICE), { body: { lifetimeInMinutes: "60" } })).status, 400);
    assert.equal((await call(sim, "POST", TAP("nobody@contoso.example"), { body: {} })).status, 404);
  });

  it("refuses a pass when the policy has TAP disabled", async () => {
    const snapshot = contosoSmall();
    snapshot.authenticationMethodsPolicy!.authenticationMethodConfigurations.find(
      (c) => c.id === "TemporaryAccessPass",
    )!.state = "disabled";
    const off = await startGraphSimulator({ snapshot });
    try {
      const answer = await call(off, "POST", TAP(BOB), { body: { lifetimeInMinutes: 60 } });
      assert.equal(answer.status, 403);
    } finally {
      await off.close();
    }
  });

  it("installs the bot for a user (201, then 409) and names the personal chat", async () => {
    const bind = {
      "teamsApp@odata.bind":
        "https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/11111111-aaaa-4bbb-8ccc-222222222222",
    };
    assert.equal(
      (await call(sim, "POST", `/v1.0/users/${BOB}/teamwork/installedApps`, { body: bind })).status,
      201,
    );
    const again = await call(sim, "POST", `/v1.0/users/${BOB}/teamwork/installedApps`, { body: bind });
    assert.equal(again.status, 409);
    assert.equal(code(again.body), "Conflict");
    const listed = (
      await get(
        sim,
        `/v1.0/users/${BOB}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '11111111-aaaa-4bbb-8ccc-222222222222'`,
      )
    ).body as Body;
    assert.equal(listed.value.length, 1);
    const chat = await call(
      sim,
      "GET",
      `/v1.0/users/${BOB}/teamwork/installedApps/${encodeURIComponent(String(listed.value[0]!.id))}/chat`,
    );
    assert.equal(
      (chat.body as Record<string, unknown>).id,
      `19:${BOB}_11111111-aaaa-4bbb-8ccc-222222222222@unq.gbl.spaces`,
    );
    const none = (
      await get(
        sim,
        `/v1.0/users/${ALICE}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '11111111-aaaa-4bbb-8ccc-222222222222'`,
      )
    ).body as Body;
    assert.deepEqual(none.value, []);
  });

  it("serves ARM portal settings: 404 when absent, PUT validates and stores", async () => {
    const absent = await get(sim, ARM);
    assert.equal(absent.status, 404);
    assert.deepEqual(Object.keys((absent.body as { error: object }).error).sort(), ["code", "message"]);
    assert.equal(code(absent.body), "ResourceNotFound");
    const bad = await call(sim, "PUT", ARM, {
      body: { properties: { multiFactorAuthentication: { portalEnforcement: "Never" } } },
    });
    assert.equal(bad.status, 400);
    const settings = {
      properties: {
        multiFactorAuthentication: {
          portalEnforcement: "OptOut",
          armEnforcementDate: "2026-07-01T00:00:00Z",
          armJustification: "migrating scripts",
        },
      },
    };
    assert.equal((await call(sim, "PUT", ARM, { body: settings })).status, 201);
    const read = (await get(sim, ARM)).body as Record<string, unknown>;
    assert.deepEqual(read.properties, settings.properties);
    assert.equal(read.type, "Microsoft.PortalServices/settings");
    assert.equal(
      (await get(sim, "/providers/Microsoft.PortalServices/settings/default")).status,
      400,
      "api-version is required",
    );
  });

  it("changes what is served through /_simulator/ and the in-process handle", async () => {
    const demo = await startGraphSimulator({ snapshot: generateTenant({ users: 30 }) });
    const ben = "a0000000-0000-4000-8000-000000000002";
    try {
      const added = await call(demo, "POST", `/_simulator/users/${ben}/authentication/methods`, {
        body: {
          "@odata.type": "#microsoft.graph.fido2AuthenticationMethod",
          displayName: "New key",
          model: "YubiKey 5",
        },
      });
      assert.equal(added.status, 201);
      const fido = (await get(demo, `/v1.0/users/${ben}/authentication/fido2Methods`)).body as Body;
      assert.equal(fido.value[0]!.displayName, "New key");
      const methodId = String((added.body as Record<string, unknown>).id);
      assert.equal(
        (await call(demo, "DELETE", `/_simulator/users/${ben}/authentication/methods/${methodId}`)).status,
        204,
      );
      assert.deepEqual(
        ((await get(demo, `/v1.0/users/${ben}/authentication/fido2Methods`)).body as Body).value,
        [],
      );

      const role = demo.admin.addRoleAssignment({
        principalId: ben,
        roleDefinitionId: "f2ef992c-3afb-46b9-b7cf-a126ee74c451",
      });
      const roles = (
        await get(demo, `/v1.0/roleManagement/directory/roleAssignments?$filter=principalId eq '${ben}'`)
      ).body as Body;
      assert.deepEqual(
        roles.value.map((r) => r.id),
        [role.id],
      );
      assert.equal(demo.admin.removeRoleAssignment(role.id), true);

      demo.admin.setCertificateUserIds(ben, ["X509:<PN>ben.carter@contoso.example"]);
      const user = (await get(demo, `/v1.0/users/${ben}?$select=authorizationInfo`)).body as Record<
        string,
        unknown
      >;
      assert.deepEqual(user.authorizationInfo, {
        certificateUserIds: ["X509:<PN>ben.carter@contoso.example"],
      });

      const signIn = await call(demo, "POST", "/_simulator/signIns", {
        body: {
          userId: ben,
          appId: "0c1307d4-29d6-4389-a11c-5cbe7f65d7fa",
          createdDateTime: "2026-11-19T12:00:00Z",
        },
      });
      assert.equal(signIn.status, 201);
      const mobile = (
        await get(
          demo,
          `/v1.0/auditLogs/signIns?$filter=userId eq '${ben}' and appId eq '0c1307d4-29d6-4389-a11c-5cbe7f65d7fa'`,
        )
      ).body as Body;
      assert.equal(mobile.value.length, 1);
      assert.equal(mobile.value[0]!.userPrincipalName, "ben.carter@contoso.example");

      assert.equal((await call(demo, "POST", "/_simulator/faults", { token: null, body: {} })).status, 401);
      assert.equal(
        (
          await call(demo, "POST", "/_simulator/faults", {
            body: { pathPrefix: "/v1.0/users", count: 1, status: 500 },
          })
        ).status,
        204,
      );
      assert.equal((await get(demo, "/v1.0/users")).status, 500);
      assert.equal(
        (
          await call(demo, "POST", "/_simulator/users/nobody/authentication/methods", {
            body: { "@odata.type": "#microsoft.graph.x" },
          })
        ).status,
        404,
      );
      const stats = (await get(demo, "/_simulator/stats")).body as { faults: number };
      assert.equal(stats.faults, 1);
    } finally {
      await demo.close();
    }
  });
});
