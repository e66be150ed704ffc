import { randomUUID } from "node:crypto";

import type { NewScheduledJob, ScheduledJob } from "../../domain/scheduled-job";
import type { Logger } from "../../logger";
import type { ScheduledJobStore } from "./scheduled-job-store";

export type { ScheduledJob } from "../../domain/scheduled-job";

export type JobHandler = (job: ScheduledJob) => Promise<void>;

export interface Scheduler {
  schedule(job: NewScheduledJob): Promise<ScheduledJob>;
  cancel(kind: string, key: string): Promise<boolean>;
  /** The job of a kind scheduled under a key, while it has not run (a scheduled broadcast, say). */
  find(kind: string, key: string): Promise<ScheduledJob | undefined>;
  /** Registers the handler of a kind; register every kind before start(). */
  on(kind: string, handler: JobHandler): void;
  start(): void;
  stop(): Promise<void>;
  /** Runs every job due now, one after another; the number run. Tests call it after moving the clock. */
  runDue(): Promise<number>;
}

export interface SchedulerOptions {
  store: ScheduledJobStore;
  logger: Logger;
  now?: () => Date;
  pollMs?: number;
  /** How long a claimed job is this instance's; longer than any handler should take. */
  leaseMs?: number;
  maxAttempts?: number;
}

const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000];

/**
 * Runs scheduled jobs from the store when they fall due. Jobs are leased before they run, so two instances
 * sharing a database never run one job twice; a failed job is retried later, a bounded number of times.
 */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const { store, logger } = options;
  const now = options.now ?? (() => new Date());
  const pollMs = options.pollMs ?? 30_000;
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  const maxAttempts = options.maxAttempts ?? RETRY_DELAYS_MS.length + 1;
  const owner = randomUUID();
  const handlers = new Map<string, JobHandler>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  async function runOne(job: ScheduledJob): Promise<void> {
    const handler = handlers.get(job.kind);
    const log = logger.child({ jobId: job.id, kind: job.kind, tenantId: job.tenantId });
    if (!handler) {
      log.warn("no handler for this kind of scheduled job; it waits for a version that has one");
      await store.retryLater(job.id, owner, new Date(now().getTime() + leaseMs), "no handler");
      return;
    }
    try {
      await handler(job);
      await store.complete(job.id, owner);
      log.info("scheduled job done");
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (job.attempts + 1 >= maxAttempts) {
        await store.complete(job.id, owner);
        log.error({ err: message, attempts: job.attempts + 1 }, "scheduled job failed for good");
        return;
      }
      const delay = RETRY_DELAYS_MS[Math.min(job.attempts, RETRY_DELAYS_MS.length - 1)]!;
      await store.retryLater(job.id, owner, new Date(now().getTime() + delay), message);
      log.warn(
        { err: message, attempts: job.attempts + 1, retryInMs: delay },
        "scheduled job failed; will retry",
      );
    }
  }

  async function runDue(): Promise<number> {
    if (running) {
      return running;
    }
    running = (async () => {
      let count = 0;
      for (;;) {
        const due = await store.claimDue(now(), owner, leaseMs, 20);
        if (due.length === 0) {
          return count;
        }
        for (const job of due) {
          await runOne(job);
          count += 1;
        }
      }
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    async schedule(job) {
      return store.upsert(job);
    },
    async cancel(kind, key) {
      return store.cancel(kind, key);
    },
    async find(kind, key) {
      return (await store.list(kind)).find((job) => job.key === key);
    },
    on(kind, handler) {
      handlers.set(kind, handler);
    },
    start() {
      if (timer) {
        return;
      }
      timer = setInterval(() => {
        runDue().catch((error: unknown) => logger.error({ err: String(error) }, "scheduler poll failed"));
      }, pollMs);
      timer.unref();
    },
    async stop() {
      if (timer) {
        clearInterval(timer);
        timer = undefined;
      }
      await running;
    },
    runDue,
  };
}
