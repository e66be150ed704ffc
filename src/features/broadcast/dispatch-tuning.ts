import { type RetryOptions, TEAMS_RETRY_STATUSES } from "../../throttle";

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
