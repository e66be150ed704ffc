import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { generateTenant } from "../../src/dev/generate-tenant";
import type { GraphSimulator } from "../../src/dev/graph-simulator";
import { startGraphSimulator } from "../../src/dev/graph-simulator";
import { allPages, call, get } from "../support/graph-simulator-client";
import { contosoSmall } from "../support/graph-simulator-fixtures";

type Body = Record<string, unknown> & { value: Array<Record<string, unknown>> };
const errorCode = (body: unknown) => (body as { error: { code: string } }).error.code;

describe("graph simulator: reads over HTTPS", () => {
  let sim: GraphSimulator;
  let big: GraphSimulator;
  const tenant = generateTenant({ users: 250, seed: 7 });

  before(async () => {
    sim = await startGraphSimulator({ snapshot: contosoSmall() });
    big = await startGraphSimulator({ snapshot: tenant });
  });
  after(async () => {
    await sim.close();
    await big.close();
  });

  it("answers 401 with Graph's error body without a bearer token", async () => {
    const answer = await get(sim, "/v1.0/users", { token: null });
    assert.equal(answer.status, 401);
    assert.equal(errorCode(answer.body), "InvalidAuthenticationToken");
    const inner = (answer.body as { error: { innerError: Record<string, string> } }).error.innerError;
    assert.ok(inner["request-id"] && inner.date && inner["client-request-id"]);
  });

  it("serves the snapshot's users in Graph's shape, with $select", async () => {
    const answer = await get(
      sim,
      "/v1.0/users?$select=id,displayName,userPrincipalName,mail,userType,accountEnabled,authorizationInfo",
    );
    assert.equal(answer.status, 200);
    const body = answer.body as Body;
    assert.equal(
      body["@odata.context"],
      `${sim.baseUrl}/v1.0/$metadata#users(id,displayName,userPrincipalName,mail,userType,accountEnabled,authorizationInfo)`,
    );
    // Graph returns signInActivity only to a $select that names it.
    assert.deepEqual(
      body.value,
      contosoSmall().users.map(({ signInActivity: _activity, ...user }) => user),
    );
    assert.equal(body["@odata.nextLink"], undefined);
  });

  it("returns Graph's default user properties without $select (no userType)", async () => {
    const body = (await get(sim, "/v1.0/users")).body as Body;
    assert.equal(body.value[0]!.userType, undefined);
    assert.equal(body.value[0]!.displayName, "Alice Admin");
    assert.deepEqual(body.value[0]!.businessPhones, []);
  });

  it("pages with an opaque $skiptoken in @odata.nextLink until every user is read", async () => {
    const pages = await allPages(big, "/v1.0/users?$select=id&$top=100");
    assert.equal(pages.length, 3);
    const ids = pages.flatMap((page) => (page as Body).value.map((user) => user.id));
    assert.deepEqual(
      ids,
      tenant.users.map((user) => user.id),
    );
    const next = String(pages[0]!["@odata.nextLink"]);
    assert.match(
      next,
      /^https:\/\/127\.0\.0\.1:\d+\/v1\.0\/users\?\$select=id&\$top=100&\$skiptoken=[A-Za-z0-9_-]+$/,
    );
  });

  it("rejects $top above the maximum, an unknown $select property and an unsupported option", async () => {
    const top = await get(sim, "/v1.0/users?$top=1000");
    assert.equal(top.status, 400);
    assert.equal(errorCode(top.body), "Request_BadRequest");
    const select = await get(sim, "/v1.0/users?$select=id,favouriteColour");
    assert.equal(select.status, 400);
    assert.match(JSON.stringify(select.body), /favouriteColour/);
    assert.equal((await get(sim, "/v1.0/users?$orderby=displayName")).status, 400);
    assert.equal((await get(sim, "/v1.0/users?$skiptoken=bogus")).status, 400);
  });

  it("counts users with ConsistencyLevel: eventual, as text and as @odata.count", async () => {
    assert.equal((await get(sim, "/v1.0/users/$count")).status, 400);
    const count = await get(sim, "/v1.0/users/$count", { headers: { ConsistencyLevel: "eventual" } });
    assert.equal(count.status, 200);
    assert.equal(count.text, "4");
    const listed = await get(big, "/v1.0/users?$select=id&$top=10&$count=true", {
      headers: { ConsistencyLevel: "eventual" },
    });
    assert.equal((listed.body as Body)["@odata.count"], 250);
  });

  it("finds one user by id or UPN and answers 404 Request_ResourceNotFound otherwise", async () => {
    const byUpn = await get(sim, "/v1.0/users/bob@contoso.example?$select=id,authorizationInfo");
    assert.deepEqual(byUpn.body, {
      "@odata.context": `${sim.baseUrl}/v1.0/$metadata#users(id,authorizationInfo)/$entity`,
      id: "b0000000-0000-0000-0000-000000000002",
      authorizationInfo: { certificateUserIds: [] },
    });
    const missing = await get(sim, "/v1.0/users/nobody@contoso.example");
    assert.equal(missing.status, 404);
    assert.equal(errorCode(missing.body), "Request_ResourceNotFound");
  });

  it("serves userRegistrationDetails, filtered by id or userPrincipalName", async () => {
    const all = (await get(sim, "/v1.0/reports/authenticationMethods/userRegistrationDetails?$top=999"))
      .body as Body;
    assert.deepEqual(all.value, contosoSmall().userRegistrationDetails);
    const some = (
      await get(
        sim,
        "/v1.0/reports/authenticationMethods/userRegistrationDetails?$filter=id eq 'b0000000-0000-0000-0000-000000000002' or userPrincipalName eq 'alice@contoso.example'",
      )
    ).body as Body;
    assert.deepEqual(some.value.map((d) => d.userPrincipalName).sort(), [
      "alice@contoso.example",
      "bob@contoso.example",
    ]);
    const one = await get(
      sim,
      "/v1.0/reports/authenticationMethods/userRegistrationDetails/c0000000-0000-0000-0000-000000000003",
    );
    assert.deepEqual((one.body as Record<string, unknown>).methodsRegistered, ["mobilePhone"]);
    assert.equal(
      (await get(sim, "/v1.0/reports/authenticationMethods/userRegistrationDetails?$filter=isAdmin eq true"))
        .status,
      400,
    );
    assert.equal(
      (await get(sim, "/v1.0/reports/authenticationMethods/userRegistrationDetails?$top=1000")).status,
      400,
    );
  });

  it("serves all methods, and typed collections without @odata.type", async () => {
    const methods = (
      await get(sim, "/v1.0/users/a0000000-0000-0000-0000-000000000001/authentication/methods")
    ).body as Body;
    assert.deepEqual(
      methods.value,
      contosoSmall().authenticationMethods!["a0000000-0000-0000-0000-000000000001"],
    );
    const fido = (
      await get(big, "/v1.0/users/a0000000-0000-4000-8000-000000000003/authentication/fido2Methods")
    ).body as Body;
    assert.equal(fido.value.length, 1);
    assert.equal(fido.value[0]!["@odata.type"], undefined);
    assert.equal(fido.value[0]!.model, "YubiKey 5 Series");
    const hello = (
      await get(
        big,
        "/v1.0/users/a0000000-0000-4000-8000-000000000012/authentication/windowsHelloForBusinessMethods",
      )
    ).body as Body;
    assert.equal(hello.value.length, 1);
    const tap = (
      await get(
        big,
        "/v1.0/users/a0000000-0000-4000-8000-00000000000e/authentication/temporaryAccessPassMethods",
      )
    ).body as Body;
    assert.equal(tap.value[0]!.temporaryAccessPass, null);
  });

  it("filters role assignments by principalId or roleDefinitionId", async () => {
    const admins = (
      await get(
        sim,
        "/v1.0/roleManagement/directory/roleAssignments?$filter=roleDefinitionId eq '62e90394-69f5-4237-9190-012177145e10'",
      )
    ).body as Body;
    assert.deepEqual(
      admins.value.map((a) => a.principalId),
      ["a0000000-0000-0000-0000-000000000001", "c0000000-0000-0000-0000-000000000003"],
    );
    const bob = (
      await get(
        sim,
        "/v1.0/roleManagement/directory/roleAssignments?$filter=principalId eq 'b0000000-0000-0000-0000-000000000002'",
      )
    ).body as Body;
    assert.deepEqual(bob.value, []);
    assert.equal(
      (await get(sim, "/v1.0/roleManagement/directory/roleAssignments?$filter=principalId ne 'x'")).status,
      400,
    );
  });

  it("resolves nested group membership both ways", async () => {
    const engineering = "90000000-0000-4000-8000-000000000004";
    const direct = (await get(big, `/v1.0/groups/${engineering}/members`)).body as Body;
    assert.ok(direct.value.some((member) => member["@odata.type"] === "#microsoft.graph.group"));
    const pages = await allPages(
      big,
      `/v1.0/groups/${engineering}/transitiveMembers/microsoft.graph.user?$select=id&$top=999`,
    );
    const ids = pages.flatMap((page) => (page as Body).value.map((user) => user.id));
    assert.ok(
      ids.includes("a0000000-0000-4000-8000-000000000002"),
      "Ben is in Engineering through Azure operators",
    );
    const memberOf = (
      await get(
        big,
        "/v1.0/users/a0000000-0000-4000-8000-000000000002/transitiveMemberOf/microsoft.graph.group?$select=id&$top=999",
      )
    ).body as Body;
    assert.deepEqual(memberOf.value.map((g) => g.id).sort(), [
      "90000000-0000-4000-8000-000000000003",
      engineering,
    ]);
    assert.equal((await get(big, "/v1.0/groups/90000000-0000-4000-8000-0000000000ff/members")).status, 404);
  });

  it("serves the methods policy and answers unknown paths with 404", async () => {
    const policy = (await get(sim, "/v1.0/policies/authenticationMethodsPolicy")).body as Record<
      string,
      unknown
    >;
    assert.deepEqual(
      policy.authenticationMethodConfigurations,
      contosoSmall().authenticationMethodsPolicy!.authenticationMethodConfigurations,
    );
    assert.equal((await get(sim, "/v1.0/me/drive")).status, 404);
    assert.equal((await call(sim, "DELETE", "/v1.0/users")).status, 405);
  });
});
