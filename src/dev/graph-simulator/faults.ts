/** Make the next `count` requests whose path starts with `pathPrefix` fail or stall, for resilience tests. */
export interface FaultRule {
  pathPrefix: string;
  count: number;
  /** Only this HTTP method (any when unset). */
  method?: string;
  /** Answer this status (429, 500, 503…) instead of the real answer. */
  status?: number;
  /** Retry-After seconds on a 429 or 503 (default 1 for 429). */
  retryAfterSeconds?: number;
  /** Wait this long before answering (the real answer, or `status` when set). */
  hangMs?: number;
}

export class FaultInjector {
  private rules: FaultRule[] = [];

  add(rule: FaultRule): void {
    if (!rule.pathPrefix.startsWith("/") || !Number.isInteger(rule.count) || rule.count < 1) {
      throw new RangeError("a fault needs a pathPrefix starting with / and a count of at least 1");
    }
    if (rule.status === undefined && rule.hangMs === undefined) {
      throw new RangeError("a fault needs a status or hangMs");
    }
    if (
      rule.status !== undefined &&
      (!Number.isInteger(rule.status) || rule.status < 400 || rule.status > 599)
    ) {
      throw new RangeError("a fault status must be an HTTP error status (400-599)");
    }
    this.rules.push({ ...rule });
  }

  clear(): void {
    this.rules = [];
  }

  /** The first rule that matches, consumed once; undefined when none does. */
  take(method: string, path: string): FaultRule | undefined {
    const rule = this.rules.find(
      (candidate) =>
        path.startsWith(candidate.pathPrefix) &&
        (candidate.method === undefined || candidate.method.toUpperCase() === method),
    );
    if (rule === undefined) {
      return undefined;
    }
    rule.count -= 1;
    if (rule.count === 0) {
      this.rules = this.rules.filter((candidate) => candidate !== rule);
    }
    return rule;
  }
}
