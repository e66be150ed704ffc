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
  private rampStart: number | undefined;
  private rampSent = 0;

  /**
   * `ramp`: in the first second a cold process sends at most this many; new connections make its first
   * requests arrive late, bunched with later ones, and Teams would count them in the same second.
   */
  constructor(
    rules: readonly LimitRule[],
    private readonly clock: Clock,
    private readonly ramp?: { limit: number; ms: number },
  ) {
    this.gates = rules.map((rule) =>
      rule.kind === "window"
        ? new WindowGate(rule.limit, rule.windowMs, rule.marginMs)
        : new BucketGate(rule.capacity, rule.refillPerSecond),
    );
  }

  /** Waits for the send's moment; call what it gives back when the answer comes (see WindowGate). */
  async admit(signal?: AbortSignal): Promise<() => void> {
    for (;;) {
      const now = this.clock.now();
      this.rampStart ??= now;
      const ramping = this.ramp !== undefined && now < this.rampStart + this.ramp.ms;
      const rampAt = ramping && this.rampSent >= this.ramp!.limit ? this.rampStart + this.ramp!.ms : now;
      const at = Math.max(rampAt, ...this.gates.map((gate) => gate.earliest(now)));
      if (at <= now) {
        const settles = this.gates.map((gate) => gate.commit(now));
        this.rampSent += ramping ? 1 : 0;
        return () => {
          const answeredAt = this.clock.now();
          settles.forEach((settle) => settle(answeredAt));
        };
      }
      await this.clock.sleep(at - now, signal);
    }
  }
}
