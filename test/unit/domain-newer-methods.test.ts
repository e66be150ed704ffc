import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { AuthenticationMethodConfiguration } from "../../src/directory/graph-types";
import { assess } from "../../src/domain/assess";
import { methodFacts } from "../../src/features/status/method-facts";
import { APP, facts, method, NOW, policy, signIn, tenant } from "../support/domain-facts";

const ICLOUD = "fbfc3007-154e-4ecc-8c0b-6e020557d7bd";
const DUO = "a7e4c1f2-0d3b-4c5e-9f60-1b2c3d4e5f60";
const GROUP = "e0000000-0000-0000-0000-0000000000cc";
const breakGlass = (extra = {}) =>
  tenant({ settings: { breakGlassAccounts: ["dana@contoso.example"], serviceAccounts: [] }, ...extra });
const syncedKey = { ...method("fido2AuthenticationMethod"), aaGuid: ICLOUD, displayName: null, model: null };
const registered = (methodsRegistered: string[]) => ({
  methods: undefined,
  registration: {
    id: "d0000000-0000-0000-0000-000000000004",
    userPrincipalName: "dana@contoso.example",
    methodsRegistered,
  },
});

/** The fixture policy plus an external MFA provider (Duo), targeted at one group. */
function withDuo(state = "enabled"): ReturnType<typeof tenant> {
  const base = policy();
  const duo: AuthenticationMethodConfiguration = {
    "@odata.type": "#microsoft.graph.externalAuthenticationMethodConfiguration",
    id: DUO,
    state,
    displayName: "Duo",
    includeTargets: [{ targetType: "group", id: GROUP }],
  };
  return tenant({
    policy: {
      ...base,
      authenticationMethodConfigurations: [...base.authenticationMethodConfigurations, duo],
    },
  });
}
const oathOn = tenant({
  policy: policy({
    HardwareOath: { state: "enabled", includeTargets: [{ targetType: "group", id: "all_users" }] },
  }),
});
const duoMethod = {
  "@odata.type": "#microsoft.graph.externalAuthenticationMethod",
  id: "ext-1",
  displayName: "Duo",
  configurationId: DUO,
};

describe("newer method values (DOMAIN.md 'Newer values')", () => {
  it("a synced passkey (typed, by its provider's AAGUID) is strong for a person", () => {
    const verdict = assess(facts({ methods: [syncedKey], signIns: [signIn()] }), tenant(), NOW);
    assert.equal(verdict.mfaReady, true);
    assert.deepEqual(
      verdict.methods.strongIndependent.map((entry) => [entry.name, entry.synced]),
      [["Synced passkey (iCloud Keychain)", true]],
    );
    assert.deepEqual(methodFacts(verdict.methods)[0], {
      title: "Phishing-resistant MFA",
      value: "Synced passkey (iCloud Keychain): works for you; not for an emergency account",
    });
  });

  it("a synced passkey is never enough for a break-glass account, typed or registered", () => {
    for (const input of [{ methods: [syncedKey] }, registered(["passKeySynced"])]) {
      const verdict = assess(facts(input), breakGlass(), NOW);
      assert.equal(verdict.mfaReady, false);
      assert.deepEqual(verdict.actions, ["ADD_STRONG_INDEPENDENT_METHOD"]);
    }
    const withKey = assess(
      facts({ methods: [syncedKey, method("fido2AuthenticationMethod")] }),
      breakGlass(),
      NOW,
    );
    assert.equal(withKey.mfaReady, true, "a device-bound security key beside it is");
  });

  it("external MFA counts when its configuration targets the user, and not otherwise", () => {
    const targeted = assess(
      facts({ methods: [duoMethod], groupIds: [GROUP], signIns: [signIn()] }),
      withDuo(),
      NOW,
    );
    assert.equal(targeted.mfaReady, true);
    assert.deepEqual(
      targeted.methods.external.map((entry) => entry.name),
      ["Duo"],
    );
    assert.deepEqual(targeted.actions, []);
    assert.ok(methodFacts(targeted.methods).some((row) => row.title.startsWith("External MFA")));

    const notTargeted = assess(facts({ methods: [duoMethod], signIns: [signIn()] }), withDuo(), NOW);
    assert.equal(notTargeted.mfaReady, false);
    assert.deepEqual(
      notTargeted.methods.notCounted.map((entry) => entry.reason),
      ["notTargeted"],
    );
    assert.deepEqual(notTargeted.actions, ["REGISTER_PASSKEY"]);

    const off = assess(facts({ methods: [duoMethod], groupIds: [GROUP] }), withDuo("disabled"), NOW);
    assert.deepEqual(
      off.methods.notCounted.map((entry) => entry.reason),
      ["disabled"],
    );
  });

  it("a registration-details externalAuthMethod counts if any external configuration allows the user", () => {
    assert.equal(
      assess(facts({ ...registered(["externalAuthMethod"]), groupIds: [GROUP] }), withDuo(), NOW).mfaReady,
      true,
    );
    assert.equal(assess(facts(registered(["externalAuthMethod"])), withDuo(), NOW).mfaReady, false);
  });

  it("external MFA is never enough for a break-glass account", () => {
    const verdict = assess(
      facts({ methods: [duoMethod], groupIds: [GROUP] }),
      { ...withDuo(), settings: { breakGlassAccounts: ["dana@contoso.example"], serviceAccounts: [] } },
      NOW,
    );
    assert.equal(verdict.mfaReady, false);
    assert.deepEqual(verdict.actions, ["ADD_STRONG_INDEPENDENT_METHOD"]);
  });

  it("reads sms as phone (mfa-service) and qrCode, securityQuestion, temporaryAccessPass as not MFA", () => {
    const verdict = assess(
      facts(
        registered(["sms", "qrCode", "securityQuestion", "temporaryAccessPass", "hardwareOneTimePasscode"]),
      ),
      oathOn,
      NOW,
    );
    assert.deepEqual(
      verdict.methods.mfaService.map((entry) => entry.type),
      ["sms", "hardwareOneTimePasscode"],
    );
    assert.deepEqual(
      verdict.methods.notMfa.map((entry) => entry.type),
      ["qrCode", "securityQuestion", "temporaryAccessPass"],
    );
    assert.deepEqual(verdict.methods.unknown, []);
    const typedOath = assess(
      facts({ methods: [{ "@odata.type": "#microsoft.graph.hardwareOathAuthenticationMethod", id: "h1" }] }),
      oathOn,
      NOW,
    );
    assert.equal(typedOath.mfaReady, true);
    assert.equal(assess(facts({ signIns: [signIn({ appId: APP.cli })] }), tenant(), NOW).mfaReady, false);
  });
});
