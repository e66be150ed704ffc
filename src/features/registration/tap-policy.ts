import type { AuthenticationMethodsPolicy } from "../../directory/graph-types";
import { allowance, preparePolicy } from "../../domain/policy";

/** What a Temporary Access Pass may be for one user under the tenant's policy. */
export type TapTerms =
  | { available: true; lifetimeMinutes: number; usableOnce: boolean }
  | { available: false; reason: "disabled" | "notTargeted" | "excluded"; explanation: string };

/** Graph's own bounds for lifetimeInMinutes. */
const GRAPH_MIN = 10;
const GRAPH_MAX = 43_200;

const EXPLANATIONS = {
  disabled:
    "Temporary Access Pass is turned off in your organisation's authentication methods policy, so no admin can issue one. An Authentication Policy Administrator can turn it on in the Microsoft Entra admin center (Protection > Authentication methods > Temporary Access Pass); until then, ask IT to help you register in person.",
  notTargeted:
    "Temporary Access Pass is on in your organisation, but not for you: the policy targets groups you are not in. Ask IT to add you to the policy's target group, or to help you register in person.",
  excluded:
    "Temporary Access Pass is on in your organisation, but you are excluded from it by the authentication methods policy. Ask IT to help you register in person.",
} as const;

const numberOr = (value: unknown, fallback: number) =>
  typeof value === "number" && Number.isFinite(value) ? value : fallback;

/**
 * The pass the product asks for: the policy's default lifetime, kept inside its minimum and maximum and
 * Graph's bounds; one-time use (enough to register a method, and nothing left to misuse afterwards),
 * which every TAP policy allows. A policy without a TemporaryAccessPass configuration uses Graph's defaults.
 */
export function tapTerms(
  policy: AuthenticationMethodsPolicy | undefined,
  userId: string,
  groupIds: readonly string[],
): TapTerms {
  const state = allowance(
    preparePolicy(policy),
    "TemporaryAccessPass",
    userId.toLowerCase(),
    groupIds.map((id) => id.toLowerCase()),
  );
  if (state === "disabled" || state === "notTargeted" || state === "excluded") {
    return { available: false, reason: state, explanation: EXPLANATIONS[state] };
  }
  const config = policy?.authenticationMethodConfigurations.find(
    (item) => item.id.toLowerCase() === "temporaryaccesspass",
  );
  const min = Math.max(GRAPH_MIN, numberOr(config?.minimumLifetimeInMinutes, 60));
  const max = Math.min(GRAPH_MAX, numberOr(config?.maximumLifetimeInMinutes, 480));
  const wanted = numberOr(config?.defaultLifetimeInMinutes, 60);
  return { available: true, lifetimeMinutes: Math.min(max, Math.max(min, wanted)), usableOnce: true };
}

/** "60 minutes", "8 hours", "3 days". */
export function readableLifetime(minutes: number): string {
  if (minutes % 1440 === 0) {
    return minutes === 1440 ? "1 day" : `${minutes / 1440} days`;
  }
  if (minutes % 60 === 0) {
    return minutes === 60 ? "1 hour" : `${minutes / 60} hours`;
  }
  return `${minutes} minutes`;
}
