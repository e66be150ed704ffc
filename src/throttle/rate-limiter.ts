import { BucketGate } from "./bucket-gate";
import type { Clock } from "./clock";
import type { LimitRule } from "./limit-rule";
import { WindowGate } from "./window-gate";

interface Gate {
  earliest(at: number): number;
  /** Takes the slot; gives back how to count it from the answer's time when that is sooner. */
  commit(at: number): (answeredAt: number) => void;
}

/** A request let go: how long it waited, and `settle` to call with the time its answer came. */
export interface Slot {
  waitedMs: number;
  /** The answer (or the failure) came at this epoch ms: the windows count the request from then if that is sooner than its margin. */
  settle(answeredAt?: number): void;
}

function gateFor(rule: LimitRule): Gate {
  return rule.kind === "window"
    ? new WindowGate(rule.limit, rule.windowMs, rule.marginMs)
    : new BucketGate(rule.capacity, rule.refillPerSecond);
}

interface Waiter {
  grant(settles: Array<(answeredAt: number) => void>): void;
  signal: AbortSignal | undefined;
}

/**
 * Admits requests under every one of its rules, in call order. Waiters queue; the head is granted its slot
 * when the gates allow, and only then is the slot taken, so a waiter whose signal aborts (a status check
 * past its deadline, a shutdown) leaves the queue and costs later callers nothing. A 429's Retry-After
 * pauses the whole limiter, since the server throttles the family, not the one request.
 */
export class RateLimiter {
  private readonly gates: Gate[];
  private readonly queue: Waiter[] = [];
  private pumping = false;
  /** Ends the pump's sleep when the queue empties (every waiter gave up): no timer outlives the need. */
  private wake: AbortController | undefined;
  private pausedUntil = 0;

  constructor(
    readonly rules: readonly LimitRule[],
    private readonly clock: Clock,
  ) {
    this.gates = rules.map(gateFor);
  }

  /**
   * Waits until one more request may go; rejects if the signal aborts first. The slot's `settle`, called
   * when the answer comes, lets the windows count the request from then (see WindowGate); a caller that
   * never settles leaves it counted from when it went.
   */
  async acquire(signal?: AbortSignal): Promise<Slot> {
    if (signal?.aborted) {
      throw signal.reason;
    }
    const start = this.clock.now();
    if (this.queue.length === 0 && this.nextSlot(start) <= start) {
      return this.slot(0, this.take(start));
    }
    let settles: Array<(answeredAt: number) => void> = [];
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) {
          this.queue.splice(index, 1);
        }
        if (this.queue.length === 0) {
          this.wake?.abort();
        }
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        signal,
        grant: (taken) => {
          settles = taken;
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.queue.push(waiter);
      void this.pump();
    });
    return this.slot(this.clock.now() - start, settles);
  }

  private slot(waitedMs: number, settles: Array<(answeredAt: number) => void>): Slot {
    return {
      waitedMs,
      settle: (answeredAt = this.clock.now()) => settles.forEach((settle) => settle(answeredAt)),
    };
  }

  /** Holds every later request until `time` (epoch ms). */
  pauseUntil(time: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, time);
  }

  /** Grants the queue's head whenever the gates (and a pause) allow, until the queue is empty. */
  private async pump(): Promise<void> {
    if (this.pumping) {
      return;
    }
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        const now = this.clock.now();
        const at = this.nextSlot(now);
        if (at > now) {
          this.wake = new AbortController();
          await this.clock.sleep(at - now, this.wake.signal).catch(() => "woken: the queue emptied");
          continue;
        }
        const waiter = this.queue.shift()!;
        waiter.grant(this.take(now));
      }
    } finally {
      this.pumping = false;
    }
  }

  private nextSlot(now: number): number {
    let at = Math.max(now, this.pausedUntil);
    for (const gate of this.gates) {
      at = Math.max(at, gate.earliest(at));
    }
    return at;
  }

  private take(at: number): Array<(answeredAt: number) => void> {
    return this.gates.map((gate) => gate.commit(at));
  }
}
