import type { Logger } from "../../logger";
import type { BroadcastJobStore } from "./broadcast-job-store";
import type { JobRunner } from "./job-runner";

export interface ResumePoller {
  /** Looks once: every active job not running here is tried (its lease decides who sends). */
  poll(): Promise<void>;
  stop(): void;
}

/**
 * With several instances, the one sending a job can die at any moment; its lease then expires and the
 * job must be picked up by another. Each instance looks for active jobs every `everyMs` and tries them:
 * `run` returns at once when another live instance holds the lease, and joins when it runs here already.
 */
export function startResumePoller(options: {
  runner: JobRunner;
  jobs: Pick<BroadcastJobStore, "activeJobIds">;
  everyMs: number;
  logger: Logger;
}): ResumePoller {
  const { runner, jobs, logger } = options;
  const poll = async () => {
    for (const id of await jobs.activeJobIds()) {
      if (!runner.isRunning(id)) {
        runner
          .run(id)
          .catch((error: unknown) =>
            logger.error(
              { jobId: id, err: error instanceof Error ? error.message : String(error) },
              "broadcast run failed; retried at the next look",
            ),
          );
      }
    }
  };
  const timer = setInterval(() => {
    poll().catch((error: unknown) =>
      logger.warn(
        { err: error instanceof Error ? error.message : String(error) },
        "looking for unfinished broadcasts failed",
      ),
    );
  }, options.everyMs);
  timer.unref();
  return { poll, stop: () => clearInterval(timer) };
}
