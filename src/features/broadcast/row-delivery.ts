import type { BroadcastJob, Delivery } from "../../domain/broadcast";
import { decideRetry, type Slot } from "../../throttle";
import type { DispatchCounters, DispatcherOptions } from "./dispatch-options";
import type { DispatchTuning } from "./dispatch-tuning";
import type { TargetResolution } from "./target-resolver";
import type { SendOutcome, SendTarget } from "./transport";

/** What one run's rows share with it: its abort signal, whether it stopped, and how to pause it. */
export interface RunControl {
  signal: AbortSignal;
  stopped(): boolean;
  /** Too many 429s in a row: the job is paused (the runner resumes it later). */
  pause(): void;
}

/**
 * Delivers one row: its chat (ready, or a first contact), the card through the tenant's and the chat's
 * limiters, Teams' answer recorded in the ledger, retried within bounds. The counters are the run's.
 */
export class RowDelivery {
  readonly counters: DispatchCounters = { sent: 0, failed: 0, throttled: 0 };
  private consecutive429 = 0;
  /** First-contact retries per row in this run; bounded so a broken user cannot hold the job. */
  private readonly installRetries = new Map<number, number>();
  private readonly signal: AbortSignal;

  constructor(
    private readonly options: DispatcherOptions,
    private readonly tuning: DispatchTuning,
    private readonly run: RunControl,
  ) {
    this.signal = run.signal;
  }

  private stopped(): boolean {
    return this.run.stopped();
  }

  private pause(): void {
    this.run.pause();
  }

  private now(): string {
    return new Date(this.options.clock.now()).toISOString();
  }

  /** A bug or a store failure for one row fails that row with a reason; it never stops the job. */
  async deliverSafely(job: BroadcastJob, delivery: Delivery, ready: SendTarget | undefined): Promise<void> {
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

  /**
   * Waits for a tenant slot for a Bot Connector request; throws when the run stopped meanwhile. What it
   * gives back is called when Teams answers (the limits count the request from then if that is sooner).
   */
  private async admitConnector(): Promise<() => void> {
    const slot = await this.options.tenantLimiter.acquire(this.signal);
    const guarded = await this.options.sendGuard?.admit(this.signal);
    return () => {
      slot.settle();
      guarded?.();
    };
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
      if (this.signal.aborted) {
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
      let tenantSlot: Slot;
      try {
        tenantSlot = await this.options.tenantLimiter.acquire(this.signal);
        await conversationLimiter?.acquire(this.signal);
      } catch {
        return; // stopped while waiting for a slot: the row is still pending
      }
      attempt += 1;
      await ledger.markSending(job.id, delivery.seq, target, this.now());
      // The send-time guard goes after the ledger write, right before the call: a store over the network
      // (Azure Tables) takes a varying time to answer, and sends it delays would otherwise leave bunched.
      let guarded: (() => void) | undefined;
      try {
        guarded = await this.options.sendGuard?.admit(this.signal);
      } catch {
        await ledger.markPending(job.id, delivery.seq, this.now());
        return; // stopped before the call: nothing was sent, the row is pending again
      }
      const outcome: SendOutcome = await this.options.transport.send(target, card, summary);
      // Teams counted the message when it arrived, before this answer: the tenant's second may count it from now.
      tenantSlot.settle();
      guarded?.();
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
    if (this.consecutive429 >= this.tuning.pauseAfterConsecutive429 && !this.stopped()) {
      const resumeAt = this.options.clock.now() + this.tuning.throttlePauseMs;
      this.options.logger.warn(
        { jobId: job.id, consecutive429: this.consecutive429, resumeAt },
        "Teams keeps throttling: broadcast paused",
      );
      void this.options.jobs
        .transition(job.id, ["sending"], "paused", { pauseReason: "throttled", resumeAt })
        .then(() => this.pause());
    }
  }

  /** false when the run was stopped meanwhile. */
  private async waitOrStop(ms: number): Promise<boolean> {
    try {
      await this.options.clock.sleep(ms, this.signal);
      return true;
    } catch {
      return false;
    }
  }
}

function retryAfterHeader(ms: number | undefined): Record<string, string> | undefined {
  return ms === undefined ? undefined : { "retry-after": String(ms / 1000) };
}
