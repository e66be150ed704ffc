import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { assess } from "../../src/domain/assess";
import type { Verdict } from "../../src/domain/verdict";
import { facts, method, NOW, policy, tenant, USER_ID } from "../support/domain-facts";

const types = (entries: Verdict["methods"]["mfaService"]) => entries.map((entry) => entry.type);
const GROUP = "e0000000-0000-0000-0000-0000000000aa";

describe("rule 3: methods and the tenant's policy", () => {
  it("classes every typed method, keeps unknown types out of MFA, and drops what the policy disables", () => {
    const all = [
      "passwordAuthenticationMethod",
      "fido2AuthenticationMethod",
      "windowsHelloForBusinessAuthenticationMethod",
      "microsoftAuthenticatorAuthenticationMethod",
      "phoneAuthenticationMethod",
      "softwareOathAuthenticationMethod",
      "hardwareOathAuthenticationMethod",
      "emailAuthenticationMethod",
      "temporaryAccessPassAuthenticationMethod",
      "qrCodePinAuthenticationMethod",
    ].map(method);
    const { methods } = assess(facts({ methods: all }), tenant(), NOW);
    assert.deepEqual(types(methods.strongIndependent), [
      "fido2AuthenticationMethod",
      "windowsHelloForBusinessAuthenticationMethod",
    ]);
    assert.deepEqual(types(methods.mfaService), [
      "microsoftAuthenticatorAuthenticationMethod",
      "phoneAuthenticationMethod",
      "softwareOathAuthenticationMethod",
    ]);
    assert.deepEqual(types(methods.notMfa), [
      "passwordAuthenticationMethod",
      "emailAuthenticationMethod",
      "temporaryAccessPassAuthenticationMethod",
    ]);
    assert.deepEqual(types(methods.unknown), ["qrCodePinAuthenticationMethod"]);
    assert.deepEqual(methods.notCounted, [
      {
        method: { type: "hardwareOathAuthenticationMethod", name: "Token 1234", source: "methods" },
        reason: "disabled",
      },
    ]);
    assert.equal(methods.strongIndependent[0]!.name, "YubiKey 5 NFC");
  });

  it("never counts an unknown type as MFA", () => {
    const verdict = assess(facts({ methods: [method("qrCodePinAuthenticationMethod")] }), tenant(), NOW);
    assert.equal(verdict.mfaReady, false);
    assert.equal(verdict.methods.unknown.length, 1);
  });

  it("falls back to methodsRegistered when typed methods could not be read", () => {
    const verdict = assess(
      facts({
        methods: undefined,
        registration: {
          id: USER_ID,
          userPrincipalName: "dana@contoso.example",
          methodsRegistered: [
            "passKeyDeviceBound",
            "windowsHelloForBusiness",
            "microsoftAuthenticatorPush",
            "email",
            "mysteryMethod",
          ],
        },
      }),
      tenant(),
      NOW,
    );
    assert.deepEqual(types(verdict.methods.strongIndependent), [
      "passKeyDeviceBound",
      "windowsHelloForBusiness",
    ]);
    assert.deepEqual(types(verdict.methods.mfaService), ["microsoftAuthenticatorPush"]);
    assert.deepEqual(types(verdict.methods.notMfa), ["email"]);
    assert.deepEqual(types(verdict.methods.unknown), ["mysteryMethod"]);
    assert.ok(verdict.methods.strongIndependent.every((entry) => entry.source === "registrationDetails"));
  });

  it("prefers typed methods over the registration report when both are there", () => {
    const verdict = assess(
      facts({
        registration: { id: USER_ID, userPrincipalName: "x", methodsRegistered: ["fido2SecurityKey"] },
      }),
      tenant(),
      NOW,
    );
    assert.deepEqual(verdict.methods.strongIndependent, []);
  });

  it("counts certificate-based authentication only with certificateUserIds and X509Certificate enabled for the user", () => {
    const bound = { authorizationInfo: { certificateUserIds: ["X509:<PN>dana@contoso.example"] } };
    const disabled = assess(facts({ user: bound }), tenant(), NOW);
    assert.deepEqual(disabled.methods.strongIndependent, []);
    assert.equal(disabled.methods.notCounted[0]!.method.source, "certificateUserIds");
    assert.equal(disabled.methods.notCounted[0]!.reason, "disabled");

    const enabled = tenant({ policy: policy({ X509Certificate: { state: "enabled" } }) });
    const verdict = assess(facts({ user: bound }), enabled, NOW);
    assert.deepEqual(verdict.methods.strongIndependent, [
      {
        type: "certificateBasedAuthentication",
        name: "Certificate-based authentication",
        source: "certificateUserIds",
      },
    ]);
    assert.equal(verdict.mfaReady, true);
    assert.deepEqual(
      assess(facts(), enabled, NOW).methods.strongIndependent,
      [],
      "no binding, no certificate method",
    );
  });

  it("honours include and exclude targets by group and by user", () => {
    const fido2 = [method("fido2AuthenticationMethod")];
    const onlyGroup = tenant({
      policy: policy({ Fido2: { includeTargets: [{ targetType: "group", id: GROUP }] } }),
    });
    assert.equal(
      assess(facts({ methods: fido2 }), onlyGroup, NOW).methods.notCounted[0]!.reason,
      "notTargeted",
    );
    assert.equal(
      assess(facts({ methods: fido2, groupIds: [GROUP] }), onlyGroup, NOW).methods.strongIndependent.length,
      1,
    );

    const byUser = tenant({
      policy: policy({ Fido2: { includeTargets: [{ targetType: "user", id: USER_ID }] } }),
    });
    assert.equal(assess(facts({ methods: fido2 }), byUser, NOW).methods.strongIndependent.length, 1);

    const excludeGroup = tenant({
      policy: policy({ Fido2: { excludeTargets: [{ targetType: "group", id: GROUP }] } }),
    });
    const excluded = assess(facts({ methods: fido2, groupIds: [GROUP] }), excludeGroup, NOW);
    assert.deepEqual(excluded.methods.strongIndependent, []);
    assert.equal(excluded.methods.notCounted[0]!.reason, "excluded");

    const excludeUser = tenant({
      policy: policy({ Fido2: { excludeTargets: [{ targetType: "user", id: USER_ID }] } }),
    });
    assert.equal(
      assess(facts({ methods: fido2 }), excludeUser, NOW).methods.notCounted[0]!.reason,
      "excluded",
    );
  });

  it("counts a method whose configuration is absent, and notes the gap", () => {
    const noAuthenticator = tenant({ policy: policy({ MicrosoftAuthenticator: null }) });
    const verdict = assess(
      facts({ methods: [method("microsoftAuthenticatorAuthenticationMethod")] }),
      noAuthenticator,
      NOW,
    );
    assert.equal(verdict.methods.mfaService.length, 1);
    assert.deepEqual(verdict.dataGaps, [{ data: "policy.MicrosoftAuthenticator", reason: "notInPolicy" }]);
  });

  it("counts everything, with the tenant's gap, when the policy could not be read", () => {
    const gap = { data: "policy", reason: "forbidden", permission: "Policy.Read.All" };
    const verdict = assess(
      facts({ methods: [method("hardwareOathAuthenticationMethod")] }),
      tenant({ policy: undefined, dataGaps: [gap] }),
      NOW,
    );
    assert.equal(verdict.methods.mfaService.length, 1);
    assert.deepEqual(verdict.dataGaps, [gap]);
  });

  it("counts a phone when Sms or Voice allows it", () => {
    const phone = [method("phoneAuthenticationMethod")];
    const voiceOnly = tenant({ policy: policy({ Sms: { state: "disabled" }, Voice: { state: "enabled" } }) });
    assert.equal(assess(facts({ methods: phone }), voiceOnly, NOW).methods.mfaService.length, 1);
    const neither = tenant({ policy: policy({ Sms: { state: "disabled" } }) });
    assert.deepEqual(assess(facts({ methods: phone }), neither, NOW).methods.mfaService, []);
  });

  it("counts Windows Hello, platform credentials and the password with no configuration", () => {
    const verdict = assess(
      facts({
        methods: [
          method("windowsHelloForBusinessAuthenticationMethod"),
          { "@odata.type": "#microsoft.graph.platformCredentialAuthenticationMethod", id: "p1" },
        ],
      }),
      tenant({ policy: policy({ Fido2: { state: "disabled" } }) }),
      NOW,
    );
    assert.equal(verdict.methods.strongIndependent.length, 2);
  });
});

describe("rule 4: mfaReady", () => {
  it("is true with a counted strong-independent or MFA-service method", () => {
    assert.equal(
      assess(facts({ methods: [method("fido2AuthenticationMethod")] }), tenant(), NOW).mfaReady,
      true,
    );
    assert.equal(
      assess(facts({ methods: [method("softwareOathAuthenticationMethod")] }), tenant(), NOW).mfaReady,
      true,
    );
  });

  it("is false with only not-MFA, unknown or disallowed methods", () => {
    const methods = [
      "passwordAuthenticationMethod",
      "emailAuthenticationMethod",
      "temporaryAccessPassAuthenticationMethod",
      "hardwareOathAuthenticationMethod",
    ].map(method);
    assert.equal(assess(facts({ methods }), tenant(), NOW).mfaReady, false);
  });

  it("is false when no method could be read at all", () => {
    const gaps = [
      { data: "methods", reason: "forbidden" },
      { data: "registrationDetails", reason: "noPremium" },
    ];
    const verdict = assess(
      facts({ methods: undefined, registration: undefined, dataGaps: gaps }),
      tenant(),
      NOW,
    );
    assert.equal(verdict.mfaReady, false);
    assert.deepEqual(verdict.dataGaps, gaps);
  });
});
