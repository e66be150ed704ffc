import type { TFunction } from "i18next";

import type { DeliveryTotals } from "../../domain/broadcast";
import { translator } from "../../i18n/i18n";

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

/** "2 min 5 s", "40 s", "1 h 5 min": for people, not parsers, in `t`'s language. */
export function readableDuration(seconds: number | undefined, t: TFunction = translator("en")): string {
  if (seconds === undefined) {
    return t("broadcast.duration.unknown");
  }
  if (seconds < 60) {
    return t("broadcast.duration.seconds", { s: seconds });
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return t("broadcast.duration.minutes", { m: minutes, s: seconds % 60 });
  }
  return t("broadcast.duration.hours", { h: Math.floor(minutes / 60), m: minutes % 60 });
}
