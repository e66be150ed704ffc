import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { AuthenticationMethodsPolicy } from "../../src/directory/graph-types";
import { keyModelName } from "../../src/features/registration/aaguids";
import { foreignUserId } from "../../src/features/registration/actor";
import { auditSentence } from "../../src/features/registration/audit-sentence";
import { methodFromCardData } from "../../src/features/registration/methods";
import { allowedAlternatives, checkPolicy } from "../../src/features/registration/policy-check";
import { recipientLocales } from "../../src/features/registration/recipient-locale";
import { readableLifetime, tapTerms } from "../../src/features/registration/tap-policy";
import { textsOf } from "../../src/features/registration/texts";
import { workloadPlan } from "../../src/features/registration/workload-plan";

const USER = "u-1";
const subject = { userId: USER, groupIds: ["g-1"], userType: "Member", certificateUserIds: [] };
const policy = (changes: Record<string, Record<string, unknown>>): AuthenticationMethodsPolicy => ({
  authenticationMethodConfigurations: [
    "Fido2",
    "MicrosoftAuthenticator",
    "X509Certificate",
    "TemporaryAccessPass",
  ].map((id) => ({
    id,
    state: "enabled",
    includeTargets: [{ targetType: "group", id: "all_users" }],
    excludeTargets: [],
    ...changes[id],
  })),
});

describe("policy check before the first step (DOMAIN.md rule 3)", () => {
  it("allows FIDO2 for a targeted user and shows enforced key restrictions as models", () => {
    const check = checkPolicy(
      "passkey",
      policy({
        Fido2: {
          keyRestrictions: {
            isEnforced: true,
            enforcementType: "block",
            aaGuids: ["EE882879-721C-4913-9775-3DFCCE97072A", "12345678-0000-0000-0000-000000000000"],
          },
        },
      }),
      subject,
    );
    assert.equal(check.allowed, true);
    assert.deepEqual(check.keyRestrictions, {
      mode: "block",
      models: ["YubiKey 5 Series", "Unlisted model (AAGUID 12345678-0000-0000-0000-000000000000)"],
    });
  });

  it("blocks when excluded (by group), not targeted, disabled, or self-service is off", () => {
    assert.match(
      checkPolicy(
        "passkey",
        policy({ Fido2: { excludeTargets: [{ targetType: "group", id: "G-1" }] } }),
        subject,
      ).problems[0]!,
      /excluded/,
    );
    assert.match(
      checkPolicy(
        "passkey",
        policy({ Fido2: { includeTargets: [{ targetType: "group", id: "other" }] } }),
        subject,
      ).problems[0]!,
      /not enabled for you/,
    );
    assert.match(
      checkPolicy("passkey", policy({ Fido2: { state: "disabled" } }), subject).problems[0]!,
      /turned off/,
    );
    assert.match(
      checkPolicy("passkey", policy({ Fido2: { isSelfServiceRegistrationAllowed: false } }), subject)
        .problems[0]!,
      /register passkeys themselves/,
    );
  });

  it("offers only the methods the policy allows instead", () => {
    const blocked = policy({ Fido2: { state: "disabled" }, X509Certificate: { state: "disabled" } });
    assert.deepEqual(allowedAlternatives("passkey", blocked, subject), ["whfb", "mfaMethod"]);
    assert.deepEqual(allowedAlternatives("passkey", blocked, { ...subject, userType: "Guest" }), [
      "mfaMethod",
    ]);
  });
});

describe("Temporary Access Pass terms from the policy", () => {
  it("uses the default lifetime inside the policy's bounds, one-time use", () => {
    assert.deepEqual(
      tapTerms(
        policy({
          TemporaryAccessPass: {
            defaultLifetimeInMinutes: 60,
            minimumLifetimeInMinutes: 60,
            maximumLifetimeInMinutes: 480,
          },
        }),
        USER,
        [],
      ),
      { available: true, lifetimeMinutes: 60, usableOnce: true },
    );
    assert.equal(
      (
        tapTerms(
          policy({ TemporaryAccessPass: { defaultLifetimeInMinutes: 5, minimumLifetimeInMinutes: 1 } }),
          USER,
          [],
        ) as { lifetimeMinutes: number }
      ).lifetimeMinutes,
      10,
    );
    assert.equal(
      (
        tapTerms(
          policy({ TemporaryAccessPass: { defaultLifetimeInMinutes: 900, maximumLifetimeInMinutes: 480 } }),
          USER,
          [],
        ) as { lifetimeMinutes: number }
      ).lifetimeMinutes,
      480,
    );
  });

  it("explains a disabled or excluding policy instead of hiding it", () => {
    const off = tapTerms(policy({ TemporaryAccessPass: { state: "disabled" } }), USER, []);
    assert.equal(off.available, false);
    assert.match((off as { explanation: string }).explanation, /turned off/);
    const excluded = tapTerms(
      policy({ TemporaryAccessPass: { excludeTargets: [{ targetType: "user", id: "U-1" }] } }),
      USER,
      [],
    );
    assert.equal((excluded as { reason: string }).reason, "excluded");
  });

  it("reads lifetimes plainly", () => {
    assert.deepEqual(
      [60, 90, 480, 1440, 4320].map((minutes) => readableLifetime(minutes)),
      ["1 hour", "90 minutes", "8 hours", "1 day", "3 days"],
    );
  });
});

describe("card data is untrusted", () => {
  const actor = { tenantId: "t", userId: "abc" };
  it("finds another user's id in any user-naming key, whatever its type", () => {
    assert.equal(foreignUserId({ method: "passkey", step: 1 }, actor), undefined);
    assert.equal(foreignUserId({ userId: "ABC" }, actor), undefined);
    assert.equal(foreignUserId({ userId: "other" }, actor), "other");
    assert.equal(foreignUserId({ requesterId: 42 }, actor), "(number)");
  });

  it("maps buttons to walkthroughs by method, alias or action code, and nothing else", () => {
    assert.equal(methodFromCardData({ code: "REGISTER_PASSKEY" }), "passkey");
    assert.equal(methodFromCardData({ method: "fido2" }), "passkey");
    assert.equal(methodFromCardData({ code: "MOVE_TO_WORKLOAD_IDENTITY" }), "workloadIdentity");
    assert.equal(methodFromCardData({ code: "UPDATE_CLIENT_TOOLS" }), undefined);
    assert.equal(methodFromCardData({ code: "toString" }), undefined);
    assert.equal(methodFromCardData({ method: "__proto__" }), undefined);
  });
});

describe("data tables", () => {
  it("names well-known AAGUIDs case-insensitively", () => {
    assert.equal(keyModelName("90A3CCDF-635C-4729-A248-9B709135078F"), "Microsoft Authenticator (iOS)");
  });

  it("plans a workload identity from the account's sign-ins", () => {
    const plan = workloadPlan([
      {
        id: "1",
        createdDateTime: "2026-11-01T00:00:00Z",
        userId: "u",
        appId: "1950a258-227b-4e31-a9cf-717495945fc2",
      },
    ]);
    assert.equal(plan.length, 1);
    assert.match(plan[0]!.replacement, /Connect-AzAccount -ServicePrincipal/);
    assert.equal(workloadPlan([]).length, 3);
  });
});

describe("the language of a proactive card (approver, requester)", () => {
  const reference = (locale?: string) => ({
    tenantId: "t",
    userId: "u",
    conversationId: "c",
    serviceUrl: "https://smba.example",
    reference: locale ? { locale } : {},
    updatedAt: "2026-12-01T00:00:00Z",
  });
  const sources = (stored: string | undefined, preferred: string | undefined) => ({
    conversationReferences: { get: async () => (stored === "none" ? undefined : reference(stored)) },
    directory: {
      getUser: async () => ({
        id: "u",
        userPrincipalName: "u@contoso.example",
        preferredLanguage: preferred,
      }),
    },
    defaults: { defaultLocale: "es-MX", timeZone: "Europe/Madrid" },
  });

  it("the client locale kept with the conversation reference, else Graph's preferredLanguage, else DEFAULT_LOCALE", async () => {
    assert.deepEqual(await recipientLocales(sources("de-AT", "ja-JP"))("t", "u"), {
      language: "de",
      tag: "de-AT",
      timeZone: "Europe/Madrid",
    });
    assert.equal((await recipientLocales(sources("none", "ja-JP"))("t", "u")).language, "ja");
    assert.equal((await recipientLocales(sources(undefined, undefined))("t", "u")).tag, "es-MX");
  });
});

describe("audit sentences", () => {
  const entry = {
    id: 1,
    at: "2026-12-01T09:00:00Z",
    tenantId: "t",
    actorId: "a",
    outcome: "success" as const,
  };
  it("names an action no sentence knows as recorded, escaped", () => {
    assert.equal(
      auditSentence({ ...entry, action: "future.thing_*x*" }, textsOf()),
      "Recorded “future.thing\\_\\*x\\*”.",
    );
  });
  it("a broadcast's reasons in words, an unknown reason as 'another reason'", () => {
    assert.equal(
      auditSentence(
        {
          ...entry,
          action: "broadcast.completed",
          detail: {
            total: 3,
            sent: 1,
            failed: 2,
            skipped: 0,
            failedByReason: '{"notFound":1,"weird":1}',
            skippedByReason: "not json",
          },
        },
        textsOf(),
      ),
      "Broadcast finished: 1 of 3 delivered, 2 not delivered, 0 skipped. Not delivered: 1 no longer had a chat with the bot (the app was removed) and 1 for another reason.",
    );
  });
});
