import type { DeliveryTotals } from "../../domain/broadcast";

/** What the progress card and the CLI's progress lines show. */
export interface ProgressSnapshot {
  totals: DeliveryTotals;
  /** Messages settled per second over the last few seconds (0 before any). */
  ratePerSecond: number;
  /** Seconds until the pending rows are done at that rate; undefined when unknown. */
  secondsLeft?: number;
}

/** Settled-count samples over a sliding window: the rate is the slope across it. */
export class RateMeter {
  private readonly samples: Array<{ at: number; count: number }> = [];

  constructor(private readonly windowMs = 10_000) {}

  record(at: number, count: number): void {
    this.samples.push({ at, count });
    while (this.samples.length > 2 && this.samples[0]!.at < at - this.windowMs) {
      this.samples.shift();
    }
  }

  perSecond(): number {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (!first || !last || last.at <= first.at) {
      return 0;
    }
    return ((last.count - first.count) * 1000) / (last.at - first.at);
  }
}

export function snapshotOf(totals: DeliveryTotals, ratePerSecond: number): ProgressSnapshot {
  const left = totals.pending + totals.sending;
  return {
    totals,
    ratePerSecond,
    secondsLeft: left === 0 ? 0 : ratePerSecond > 0 ? Math.ceil(left / ratePerSecond) : undefined,
  };
}

/** "2 min 5 s", "40 s", "about an hour": for people, not parsers. */
export function readableDuration(seconds: number | undefined): string {
  if (seconds === undefined) {
    return "unknown";
  }
  if (seconds < 60) {
    return `${seconds} s`;
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return `${minutes} min ${seconds % 60} s`;
  }
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
