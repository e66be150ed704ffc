import type { AuthenticationMethod } from "../../directory/graph-types";
import type { UserFacts } from "../../domain/facts";
import { shortODataType } from "../../domain/method-classes";
import type { Verdict } from "../../domain/verdict";
import { keyModelName } from "./aaguids";
import type { WalkthroughMethod } from "./methods";

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

const day = (iso: unknown) =>
  typeof iso === "string" && !Number.isNaN(Date.parse(iso))
    ? new Date(iso).toLocaleString("en-GB", {
        day: "numeric",
        month: "short",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZone: "UTC",
      }) + " UTC"
    : "date unknown";

/** "YubiKey 5 Series, added 28 Nov 2026, 06:10 UTC". */
export function describeMethod(item: AuthenticationMethod): string {
  const aaguid = typeof item.aaGuid === "string" ? item.aaGuid : undefined;
  const model =
    typeof item.model === "string" && item.model ? item.model : aaguid ? keyModelName(aaguid) : undefined;
  const name = [item.displayName, model]
    .filter((part, index, all) => part && all.indexOf(part) === index)
    .join(" — ");
  return `${name || "Unnamed"}, added ${day(item.createdDateTime)}`;
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
): Verification {
  if (facts.methods === undefined && method !== "certificate") {
    const gap = facts.dataGaps.find((item) => item.data === "methods");
    return {
      verified: false,
      missing: `I could not read your sign-in methods from Microsoft Entra ID${gap ? ` (${gap.reason})` : ""}; try again in a few minutes.`,
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
          missing: `No passkey or security key has been added to your account since you started this walkthrough (${day(startedAt)}).`,
          seen: ofKind.map(describeMethod),
        };
      }
      if (!counted(verdict, "fido2AuthenticationMethod")) {
        return {
          verified: false,
          missing: "A passkey was added, but your organisation's policy does not count passkeys for you.",
          seen: fresh.map(describeMethod),
        };
      }
      return { verified: true, found: fresh.map(describeMethod) };
    }
    case "whfb":
      return ofKind.length > 0
        ? { verified: true, found: ofKind.map(describeMethod) }
        : {
            verified: false,
            missing: "No Windows Hello for Business key is registered on your account yet.",
            seen: [],
          };
    case "certificate": {
      const bindings = facts.user.authorizationInfo?.certificateUserIds ?? [];
      if (bindings.length === 0) {
        return {
          verified: false,
          missing:
            "Your account has no certificate binding (certificate user ids) yet: an admin must add it.",
          seen: [],
        };
      }
      if (!counted(verdict, "certificateBasedAuthentication")) {
        return {
          verified: false,
          missing:
            "Your certificate is bound, but certificate-based authentication is not enabled for you in the policy.",
          seen: bindings,
        };
      }
      return { verified: true, found: bindings.map((binding) => `Certificate binding ${binding}`) };
    }
    default: {
      const methods = [...verdict.methods.strongIndependent, ...verdict.methods.mfaService];
      return verdict.mfaReady && methods.length > 0
        ? { verified: true, found: methods.map((entry) => entry.name) }
        : {
            verified: false,
            missing: "Your account has no method that counts as MFA yet.",
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
): Verification & { accounts: BreakGlassAccountCheck[] } {
  const accounts = verdicts.map((verdict) => ({
    name: `${verdict.displayName} (${verdict.userPrincipalName})`,
    ready: verdict.methods.strongIndependent.length > 0,
    methods: verdict.methods.strongIndependent.map((entry) => entry.name),
  }));
  if (accounts.length === 0) {
    return {
      verified: false,
      missing: "No emergency access account is configured in MFA Ready's settings (BREAK_GLASS_ACCOUNTS).",
      seen: [],
      accounts,
    };
  }
  const notReady = accounts.filter((account) => !account.ready);
  return notReady.length === 0
    ? {
        verified: true,
        found: accounts.map((account) => `${account.name}: ${account.methods.join(", ")}`),
        accounts,
      }
    : {
        verified: false,
        missing: `Not ready yet (no counted passkey, security key or certificate): ${notReady.map((account) => account.name).join("; ")}.`,
        seen: accounts
          .filter((account) => account.ready)
          .map((account) => `${account.name}: ${account.methods.join(", ")}`),
        accounts,
      };
}
