import type { LimitRule } from "./limit-rule";

/**
 * What a bot may send in Teams (DOMAIN.md; learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit):
 * per bot per conversation 7 / 1 s, 8 / 2 s, 60 / 30 s, 1,800 / hour; per app per tenant 50 requests per
 * second today (older documents say 30), so the tenant rate comes from configuration (BROADCAST_RPS).
 */
export const TEAMS_CONVERSATION_RULES: readonly LimitRule[] = [
  { kind: "window", limit: 7, windowMs: 1_000 },
  { kind: "window", limit: 8, windowMs: 2_000 },
  { kind: "window", limit: 60, windowMs: 30_000 },
  { kind: "window", limit: 1_800, windowMs: 3_600_000 },
];

/**
 * The tenant-wide rate (BROADCAST_RPS, 50 by Teams' current docs) as "at most N in any second", the way
 * Teams counts it, plus the same rate over 1/20 s so sends are spread evenly: a burst would leave our
 * process later than its slot and land in Teams' next second. Windows are widened by `margin` so a
 * request that reaches Teams a little late still counts in the second we meant: the sustained rate is
 * rps / (1 + margin).
 */
export function teamsTenantRules(rps: number, margin = 0.02): LimitRule[] {
  if (rps >= 1) {
    const slice = Math.max(1, Math.floor(rps / 20));
    return [
      { kind: "window", limit: Math.floor(rps), windowMs: Math.round(1_000 * (1 + margin)) },
      { kind: "window", limit: slice, windowMs: Math.round(((1_000 * slice) / rps) * (1 + margin)) },
    ];
  }
  return [{ kind: "bucket", capacity: 1, refillPerSecond: rps }];
}

/**
 * What the send-time guard checks: the per-second rule, and twice the even spread, so sends may catch
 * up after a stall (or a 429 pause) without leaving in one burst.
 */
export function teamsGuardRules(rps: number, margin = 0.02): LimitRule[] {
  const rules = teamsTenantRules(rps, margin);
  return rules.map((rule, index) =>
    index === 1 && rule.kind === "window"
      ? { ...rule, limit: rule.limit * 2, windowMs: rule.windowMs * 2 }
      : rule,
  );
}
