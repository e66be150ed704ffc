import type { BroadcastJob } from "../../domain/broadcast";
import type { Logger } from "../../logger";
import {
  type Clock,
  RateLimiter,
  TEAMS_CONVERSATION_RULES,
  teamsGuardRules,
  teamsTenantRules,
} from "../../throttle";
import type { BroadcastJobStore } from "./broadcast-job-store";
import type { BroadcastLedger } from "./broadcast-ledger";
import type { DispatchEnd, DispatcherOptions } from "./dispatch-options";
import type { DispatchTuning } from "./dispatch-tuning";
import { Dispatcher } from "./dispatcher";
import { type ProgressSnapshot, RateMeter, snapshotOf } from "./progress";
import { SendTimeGuard } from "./send-time-guard";

export interface JobRunnerOptions extends Omit<
  DispatcherOptions,
  "tenantLimiter" | "conversationLimiter" | "tuning" | "logger"
> {
  jobs: BroadcastJobStore;
  ledger: BroadcastLedger;
  clock: Clock;
  logger: Logger;
  /** BROADCAST_RPS. */
  tenantRps: number;
  /** This process, for the lease. */
  owner: string;
  /** Turns the job's audience into ledger rows (run once, again after a crash while preparing). */
  prepare(job: BroadcastJob): Promise<void>;
  onProgress?(job: BroadcastJob, progress: ProgressSnapshot): Promise<void>;
  /** The job reached done or cancelled: audit, follow-up, final card. */
  onFinished?(job: BroadcastJob, progress: ProgressSnapshot): Promise<void>;
  leaseMs?: number;
  pollMs?: number;
  progressEveryMs?: number;
  tuning?: Partial<DispatchTuning>;
}

/**
 * Runs broadcast jobs in this process: takes a job's lease (one sender per job across processes),
 * finishes preparing it, turns rows a dead process left in "sending" into possibly-duplicated re-sends,
 * dispatches, watches for Pause/Cancel, updates progress, and settles the job.
 */
export class JobRunner {
  private readonly tenantLimiters = new Map<string, RateLimiter>();
  private readonly sendGuards = new Map<string, SendTimeGuard>();
  private readonly running = new Map<string, Promise<DispatchEnd>>();
  private readonly dispatchers = new Set<Dispatcher>();
  private closing = false;
  private readonly closed = new AbortController();

  constructor(private readonly options: JobRunnerOptions) {}

  isRunning(jobId: string): boolean {
    return this.running.has(jobId);
  }

  /** Runs the job until it ends, pauses or this process loses it; a second call joins the first. */
  run(jobId: string): Promise<DispatchEnd> {
    const existing = this.running.get(jobId);
    if (existing) {
      return existing;
    }
    const work = this.runUntilSettled(jobId).finally(() => this.running.delete(jobId));
    this.running.set(jobId, work);
    return work;
  }

  /** Stops every job sending here (rows stay pending; another process or a restart resumes them). */
  async stopAll(): Promise<void> {
    this.closing = true;
    this.closed.abort(new Error("broadcast runner stopped"));
    for (const dispatcher of this.dispatchers) {
      dispatcher.stop("stopped");
    }
    await Promise.allSettled([...this.running.values()]);
  }

  /** A job Teams throttled pauses itself; this process resumes it when the pause is over. */
  private async runUntilSettled(jobId: string): Promise<DispatchEnd> {
    for (;;) {
      const end = await this.runOnce(jobId);
      const job = end === "paused" ? await this.options.jobs.getJob(jobId) : undefined;
      if (this.closing || job?.state !== "paused" || job.pauseReason !== "throttled") {
        return end;
      }
      try {
        await this.options.clock.sleep(
          Math.max(0, (job.resumeAt ?? 0) - this.options.clock.now()),
          this.closed.signal,
        );
      } catch {
        return end;
      }
    }
  }

  private tenantLimiter(tenantId: string): RateLimiter {
    let limiter = this.tenantLimiters.get(tenantId);
    if (!limiter) {
      limiter = new RateLimiter(teamsTenantRules(this.options.tenantRps), this.options.clock);
      this.tenantLimiters.set(tenantId, limiter);
    }
    return limiter;
  }

  private sendGuard(tenantId: string): SendTimeGuard {
    let guard = this.sendGuards.get(tenantId);
    if (!guard) {
      const rps = this.options.tenantRps;
      guard = new SendTimeGuard(teamsGuardRules(rps), this.options.clock, {
        limit: Math.max(1, Math.floor(rps * 0.8)),
        ms: 1_000,
      });
      this.sendGuards.set(tenantId, guard);
    }
    return guard;
  }

  /**
   * A chat's limiter lives while its one message is being delivered (a broadcast writes to a chat once;
   * retries of that message share it), so memory does not grow with the audience. Only rules that a
   * message's attempts could exceed are kept: with 5 attempts, none of Teams' (7/1 s and up) can bind.
   */
  private conversationLimiter = (maxAttempts: number): RateLimiter | undefined => {
    const binding = TEAMS_CONVERSATION_RULES.filter(
      (rule) => rule.kind === "window" && rule.limit < maxAttempts,
    );
    return binding.length === 0 ? undefined : new RateLimiter(binding, this.options.clock);
  };

  private async runOnce(jobId: string): Promise<DispatchEnd> {
    const { jobs, ledger, clock, owner } = this.options;
    const leaseMs = this.options.leaseMs ?? 30_000;
    if (!(await jobs.acquireLease(jobId, owner, clock.now(), leaseMs))) {
      return "stopped";
    }
    const log = this.options.logger.child({ jobId });
    try {
      let job = await jobs.getJob(jobId);
      if (!job) {
        return "stopped";
      }
      if (job.state === "preparing") {
        await this.whileHolding(jobId, leaseMs, () => this.options.prepare(job!));
        await jobs.transition(jobId, ["preparing"], "sending");
        job = (await jobs.getJob(jobId))!;
      }
      if (job.state === "paused" && job.pauseReason === "throttled" && (job.resumeAt ?? 0) <= clock.now()) {
        await jobs.transition(jobId, ["paused"], "sending");
        job = (await jobs.getJob(jobId))!;
      }
      if (job.state !== "sending") {
        return job.state === "cancelled" ? "cancelled" : job.state === "done" ? "done" : "paused";
      }
      const recovered = await ledger.recoverInterrupted(jobId, new Date(clock.now()).toISOString());
      if (recovered > 0) {
        log.warn(
          { recovered },
          "rows left in sending by a stopped process: re-sending, reported as possibly duplicated",
        );
      }
      // Still ours? A long preparation on a slow store must not leave two senders.
      if (!(await jobs.acquireLease(jobId, owner, clock.now(), leaseMs))) {
        log.warn("broadcast lease lost while preparing: another process took the job");
        return "stopped";
      }
      return await this.dispatch(job, log, leaseMs);
    } finally {
      await jobs.releaseLease(jobId, owner);
    }
  }

  /** Renews the lease every third of its length while `work` runs (preparing 10,000 rows takes a while). */
  private async whileHolding<T>(jobId: string, leaseMs: number, work: () => Promise<T>): Promise<T> {
    const { jobs, clock, owner } = this.options;
    const timer = setInterval(
      () => {
        jobs
          .acquireLease(jobId, owner, clock.now(), leaseMs)
          .catch((error: unknown) =>
            this.options.logger.warn(
              { jobId, err: error instanceof Error ? error.message : String(error) },
              "lease renewal failed",
            ),
          );
      },
      Math.max(50, leaseMs / 3),
    );
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  private async dispatch(job: BroadcastJob, log: Logger, leaseMs: number): Promise<DispatchEnd> {
    const { jobs, ledger, clock } = this.options;
    const dispatcher = new Dispatcher({
      ...this.options,
      logger: log,
      tenantLimiter: this.tenantLimiter(job.tenantId),
      sendGuard: this.sendGuard(job.tenantId),
      conversationLimiter: this.conversationLimiter,
      tuning: this.options.tuning,
    });
    const meter = new RateMeter();
    const progress = async (): Promise<ProgressSnapshot> => {
      meter.record(clock.now(), dispatcher.counters.sent + dispatcher.counters.failed);
      return snapshotOf(await ledger.totals(job.id), meter.perSecond());
    };
    const started = clock.now();
    let lastProgress = started;
    let lastLease = started;
    const watcherStop = new AbortController();
    const watch = (async () => {
      const pollMs = this.options.pollMs ?? 250;
      for (;;) {
        try {
          await clock.sleep(pollMs, watcherStop.signal);
        } catch {
          return;
        }
        const now = clock.now();
        if (now - lastLease >= leaseMs / 3) {
          lastLease = now;
          if (!(await jobs.acquireLease(job.id, this.options.owner, now, leaseMs))) {
            log.warn("broadcast lease lost: another process took the job");
            dispatcher.stop("stopped");
          }
        }
        const current = await jobs.getJob(job.id);
        if (current?.state === "paused") {
          dispatcher.stop("paused");
        } else if (current?.state === "cancelled") {
          dispatcher.stop("cancelled");
        }
        if (this.options.onProgress && now - lastProgress >= (this.options.progressEveryMs ?? 3_000)) {
          lastProgress = now;
          await this.options
            .onProgress(current ?? job, await progress())
            .catch((error: unknown) =>
              log.warn(
                { err: error instanceof Error ? error.message : String(error) },
                "progress update failed",
              ),
            );
        }
      }
    })();
    let end: DispatchEnd;
    this.dispatchers.add(dispatcher);
    try {
      end = this.closing ? "stopped" : await dispatcher.run(job);
    } finally {
      this.dispatchers.delete(dispatcher);
      watcherStop.abort();
      await watch;
      await jobs.addSendMs(job.id, clock.now() - started);
    }
    const at = new Date(clock.now()).toISOString();
    if (end === "done") {
      await jobs.transition(job.id, ["sending"], "done", { at });
    } else if (end === "cancelled") {
      await ledger.cancelPending(job.id, at);
    }
    const final = (await jobs.getJob(job.id))!;
    const snapshot = await progress();
    log.info(
      { end, ...snapshot.totals, ratePerSecond: Number(snapshot.ratePerSecond.toFixed(1)) },
      "broadcast run ended",
    );
    if (end === "done" || end === "cancelled") {
      await this.options.onFinished?.(final, snapshot);
    } else if (this.options.onProgress) {
      await this.options
        .onProgress(final, snapshot)
        .catch((error: unknown) =>
          log.warn({ err: error instanceof Error ? error.message : String(error) }, "progress update failed"),
        );
    }
    return end;
  }
}
