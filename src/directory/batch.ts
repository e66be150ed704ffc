import type { Clock, LimiterRegistry, RetryOptions, Slot } from "../throttle";
import { decideRetry } from "../throttle";
import { unlessClosed } from "./closed";
import type { GraphHttp } from "./graph-http";
import { graphPath } from "./request-path";

/** One request inside a $batch; `url` is relative to the version ("/users/x"), as Graph expects. */
export interface BatchStep {
  id: string;
  method: "GET";
  url: string;
  headers?: Record<string, string>;
}

/** One inner answer; headers as Graph sends them inside a batch (a plain object). */
export interface BatchAnswer {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface BatchOptions {
  limiters: LimiterRegistry;
  tenant: string;
  retry: RetryOptions;
  clock: Clock;
  /** Aborted by the directory's close(): every wait here ends at once. */
  signal?: AbortSignal;
}

/** Graph's documented ceiling on requests per $batch. */
export const MAX_BATCH_STEPS = 20;

/**
 * Sends the steps in one POST /$batch. Graph throttles each inner request on its own, so each takes a
 * slot from its own family's limiter first, and an inner 429/503/504 is retried alone (in a smaller batch)
 * after its Retry-After, as the shared policy bounds it. Every other inner answer is final and returned.
 */
export async function sendBatch(
  http: GraphHttp,
  steps: readonly BatchStep[],
  options: BatchOptions,
): Promise<Map<string, BatchAnswer>> {
  if (steps.length > MAX_BATCH_STEPS) {
    throw new RangeError(`a $batch holds at most ${MAX_BATCH_STEPS} requests (got ${steps.length})`);
  }
  const { limiters, tenant, retry, clock, signal } = options;
  const answers = new Map<string, BatchAnswer>();
  let pending = [...steps];
  for (let attempt = 1; pending.length > 0; attempt += 1) {
    const slots: Slot[] = [];
    for (const step of pending) {
      const entry = limiters.limiterFor(graphPath(new URL(step.url, "https://graph.invalid/v1.0/")), tenant);
      if (entry !== undefined) {
        slots.push(
          await unlessClosed(signal, () => entry.limiter.acquire(signal), "A $batch waiting for its limit"),
        );
      }
    }
    // The envelope's headers do not reach the inner requests: each carries the client's defaults itself.
    const requests = pending.map((step) => ({
      ...step,
      headers: { ...http.defaultHeaders, ...step.headers },
    }));
    const body = await http
      .json<{ responses: BatchAnswer[] }>("POST", "/$batch", { requests })
      .finally(() => slots.forEach((slot) => slot.settle(clock.now())));
    const retryLater: BatchStep[] = [];
    let delayMs = 0;
    for (const answer of body.responses) {
      const step = pending.find((candidate) => candidate.id === answer.id);
      if (step === undefined) {
        continue;
      }
      const decision = decideRetry(
        { status: answer.status, headers: answer.headers },
        { attempt, idempotent: true, now: clock.now() },
        retry,
      );
      if (decision.retry) {
        retryLater.push(step);
        delayMs = Math.max(delayMs, decision.delayMs);
        if (decision.fromRetryAfter) {
          limiters
            .limiterFor(graphPath(new URL(step.url, "https://graph.invalid/v1.0/")), tenant)
            ?.limiter.pauseUntil(clock.now() + decision.delayMs);
        }
      } else {
        answers.set(answer.id, answer);
      }
    }
    pending = retryLater;
    if (pending.length > 0) {
      await unlessClosed(signal, () => clock.sleep(delayMs, signal), "A $batch waiting to retry");
    }
  }
  return answers;
}
