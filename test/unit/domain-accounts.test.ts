import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { assess } from "../../src/domain/assess";
import { APP, facts, method, NOW, signIn, tenant } from "../support/domain-facts";

const GROUP = "e0000000-0000-0000-0000-0000000000bb";
const settings = (breakGlassAccounts: string[], serviceAccounts: string[] = []) =>
  tenant({ settings: { breakGlassAccounts, serviceAccounts } });

describe("rule 5: break-glass accounts", () => {
  it("recognises the UPN case-insensitively, and a listed group", () => {
    assert.equal(assess(facts(), settings(["DANA@Contoso.example"]), NOW).breakGlass, true);
    assert.equal(assess(facts({ groupIds: [GROUP] }), settings([GROUP.toUpperCase()]), NOW).breakGlass, true);
    assert.equal(assess(facts(), settings([GROUP]), NOW).breakGlass, false);
  });

  it("is ready only with a strong-independent method; MFA-service methods are not enough", () => {
    const phoneOnly = assess(
      facts({ methods: [method("phoneAuthenticationMethod")] }),
      settings(["dana@contoso.example"]),
      NOW,
    );
    assert.equal(phoneOnly.mfaReady, false);
    assert.deepEqual(phoneOnly.actions, ["ADD_STRONG_INDEPENDENT_METHOD"]);
    const key = assess(
      facts({ methods: [method("fido2AuthenticationMethod")] }),
      settings(["dana@contoso.example"]),
      NOW,
    );
    assert.equal(key.mfaReady, true);
    assert.deepEqual(key.actions, []);
  });
});

describe("rule 6: suspected service accounts", () => {
  const ready = [method("microsoftAuthenticatorAuthenticationMethod")];

  it("flags an account listed by UPN or by group", () => {
    assert.equal(assess(facts(), settings([], ["dana@contoso.example"]), NOW).serviceAccountSuspect, true);
    assert.equal(
      assess(facts({ groupIds: [GROUP] }), settings([], [GROUP]), NOW).serviceAccountSuspect,
      true,
    );
  });

  it("flags ROPC on a counted in-scope sign-in, even beside interactive ones", () => {
    const verdict = assess(
      facts({
        methods: ready,
        signIns: [signIn(), signIn({ appId: APP.cli, authenticationProtocol: "ropc" })],
      }),
      tenant(),
      NOW,
    );
    assert.equal(verdict.serviceAccountSuspect, true);
    assert.deepEqual(verdict.actions, ["MOVE_TO_WORKLOAD_IDENTITY"]);
    assert.deepEqual(verdict.suggestions, []);
  });

  it("ignores ROPC on a sign-in that does not count (failed, or out of scope)", () => {
    const failed = signIn({ authenticationProtocol: "ropc", status: { errorCode: 50126 } });
    const outOfScope = signIn({ appId: APP.terraform, resourceId: null, authenticationProtocol: "ropc" });
    assert.equal(
      assess(facts({ signIns: [signIn(), failed, outOfScope] }), tenant(), NOW).serviceAccountSuspect,
      false,
    );
  });

  it("flags a user whose counted in-scope sign-ins are all non-interactive", () => {
    const nonInteractive = signIn({ appId: APP.cli, isInteractive: false });
    assert.equal(
      assess(facts({ signIns: [nonInteractive, nonInteractive] }), tenant(), NOW).serviceAccountSuspect,
      true,
    );
    assert.equal(
      assess(facts({ signIns: [nonInteractive, signIn()] }), tenant(), NOW).serviceAccountSuspect,
      false,
    );
    assert.equal(
      assess(facts({ signIns: [] }), tenant(), NOW).serviceAccountSuspect,
      false,
      "no sign-ins, no suspicion",
    );
  });

  it("counts a silent refresh told by beta's signInEventTypes alone as non-interactive", () => {
    const refresh = signIn({ appId: APP.cli, isInteractive: null, signInEventTypes: ["nonInteractiveUser"] });
    const verdict = assess(facts({ signIns: [refresh, refresh] }), tenant(), NOW);
    assert.equal(verdict.serviceAccountSuspect, true);
    assert.deepEqual(
      verdict.evidence.phase2.map((entry) => [entry.count, entry.silent]),
      [[2, 2]],
    );
  });

  it("spares a person whose signInActivity shows an interactive sign-in to anything in the window", () => {
    const refresh = signIn({ appId: APP.cli, isInteractive: false });
    const at = (lastSignInDateTime: string) =>
      assess(facts({ user: { signInActivity: { lastSignInDateTime } }, signIns: [refresh] }), tenant(), NOW);
    assert.equal(at("2026-11-18T07:30:00Z").serviceAccountSuspect, false, "Teams last Wednesday");
    assert.equal(at("2026-10-21T09:00:00Z").serviceAccountSuspect, false, "the window's first instant");
    assert.equal(at("2026-10-21T08:59:59Z").serviceAccountSuspect, true, "just before the window");
    assert.equal(at("2026-10-21T08:59:59Z").phase2, "affected");
  });

  it("does not apply 'none is interactive' when the non-interactive sign-ins could not be read", () => {
    const verdict = assess(
      facts({
        signIns: [signIn({ appId: APP.cli })],
        dataGaps: [{ data: "nonInteractiveSignIns", reason: "forbidden" }],
      }),
      tenant(),
      NOW,
    );
    assert.equal(verdict.serviceAccountSuspect, false);
    const silentOnly = assess(
      facts({
        signIns: [signIn({ appId: APP.cli, isInteractive: false })],
        dataGaps: [{ data: "nonInteractiveSignIns", reason: "forbidden" }],
      }),
      tenant(),
      NOW,
    );
    assert.equal(silentOnly.serviceAccountSuspect, false);
    assert.deepEqual(silentOnly.dataGaps, [{ data: "nonInteractiveSignIns", reason: "forbidden" }]);
  });
});
