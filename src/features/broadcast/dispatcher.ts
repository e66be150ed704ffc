import { setMaxListeners } from "node:events";

import type { AdaptiveCardJson } from "../../cards/types";
import type { BroadcastJob, Delivery } from "../../domain/broadcast";
import type { Logger } from "../../logger";
import {
  type Clock,
  decideRetry,
  type RateLimiter,
  type RetryOptions,
  TEAMS_RETRY_STATUSES,
} from "../../throttle";
import type { BroadcastJobStore } from "./broadcast-job-store";
import type { BroadcastLedger } from "./broadcast-ledger";
import type { SendTimeGuard } from "./send-time-guard";
import type { ReadyTarget, TargetResolution, TargetResolver } from "./target-resolver";
import type { BroadcastTransport, SendOutcome, SendTarget } from "./transport";

export interface DispatchTuning {
  /** Sends in flight at once; enough to keep the tenant rate busy while some wait for an answer. */
  concurrency: number;
  /** First contacts (open a chat, install through Graph) in flight at once, beside the sends. */
  contactConcurrency: number;
  /** Rows waiting for a first-contact slot; the reader goes on to ready rows until this many wait. */
  contactBacklog: number;
  pageSize: number;
  retry: RetryOptions;
  /** This many 429s in a row (no success between) pause the whole job… */
  pauseAfterConsecutive429: number;
  /** …for this long, then it resumes by itself (Resume on the card resumes at once). */
  throttlePauseMs: number;
}

export const DEFAULT_DISPATCH_TUNING: DispatchTuning = {
  concurrency: 64,
  contactConcurrency: 64,
  contactBacklog: 4_096,
  pageSize: 256,
  retry: {
    maxAttempts: 5,
    retryStatuses: TEAMS_RETRY_STATUSES,
    baseDelayMs: 500,
    maxDelayMs: 30_000,
    maxRetryAfterMs: 120_000,
    random: Math.random,
  },
  pauseAfterConsecutive429: 20,
  throttlePauseMs: 60_000,
};

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

/**
 * Sends one job's pending rows, page by page from the ledger (memory stays flat), each through the
 * tenant limiter and its conversation's limiter. `shouldStop` is polled between sends: it reports a
 * pause, a cancel or a lost lease, which the caller learns from the store and its lease.
 */
export class Dispatcher {
  readonly counters: DispatchCounters = { sent: 0, failed: 0, throttled: 0 };
  private readonly tuning: DispatchTuning;
  private consecutive429 = 0;
  private readonly abort = new AbortController();
  private stopReason: DispatchEnd | undefined;
  /** First-contact retries per row in this run; bounded so a broken user cannot hold the job. */
  private readonly installRetries = new Map<number, number>();

  constructor(private readonly options: DispatcherOptions) {
    this.tuning = { ...DEFAULT_DISPATCH_TUNING, ...options.tuning };
    // Every waiting send listens on this one signal.
    setMaxListeners(0, this.abort.signal);
  }

  /** Stops taking rows; sends already at Teams finish and are recorded. */
  stop(reason: Exclude<DispatchEnd, "done">): void {
    if (this.stopReason === undefined) {
      this.stopReason = reason;
      this.abort.abort(new Error(`broadcast ${reason}`));
    }
  }

  /**
   * One pass reads the pending rows in order. A row with a chat goes to the send pool; one without goes
   * to the first-contact pool (installs are paced at 30/s, far below the send rate), or waits in a
   * bounded backlog for a slot there while the reader goes on to rows that are ready. Another pass picks
   * up rows a retry left pending.
   */
  async run(job: BroadcastJob): Promise<DispatchEnd> {
    const { ledger } = this.options;
    const sends = new Set<Promise<void>>();
    const contacts = new Set<Promise<void>>();
    const backlog: Delivery[] = [];
    const track = (pool: Set<Promise<void>>, work: Promise<void>, then?: () => void) => {
      const tracked: Promise<void> = work.finally(() => {
        pool.delete(tracked);
        then?.();
      });
      pool.add(tracked);
    };
    const startContact = (delivery: Delivery): void =>
      track(contacts, this.deliverSafely(job, delivery, undefined), () => {
        const next = this.stopReason === undefined ? backlog.shift() : undefined;
        if (next) {
          startContact(next);
        }
      });
    const settle = async () => {
      while (sends.size + contacts.size > 0) {
        await Promise.race([...sends, ...contacts]);
      }
    };
    for (;;) {
      let after = 0;
      let seen = 0;
      for (;;) {
        const page = await ledger.pendingPage(job.id, after, this.tuning.pageSize);
        for (const delivery of page) {
          after = delivery.seq;
          if (this.stopReason !== undefined) {
            backlog.length = 0;
            await settle();
            return this.stopReason;
          }
          seen += 1;
          while (sends.size >= this.tuning.concurrency) {
            await Promise.race(sends);
          }
          while (backlog.length >= this.tuning.contactBacklog && this.stopReason === undefined) {
            await Promise.race(contacts);
          }
          // The chat is looked up in the send slot, as a send would: a row without one leaves the slot
          // at once for the first-contact pool (or its backlog), so it never holds back the next row.
          track(
            sends,
            this.sendOrHandOver(job, delivery, (row) =>
              contacts.size < this.tuning.contactConcurrency ? startContact(row) : backlog.push(row),
            ),
          );
        }
        if (page.length < this.tuning.pageSize) {
          break;
        }
      }
      await settle();
      backlog.length = 0;
      if (this.stopReason !== undefined) {
        return this.stopReason;
      }
      // Rows a retry put back (none normally): another pass; none left: done.
      if (seen === 0) {
        return "done";
      }
    }
  }

  private async sendOrHandOver(
    job: BroadcastJob,
    delivery: Delivery,
    handOver: (delivery: Delivery) => unknown,
  ): Promise<void> {
    if (this.options.readyTarget === undefined) {
      return this.deliverSafely(job, delivery, undefined);
    }
    let ready: SendTarget | undefined;
    try {
      ready = await this.options.readyTarget(job.tenantId, delivery);
    } catch (error) {
      return this.deliverSafely(job, delivery, undefined).then(() =>
        this.options.logger.warn(
          { seq: delivery.seq, err: error instanceof Error ? error.message : String(error) },
          "stored chat lookup failed",
        ),
      );
    }
    if (ready === undefined) {
      handOver(delivery);
      return;
    }
    return this.deliverSafely(job, delivery, ready);
  }

  private now(): string {
    return new Date(this.options.clock.now()).toISOString();
  }

  /** A bug or a store failure for one row fails that row with a reason; it never stops the job. */
  private async deliverSafely(
    job: BroadcastJob,
    delivery: Delivery,
    ready: SendTarget | undefined,
  ): Promise<void> {
    try {
      await this.deliver(job, delivery, ready);
    } catch (error) {
      this.counters.failed += 1;
      this.options.logger.error(
        { seq: delivery.seq, err: error instanceof Error ? error.message : String(error) },
        "broadcast row failed",
      );
      await this.options.ledger
        .markFinal(job.id, delivery.seq, "failed", "internalError", this.now())
        .catch(() => undefined);
    }
  }

  /** Waits for a tenant slot for a Bot Connector request; throws when the run stopped meanwhile. */
  private async admitConnector(): Promise<void> {
    await this.options.tenantLimiter.acquire(this.abort.signal);
    await this.options.sendGuard?.admit(this.abort.signal);
  }

  private async resolve(
    job: BroadcastJob,
    delivery: Delivery,
    ready: SendTarget | undefined,
  ): Promise<TargetResolution | undefined> {
    if (ready) {
      return { kind: "target", target: ready };
    }
    try {
      return await this.options.resolveTarget(job.tenantId, delivery, job.progressRef?.serviceUrl, () =>
        this.admitConnector(),
      );
    } catch (error) {
      if (this.abort.signal.aborted) {
        return undefined; // stopped while waiting for a slot: the row is still pending
      }
      throw error;
    }
  }

  private async deliver(job: BroadcastJob, delivery: Delivery, ready: SendTarget | undefined): Promise<void> {
    const { ledger, clock, logger } = this.options;
    const resolved = await this.resolve(job, delivery, ready);
    if (resolved === undefined) {
      return;
    }
    if (resolved.kind === "fail") {
      this.counters.failed += 1;
      await ledger.markFinal(job.id, delivery.seq, "failed", resolved.reason, this.now());
      return;
    }
    if (resolved.kind === "retry") {
      // Graph or Teams could not open the chat just now: the row stays pending for the next pass, a few times.
      if (resolved.throttledMs !== undefined) {
        this.onThrottled(job, resolved.throttledMs);
      }
      const tries = (this.installRetries.get(delivery.seq) ?? 0) + 1;
      this.installRetries.set(delivery.seq, tries);
      if (tries >= this.tuning.retry.maxAttempts) {
        this.installRetries.delete(delivery.seq);
        this.counters.failed += 1;
        await ledger.markFinal(job.id, delivery.seq, "failed", resolved.reason, this.now());
        return;
      }
      await this.waitOrStop(this.tuning.retry.baseDelayMs * tries);
      return;
    }
    const target = resolved.target;
    const { card, summary } = this.options.render(job, delivery, target);
    const conversationLimiter = this.options.conversationLimiter(this.tuning.retry.maxAttempts);
    let attempt = delivery.attempts;
    for (;;) {
      try {
        await this.options.tenantLimiter.acquire(this.abort.signal);
        await conversationLimiter?.acquire(this.abort.signal);
      } catch {
        return; // stopped while waiting for a slot: the row is still pending
      }
      attempt += 1;
      await ledger.markSending(job.id, delivery.seq, target, this.now());
      // The send-time guard goes after the ledger write, right before the call: a store over the network
      // (Azure Tables) takes a varying time to answer, and sends it delays would otherwise leave bunched.
      try {
        await this.options.sendGuard?.admit(this.abort.signal);
      } catch {
        await ledger.markPending(job.id, delivery.seq, this.now());
        return; // stopped before the call: nothing was sent, the row is pending again
      }
      const outcome: SendOutcome = await this.options.transport.send(target, card, summary);
      if (outcome.kind === "sent") {
        this.consecutive429 = 0;
        this.counters.sent += 1;
        await ledger.markSent(job.id, delivery.seq, outcome.activityId, this.now());
        return;
      }
      if (outcome.kind === "final") {
        this.counters.failed += 1;
        await ledger.markFinal(job.id, delivery.seq, "failed", outcome.reason, this.now());
        return;
      }
      // No answer at all: Teams may have the message; a re-send is flagged possibly duplicated.
      const unanswered = outcome.status === undefined;
      const decision = decideRetry(
        unanswered
          ? { failure: "network" }
          : { status: outcome.status!, headers: retryAfterHeader(outcome.retryAfterMs) },
        { attempt, idempotent: true, now: clock.now() },
        this.tuning.retry,
      );
      if (outcome.status === 429) {
        this.onThrottled(job, decision.retry ? decision.delayMs : this.tuning.throttlePauseMs);
      }
      if (!decision.retry) {
        this.counters.failed += 1;
        await ledger.markFinal(
          job.id,
          delivery.seq,
          "failed",
          outcome.status === 429 ? "throttled" : `unavailable:${outcome.reason}`,
          this.now(),
        );
        return;
      }
      logger.debug(
        { seq: delivery.seq, status: outcome.status, delayMs: decision.delayMs, attempt },
        "broadcast send retried",
      );
      await ledger.markPending(job.id, delivery.seq, this.now(), unanswered);
      if (!(await this.waitOrStop(decision.delayMs))) {
        return;
      }
    }
  }

  /** A 429 holds every send of the tenant; too many in a row pause the job (the runner resumes it). */
  private onThrottled(job: BroadcastJob, delayMs: number): void {
    this.counters.throttled += 1;
    this.consecutive429 += 1;
    this.options.tenantLimiter.pauseUntil(this.options.clock.now() + delayMs);
    if (this.consecutive429 >= this.tuning.pauseAfterConsecutive429 && this.stopReason === undefined) {
      const resumeAt = this.options.clock.now() + this.tuning.throttlePauseMs;
      this.options.logger.warn(
        { jobId: job.id, consecutive429: this.consecutive429, resumeAt },
        "Teams keeps throttling: broadcast paused",
      );
      void this.options.jobs
        .transition(job.id, ["sending"], "paused", { pauseReason: "throttled", resumeAt })
        .then(() => this.stop("paused"));
    }
  }

  /** false when the run was stopped meanwhile. */
  private async waitOrStop(ms: number): Promise<boolean> {
    try {
      await this.options.clock.sleep(ms, this.abort.signal);
      return true;
    } catch {
      return false;
    }
  }
}

function retryAfterHeader(ms: number | undefined): Record<string, string> | undefined {
  return ms === undefined ? undefined : { "retry-after": String(ms / 1000) };
}
