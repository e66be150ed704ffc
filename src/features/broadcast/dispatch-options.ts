import type { AdaptiveCardJson } from "../../cards/types";
import type { BroadcastJob, Delivery } from "../../domain/broadcast";
import type { Logger } from "../../logger";
import type { Clock, RateLimiter } from "../../throttle";
import type { BroadcastJobStore } from "./broadcast-job-store";
import type { BroadcastLedger } from "./broadcast-ledger";
import type { DispatchTuning } from "./dispatch-tuning";
import type { SendTimeGuard } from "./send-time-guard";
import type { ReadyTarget, TargetResolver } from "./target-resolver";
import type { BroadcastTransport, SendTarget } from "./transport";

export interface DispatcherOptions {
  jobs: BroadcastJobStore;
  ledger: BroadcastLedger;
  transport: BroadcastTransport;
  /** First contact for a row without a chat (see target-resolver.ts). */
  resolveTarget: TargetResolver;
  /**
   * The chat a row already has. With it, rows that need a first contact go to their own pool and
   * never hold back rows ready to send; without it every row goes through resolveTarget in turn.
   */
  readyTarget?: ReadyTarget;
  /** The recipient's card; `target.locale` (their chat's language) when the stored reference kept one. */
  render(
    job: BroadcastJob,
    delivery: Delivery,
    target: SendTarget,
  ): { card: AdaptiveCardJson; summary: string };
  tenantLimiter: RateLimiter;
  /** The same tenant rules, checked against actual send times (see SendTimeGuard). */
  sendGuard?: SendTimeGuard;
  /** A fresh limiter for one chat (Teams' per-conversation rules), used across one message's retries. */
  conversationLimiter(maxAttempts: number): RateLimiter | undefined;
  clock: Clock;
  logger: Logger;
  tuning?: Partial<DispatchTuning>;
}

/** How a run ended: every row settled, or the job was paused/cancelled, or this process lost the lease. */
export type DispatchEnd = "done" | "paused" | "cancelled" | "stopped";

/** Live counters of one run, for the progress card's rate. */
export interface DispatchCounters {
  sent: number;
  failed: number;
  throttled: number;
}
