import { BucketGate } from "./bucket-gate";
import type { Clock } from "./clock";
import type { LimitRule } from "./limit-rule";
import { WindowGate } from "./window-gate";

interface Gate {
  earliest(at: number): number;
  commit(at: number): void;
}

function gateFor(rule: LimitRule): Gate {
  return rule.kind === "window"
    ? new WindowGate(rule.limit, rule.windowMs)
    : new BucketGate(rule.capacity, rule.refillPerSecond);
}

/**
 * Admits requests under every one of its rules. A caller reserves its slot synchronously, in call order,
 * then sleeps until it; so concurrent callers queue fairly without a lock. A 429's Retry-After pauses
 * the whole limiter, since the server throttles the family, not the one request.
 */
export class RateLimiter {
  private readonly gates: Gate[];
  private lastGrant = 0;
  private pausedUntil = 0;

  constructor(
    readonly rules: readonly LimitRule[],
    private readonly clock: Clock,
  ) {
    this.gates = rules.map(gateFor);
  }

  /** Waits until one more request may go; rejects if the signal aborts first. Returns the wait in ms. */
  async acquire(signal?: AbortSignal): Promise<number> {
    const start = this.clock.now();
    let at = Math.max(start, this.lastGrant, this.pausedUntil);
    for (const gate of this.gates) {
      at = Math.max(at, gate.earliest(at));
    }
    for (const gate of this.gates) {
      gate.commit(at);
    }
    this.lastGrant = at;
    await this.sleepUntil(at, signal);
    // A pause that arrived while we slept (another request got a 429) holds us too.
    while (this.pausedUntil > this.clock.now()) {
      await this.sleepUntil(this.pausedUntil, signal);
    }
    return this.clock.now() - start;
  }

  /** Holds every later request until `time` (epoch ms). */
  pauseUntil(time: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, time);
  }

  private async sleepUntil(time: number, signal?: AbortSignal): Promise<void> {
    const wait = time - this.clock.now();
    if (wait > 0) {
      await this.clock.sleep(wait, signal);
    } else if (signal?.aborted) {
      throw signal.reason;
    }
  }
}
