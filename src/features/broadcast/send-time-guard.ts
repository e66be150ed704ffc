import type { Clock, LimitRule } from "../../throttle";
import { BucketGate } from "../../throttle/bucket-gate";
import { WindowGate } from "../../throttle/window-gate";

/**
 * The tenant's rules checked again at the moment a send leaves, against actual send times. The
 * RateLimiter plans slots ahead; when the event loop stalls (GC, a busy CPU), sends planned apart leave
 * together, and Teams counts arrivals. Checking and committing synchronously right before the call
 * keeps actual sends within the rules.
 */
export class SendTimeGuard {
  private readonly gates: Array<WindowGate | BucketGate>;

  constructor(
    rules: readonly LimitRule[],
    private readonly clock: Clock,
  ) {
    this.gates = rules.map((rule) => (rule.kind === "window" ? new WindowGate(rule.limit, rule.windowMs) : new BucketGate(rule.capacity, rule.refillPerSecond)));
  }

  async admit(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const at = Math.max(...this.gates.map((gate) => gate.earliest(now)));
      if (at <= now) {
        for (const gate of this.gates) {
          gate.commit(now);
        }
        return;
      }
      await this.clock.sleep(at - now, signal);
    }
  }
}
