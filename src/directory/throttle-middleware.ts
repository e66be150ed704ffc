import type { Context, Middleware } from "@microsoft/microsoft-graph-client";

import type { Logger } from "../logger";
import {
  type AttemptOutcome,
  type Clock,
  decideRetry,
  type LimiterRegistry,
  type RetryOptions,
} from "../throttle";
import { abortError, eitherSignal, unlessClosed } from "./closed";
import { DirectoryError } from "./errors";
import type { FailureLedger } from "./failure-ledger";
import { requestIdOf } from "./failure-ledger";
import { graphPath, loggablePath } from "./request-path";

export interface ThrottleMiddlewareOptions {
  limiters: LimiterRegistry;
  /** Key of the per-tenant limits. */
  tenant: string;
  retry: RetryOptions;
  clock: Clock;
  timeoutMs: number;
  logger: Logger;
  ledger: FailureLedger;
  /** Aborted by the directory's close(): waits end and the attempt in flight is cancelled. */
  signal?: AbortSignal;
}

class AttemptTimeout extends Error {}

const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

/**
 * Between the token and the wire: waits for the endpoint family's limiter, bounds each attempt with a
 * timeout, retries what the shared policy says (honouring Retry-After, which also pauses the whole family)
 * and logs one line per attempt. A final HTTP answer goes back to the caller as is.
 */
export class ThrottleMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly options: ThrottleMiddlewareOptions) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const { clock, limiters, tenant, retry, logger, ledger } = this.options;
    const url = new URL(typeof context.request === "string" ? context.request : context.request.url);
    const fetchOptions = (context.options ??= {});
    // A caller's signal (GraphHttp.withSignal: a status check past its deadline) ends waits and attempts too.
    const signal = eitherSignal(this.options.signal, fetchOptions.signal);
    const method = (fetchOptions.method ?? "GET").toUpperCase();
    const path = loggablePath(url);
    const requestId = requestIdOf(fetchOptions.headers);
    // The query too: a user read that selects signInActivity has its own, far smaller limit; the method
    // too: installing a Teams app (POST) and reading installations (GET) have their own.
    const entry = limiters.limiterFor(`${graphPath(url)}${decodeURIComponent(url.search)}`, tenant, method);
    /** A wait that close() may end: the SDK drops our error's type, so it goes through the ledger. */
    const wait = async <T>(work: () => Promise<T>): Promise<T> => {
      try {
        return await unlessClosed(signal, work, `${method} ${path}`);
      } catch (error) {
        throw error instanceof DirectoryError ? ledger.record(requestId, error) : error;
      }
    };
    for (let attempt = 1; ; attempt += 1) {
      const slot = entry === undefined ? undefined : await wait(() => entry.limiter.acquire(signal));
      const waitedMs = slot?.waitedMs ?? 0;
      const started = clock.now();
      const outcome = await this.attempt(context, signal);
      // Graph counted the request when it arrived, before this answer: the window may count it from now.
      slot?.settle(clock.now());
      if (signal?.aborted && "failure" in outcome) {
        throw ledger.record(requestId, abortError(signal, `${method} ${path}`));
      }
      const ms = clock.now() - started;
      const status = "status" in outcome ? outcome.status : undefined;
      const decision = decideRetry(
        outcome,
        { attempt, idempotent: IDEMPOTENT.has(method), now: clock.now() },
        retry,
      );
      logger.debug(
        {
          method,
          path,
          status,
          failure: "failure" in outcome ? outcome.failure : undefined,
          ms,
          waitedMs,
          attempt,
          family: entry?.family,
        },
        "graph request",
      );
      if (decision.retry) {
        if (decision.fromRetryAfter) {
          entry?.limiter.pauseUntil(clock.now() + decision.delayMs);
        }
        logger.info(
          { method, path, status, attempt, delayMs: decision.delayMs, family: entry?.family },
          "graph retry",
        );
        await wait(() => clock.sleep(decision.delayMs, signal));
        continue;
      }
      if ("failure" in outcome) {
        const reason = outcome.failure === "timeout" ? "timeout" : "unavailable";
        const said =
          outcome.failure === "timeout"
            ? `${method} ${path} got no answer within ${this.options.timeoutMs} ms (attempt ${attempt}).`
            : `${method} ${path} failed without an answer (attempt ${attempt}).`;
        throw ledger.record(requestId, new DirectoryError(reason, said, { path }));
      }
      return;
    }
  }

  /** One try under the per-attempt timeout; never throws. */
  private async attempt(context: Context, closed: AbortSignal | undefined): Promise<AttemptOutcome> {
    const controller = new AbortController();
    const timer = new AbortController();
    this.options.clock.sleep(this.options.timeoutMs, timer.signal).then(
      () => controller.abort(new AttemptTimeout("timeout")),
      () => "cancelled: the attempt finished first",
    );
    const onClose = () => controller.abort(new Error("directory closed"));
    if (closed?.aborted) {
      onClose();
    }
    closed?.addEventListener("abort", onClose, { once: true });
    context.options!.signal = controller.signal;
    try {
      await this.next!.execute(context);
      const response = context.response!;
      return { status: response.status, headers: response.headers };
    } catch (error) {
      return {
        failure: controller.signal.aborted || error instanceof AttemptTimeout ? "timeout" : "network",
      };
    } finally {
      timer.abort();
      closed?.removeEventListener("abort", onClose);
    }
  }
}
