import type { AuthenticationMethod } from "../../directory/graph-types";
import type { UserFacts } from "../../domain/facts";
import { shortODataType } from "../../domain/method-classes";
import type { Verdict } from "../../domain/verdict";
import { keyModelName } from "./aaguids";
import type { WalkthroughMethod } from "./methods";
import { type Texts, textsOf } from "./texts";

/** What a "check now" found: success with what was found, or exactly what is missing. */
export type Verification =
  { verified: true; found: string[] } | { verified: false; missing: string; seen: string[] };

const TYPE_BY_METHOD: Partial<Record<WalkthroughMethod, string>> = {
  passkey: "fido2AuthenticationMethod",
  whfb: "windowsHelloForBusinessAuthenticationMethod",
};

/** The user's methods of the kind a walkthrough registers (its baseline when it starts). */
export function methodsOfKind(
  method: WalkthroughMethod,
  methods: readonly AuthenticationMethod[] | undefined,
): AuthenticationMethod[] {
  const type = TYPE_BY_METHOD[method];
  return type === undefined
    ? []
    : (methods ?? []).filter((item) => shortODataType(item["@odata.type"]) === type);
}

const day = (iso: unknown, texts: Texts) =>
  typeof iso === "string" && !Number.isNaN(Date.parse(iso))
    ? texts.time(iso)
    : texts.t("registration.verify.dateUnknown");

/** "YubiKey 5 Series, added 28 Nov 2026, 06:10 UTC". */
export function describeMethod(item: AuthenticationMethod, texts: Texts = textsOf()): string {
  const aaguid = typeof item.aaGuid === "string" ? item.aaGuid : undefined;
  const model =
    typeof item.model === "string" && item.model
      ? item.model
      : aaguid
        ? keyModelName(aaguid, texts.t)
        : undefined;
  const name = [item.displayName, model]
    .filter((part, index, all) => part && all.indexOf(part) === index)
    .join(" — ");
  return texts.t("registration.verify.method", {
    name: name || texts.t("registration.verify.unnamed"),
    date: day(item.createdDateTime, texts),
  });
}

const counted = (verdict: Verdict, type: string) =>
  [...verdict.methods.strongIndependent, ...verdict.methods.mfaService].some((entry) => entry.type === type);

/**
 * Checks one user's own walkthrough against what Graph says now. `baseline` holds the ids of methods of
 * that kind when the walkthrough started; `verdict` is assess() over the same facts. Pure.
 */
export function verifyOwnMethod(
  method: WalkthroughMethod,
  facts: UserFacts,
  verdict: Verdict,
  baseline: readonly string[],
  startedAt: string,
  texts: Texts = textsOf(),
): Verification {
  const { t } = texts;
  const describe = (item: AuthenticationMethod) => describeMethod(item, texts);
  if (facts.methods === undefined && method !== "certificate") {
    const gap = facts.dataGaps.find((item) => item.data === "methods");
    return {
      verified: false,
      missing: gap
        ? t("registration.verify.methodsUnreadableBecause", { reason: gap.reason })
        : t("registration.verify.methodsUnreadable"),
      seen: [],
    };
  }
  const ofKind = methodsOfKind(method, facts.methods);
  switch (method) {
    case "passkey": {
      const fresh = ofKind.filter((item) => !baseline.includes(item.id));
      if (fresh.length === 0) {
        return {
          verified: false,
          missing: t("registration.verify.noNewPasskey", { date: day(startedAt, texts) }),
          seen: ofKind.map(describe),
        };
      }
      if (!counted(verdict, "fido2AuthenticationMethod")) {
        return {
          verified: false,
          missing: t("registration.verify.passkeyNotCounted"),
          seen: fresh.map(describe),
        };
      }
      return { verified: true, found: fresh.map(describe) };
    }
    case "whfb":
      return ofKind.length > 0
        ? { verified: true, found: ofKind.map(describe) }
        : {
            verified: false,
            missing: t("registration.verify.noWhfb"),
            seen: [],
          };
    case "certificate": {
      const bindings = facts.user.authorizationInfo?.certificateUserIds ?? [];
      if (bindings.length === 0) {
        return {
          verified: false,
          missing: t("registration.verify.noBinding"),
          seen: [],
        };
      }
      if (!counted(verdict, "certificateBasedAuthentication")) {
        return {
          verified: false,
          missing: t("registration.verify.cbaNotEnabled"),
          seen: bindings,
        };
      }
      return {
        verified: true,
        found: bindings.map((binding) => t("registration.verify.binding", { binding })),
      };
    }
    default: {
      const methods = [...verdict.methods.strongIndependent, ...verdict.methods.mfaService];
      return verdict.mfaReady && methods.length > 0
        ? { verified: true, found: methods.map((entry) => entry.name) }
        : {
            verified: false,
            missing: t("registration.verify.noMfa"),
            seen: verdict.methods.notMfa.map((entry) => entry.name),
          };
    }
  }
}

/** One emergency access account and whether it is ready (a counted strong-independent method). */
export interface BreakGlassAccountCheck {
  name: string;
  ready: boolean;
  methods: string[];
}

export function verifyBreakGlassAccounts(
  verdicts: readonly Verdict[],
  { t }: Texts = textsOf(),
): Verification & { accounts: BreakGlassAccountCheck[] } {
  const line = (account: BreakGlassAccountCheck) =>
    t("registration.verify.accountMethods", { account: account.name, methods: account.methods.join(", ") });
  const accounts = verdicts.map((verdict) => ({
    name: t("registration.verify.account", { name: verdict.displayName, upn: verdict.userPrincipalName }),
    ready: verdict.methods.strongIndependent.length > 0,
    methods: verdict.methods.strongIndependent.map((entry) => entry.name),
  }));
  if (accounts.length === 0) {
    return {
      verified: false,
      missing: t("registration.verify.noBreakGlass"),
      seen: [],
      accounts,
    };
  }
  const notReady = accounts.filter((account) => !account.ready);
  return notReady.length === 0
    ? {
        verified: true,
        found: accounts.map(line),
        accounts,
      }
    : {
        verified: false,
        missing: t("registration.verify.breakGlassNotReady", {
          accounts: notReady.map((account) => account.name).join("; "),
        }),
        seen: accounts.filter((account) => account.ready).map(line),
        accounts,
      };
}
