import type { Clock } from "./clock";
import type { LimitFamily } from "./families";
import { type LimitRule, scaleRule } from "./limit-rule";
import { RateLimiter } from "./rate-limiter";

export interface LimiterRegistryOptions {
  families: readonly LimitFamily[];
  clock: Clock;
  /** Limits K times faster, to match a simulator started with throttleScale K. Default 1. */
  scale?: number;
  /**
   * The delay allowed between our send and the server's count, as a fraction of each window (a request
   * sent just after a window ends may arrive in it; a busy event loop or a token refresh can hold it a
   * while). Default 0.1. A request answered sooner counts from its answer instead (WindowGate), so the
   * margin costs nothing while answers come quickly. A rule that names its own marginMs keeps it.
   */
  windowMargin?: number;
}

/** One RateLimiter per (tenant, family), created on first use from the family data. */
export class LimiterRegistry {
  private readonly limiters = new Map<string, RateLimiter>();
  private readonly families: readonly LimitFamily[];

  constructor(private readonly options: LimiterRegistryOptions) {
    const scale = options.scale ?? 1;
    const margin = options.windowMargin ?? 0.1;
    const withMargin = (rule: LimitRule): LimitRule =>
      rule.kind === "window"
        ? { ...rule, marginMs: rule.marginMs ?? Number((rule.windowMs * margin).toFixed(3)) }
        : rule;
    this.families = options.families.map((family) => ({
      ...family,
      rules: family.rules.map((rule) => withMargin(scaleRule(rule, scale))),
    }));
  }

  /** The family whose pattern (and method, when it names some) matches the path (no query, no API version). */
  familyOf(path: string, method = "GET"): LimitFamily | undefined {
    const verb = method.toUpperCase();
    return this.families.find(
      (family) =>
        (family.methods === undefined || family.methods.includes(verb)) &&
        family.paths.some((pattern) => pattern.test(path)),
    );
  }

  /** The limiter for this path, method and tenant; undefined when no family matches (no limit then). */
  limiterFor(
    path: string,
    tenant = "",
    method = "GET",
  ): { family: string; limiter: RateLimiter } | undefined {
    const family = this.familyOf(path, method);
    if (family === undefined) {
      return undefined;
    }
    const key = `${tenant}\u0000${family.name}`;
    let limiter = this.limiters.get(key);
    if (limiter === undefined) {
      limiter = new RateLimiter(family.rules, this.options.clock);
      this.limiters.set(key, limiter);
    }
    return { family: family.name, limiter };
  }
}
