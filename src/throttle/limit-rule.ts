/**
 * One published limit, as data. `window`: at most `limit` requests in any `windowMs` (how Graph and Teams
 * state theirs: "5 requests / 10 s", "7 sends / 1 s"). `bucket`: a token bucket for generous limits where
 * a burst is fine.
 */
export type LimitRule =
  | {
      kind: "window";
      limit: number;
      windowMs: number;
      /** How long after it went a request may reach the server and be counted (WindowGate). */
      marginMs?: number;
    }
  | { kind: "bucket"; capacity: number; refillPerSecond: number };

/**
 * The limit multiplied by K over the same window: what the Graph simulator enforces when started with
 * throttleScale K (and what a benchmark compares against).
 */
export function scaleRule(rule: LimitRule, scale: number): LimitRule {
  return rule.kind === "window"
    ? { ...rule, limit: Math.max(1, Math.floor(rule.limit * scale)) }
    : {
        ...rule,
        capacity: Math.max(1, Math.floor(rule.capacity * scale)),
        refillPerSecond: rule.refillPerSecond * scale,
      };
}

/** The least time `requests` requests can take under `rules` when started with full allowances. */
export function minimumDurationMs(rules: readonly LimitRule[], requests: number): number {
  let longest = 0;
  for (const rule of rules) {
    const ms =
      rule.kind === "window"
        ? Math.max(0, Math.ceil(requests / rule.limit) - 1) * rule.windowMs
        : (Math.max(0, requests - rule.capacity) / rule.refillPerSecond) * 1000;
    longest = Math.max(longest, ms);
  }
  return longest;
}
