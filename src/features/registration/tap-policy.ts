import type { TFunction } from "i18next";

import type { AuthenticationMethodsPolicy } from "../../directory/graph-types";
import { allowance, preparePolicy } from "../../domain/policy";
import { textsOf } from "./texts";

/** What a Temporary Access Pass may be for one user under the tenant's policy. */
export type TapTerms =
  | { available: true; lifetimeMinutes: number; usableOnce: boolean }
  | { available: false; reason: "disabled" | "notTargeted" | "excluded"; explanation: string };

/** Graph's own bounds for lifetimeInMinutes. */
const GRAPH_MIN = 10;
const GRAPH_MAX = 43_200;

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
  t: TFunction = textsOf().t,
): TapTerms {
  const state = allowance(
    preparePolicy(policy),
    "TemporaryAccessPass",
    userId.toLowerCase(),
    groupIds.map((id) => id.toLowerCase()),
  );
  if (state === "disabled" || state === "notTargeted" || state === "excluded") {
    return { available: false, reason: state, explanation: t(`registration.tap.${state}`) };
  }
  const config = policy?.authenticationMethodConfigurations.find(
    (item) => item.id.toLowerCase() === "temporaryaccesspass",
  );
  const min = Math.max(GRAPH_MIN, numberOr(config?.minimumLifetimeInMinutes, 60));
  const max = Math.min(GRAPH_MAX, numberOr(config?.maximumLifetimeInMinutes, 480));
  const wanted = numberOr(config?.defaultLifetimeInMinutes, 60);
  return { available: true, lifetimeMinutes: Math.min(max, Math.max(min, wanted)), usableOnce: true };
}

/** "60 minutes", "8 hours", "3 days", in the reader's language. */
export function readableLifetime(minutes: number, t: TFunction = textsOf().t): string {
  if (minutes % 1440 === 0) {
    return t("registration.tap.lifetime.days", { count: minutes / 1440 });
  }
  if (minutes % 60 === 0) {
    return t("registration.tap.lifetime.hours", { count: minutes / 60 });
  }
  return t("registration.tap.lifetime.minutes", { count: minutes });
}
