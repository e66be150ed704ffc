import type { LimitRule } from "./limit-rule";

/**
 * What a bot may send in Teams (DOMAIN.md; learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit):
 * per bot per conversation 7 / 1 s, 8 / 2 s, 60 / 30 s, 1,800 / hour.
 */
export const TEAMS_CONVERSATION_RULES: readonly LimitRule[] = [
  { kind: "window", limit: 7, windowMs: 1_000 },
  { kind: "window", limit: 8, windowMs: 2_000 },
  { kind: "window", limit: 60, windowMs: 30_000 },
  { kind: "window", limit: 1_800, windowMs: 3_600_000 },
];

/** Per app per tenant: 50 requests per second today (older documents say 30), so it comes from configuration. */
export function teamsTenantRules(requestsPerSecond: number): LimitRule[] {
  return [{ kind: "window", limit: Math.max(1, Math.floor(requestsPerSecond)), windowMs: 1_000 }];
}
