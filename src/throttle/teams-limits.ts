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
 * process later than its slot and land in Teams' next second. The per-second rule allows `margin` of
 * a second for a request to reach Teams, unless its answer came sooner (WindowGate: the sender settles
 * each slot when Teams answers), so the sustained rate stays close to the whole rps. The even spread is
 * our own, not a rule Teams counts, so it needs no margin.
 */
export function teamsTenantRules(rps: number, margin = 0.1): LimitRule[] {
  if (rps >= 1) {
    const slice = Math.max(1, Math.floor(rps / 20));
    return [
      { kind: "window", limit: Math.floor(rps), windowMs: 1_000, marginMs: Math.round(1_000 * margin) },
      { kind: "window", limit: slice, windowMs: Math.round((1_000 * slice) / rps) },
    ];
  }
  return [{ kind: "bucket", capacity: 1, refillPerSecond: rps }];
}

/**
 * What the send-time guard checks: the per-second rule, and twice the even spread, so sends may catch
 * up after a stall (or a 429 pause) without leaving in one burst.
 */
export function teamsGuardRules(rps: number, margin = 0.1): LimitRule[] {
  const rules = teamsTenantRules(rps, margin);
  return rules.map((rule, index) =>
    index === 1 && rule.kind === "window"
      ? { ...rule, limit: rule.limit * 2, windowMs: rule.windowMs * 2 }
      : rule,
  );
}
