import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { assess } from "../../src/domain/assess";
import { APP, facts, method, NOW, policy, roleAssignment, signIn, tenant } from "../support/domain-facts";

const portal = [signIn()];
const cli = [signIn({ appId: APP.cli })];

describe("rule 7: required actions", () => {
  it("asks for a passkey first, then a certificate, then any MFA method, by what the policy enables", () => {
    assert.deepEqual(assess(facts({ signIns: portal }), tenant(), NOW).actions, ["REGISTER_PASSKEY"]);
    const certificate = tenant({
      policy: policy({ Fido2: { state: "disabled" }, X509Certificate: { state: "enabled" } }),
    });
    assert.deepEqual(assess(facts({ signIns: portal }), certificate, NOW).actions, ["BIND_CERTIFICATE"]);
    const neither = tenant({ policy: policy({ Fido2: { state: "disabled" } }) });
    assert.deepEqual(assess(facts({ signIns: portal }), neither, NOW).actions, ["REGISTER_MFA_METHOD"]);
  });

  it("requires nothing when no phase applies or the user is ready", () => {
    assert.deepEqual(assess(facts({ signIns: [] }), tenant(), NOW).actions, []);
    assert.deepEqual(
      assess(facts({ signIns: undefined }), tenant(), NOW).actions,
      [],
      "unknown is not likely",
    );
    const ready = facts({ signIns: portal, methods: [method("phoneAuthenticationMethod")] });
    assert.deepEqual(assess(ready, tenant(), NOW).actions, []);
  });

  it("acts on likely like on affected", () => {
    const likely = facts({ signIns: undefined, roleAssignments: [roleAssignment()] });
    assert.deepEqual(assess(likely, tenant(), NOW).actions, ["REGISTER_PASSKEY"]);
  });

  it("gives a suspected service account only MOVE_TO_WORKLOAD_IDENTITY, even as break-glass", () => {
    const verdict = assess(
      facts({ signIns: portal }),
      tenant({
        settings: { breakGlassAccounts: ["dana@contoso.example"], serviceAccounts: ["dana@contoso.example"] },
      }),
      NOW,
    );
    assert.deepEqual(verdict.actions, ["MOVE_TO_WORKLOAD_IDENTITY"]);
    assert.deepEqual(verdict.suggestions, []);
  });
});

describe("rule 8: suggestions", () => {
  it("suggests a passkey and Windows Hello to a ready member without a strong method", () => {
    const verdict = assess(
      facts({ signIns: portal, methods: [method("phoneAuthenticationMethod")] }),
      tenant(),
      NOW,
    );
    assert.deepEqual(verdict.suggestions, ["REGISTER_PASSKEY", "REGISTER_WHFB"]);
  });

  it("suggests no Windows Hello to a guest", () => {
    const guest = facts({
      user: { userType: "Guest" },
      signIns: portal,
      methods: [method("phoneAuthenticationMethod")],
    });
    assert.deepEqual(assess(guest, tenant(), NOW).suggestions, ["REGISTER_PASSKEY"]);
  });

  it("suggests no strong method to who has one, or when FIDO2 is not enabled for them", () => {
    const strong = facts({
      signIns: portal,
      methods: [method("windowsHelloForBusinessAuthenticationMethod")],
    });
    assert.deepEqual(assess(strong, tenant(), NOW).suggestions, []);
    const phone = facts({ signIns: portal, methods: [method("phoneAuthenticationMethod")] });
    assert.deepEqual(
      assess(phone, tenant({ policy: policy({ Fido2: { state: "disabled" } }) }), NOW).suggestions,
      [],
    );
  });

  it("suggests updating client tools when phase 2 is affected, after the required action", () => {
    const verdict = assess(facts({ signIns: cli }), tenant(), NOW);
    assert.deepEqual(verdict.actions, ["REGISTER_PASSKEY"]);
    assert.deepEqual(verdict.suggestions, ["UPDATE_CLIENT_TOOLS"]);
  });

  it("suggests a postponement only while a self-service date is still ahead of `now`", () => {
    const before = new Date("2026-06-30T12:00:00Z");
    const signIns = [signIn({ appId: APP.cli, createdDateTime: "2026-06-20T08:00:00Z" })];
    assert.deepEqual(assess(facts({ signIns }), tenant(), before).suggestions, [
      "UPDATE_CLIENT_TOOLS",
      "REQUEST_POSTPONEMENT",
    ]);
    const after = new Date("2026-07-01T12:00:00Z");
    assert.deepEqual(assess(facts({ signIns }), tenant(), after).suggestions, ["UPDATE_CLIENT_TOOLS"]);
    const ready = facts({ signIns, methods: [method("fido2AuthenticationMethod")] });
    assert.deepEqual(
      assess(ready, tenant(), before).suggestions,
      ["UPDATE_CLIENT_TOOLS"],
      "ready users need no postponement",
    );
  });
});
