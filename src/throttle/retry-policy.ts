import { type HeaderSource, headerValue, parseRetryAfter } from "./retry-after";

/** Statuses worth another try. Graph: 429, 503, 504. Teams adds 412 and 502 (DOMAIN.md). */
export const GRAPH_RETRY_STATUSES: readonly number[] = [429, 503, 504];
export const TEAMS_RETRY_STATUSES: readonly number[] = [412, 429, 502, 503, 504];

export interface RetryOptions {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  retryStatuses: readonly number[];
  /** First backoff ceiling; it doubles per attempt up to maxDelayMs (full jitter picks below it). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the call fails as throttled instead. */
  maxRetryAfterMs: number;
  /** [0, 1), injectable for tests. */
  random: () => number;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = {
  maxAttempts: 5,
  retryStatuses: GRAPH_RETRY_STATUSES,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
  random: Math.random,
};

/** What happened on one attempt: an HTTP answer, or no answer at all. */
export type AttemptOutcome = { status: number; headers?: HeaderSource } | { failure: "timeout" | "network" };

export type RetryDecision =
  | { retry: true; delayMs: number; fromRetryAfter: boolean }
  | { retry: false; why: "success" | "final" | "exhausted" | "retryAfterTooLong" | "notIdempotent" };

/**
 * The one retry policy. `attempt` is 1-based (the attempt that just finished). A request that got no
 * answer is retried only when repeating it is safe (`idempotent`); a 429/503 means the server did not act,
 * so those are retried for any method.
 */
export function decideRetry(
  outcome: AttemptOutcome,
  context: { attempt: number; idempotent: boolean; now: number },
  options: RetryOptions = DEFAULT_RETRY_OPTIONS,
): RetryDecision {
  if ("status" in outcome) {
    if (outcome.status < 400) {
      return { retry: false, why: "success" };
    }
    if (!options.retryStatuses.includes(outcome.status)) {
      return { retry: false, why: "final" };
    }
    if (outcome.status === 504 && !context.idempotent) {
      return { retry: false, why: "notIdempotent" };
    }
  } else if (!context.idempotent) {
    return { retry: false, why: "notIdempotent" };
  }
  if (context.attempt >= options.maxAttempts) {
    return { retry: false, why: "exhausted" };
  }
  const retryAfter =
    "status" in outcome
      ? parseRetryAfter(headerValue(outcome.headers, "retry-after"), context.now)
      : undefined;
  if (retryAfter !== undefined) {
    if (retryAfter > options.maxRetryAfterMs) {
      return { retry: false, why: "retryAfterTooLong" };
    }
    return { retry: true, delayMs: retryAfter, fromRetryAfter: true };
  }
  return { retry: true, delayMs: backoffDelay(context.attempt, options), fromRetryAfter: false };
}

/** Exponential backoff with full jitter: uniform in [0, min(max, base * 2^(attempt-1))). */
export function backoffDelay(
  attempt: number,
  options: Pick<RetryOptions, "baseDelayMs" | "maxDelayMs" | "random">,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(options.random() * ceiling);
}
