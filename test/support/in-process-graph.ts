import type { Context, Middleware } from "@microsoft/microsoft-graph-client";

import { handleBatch } from "../../src/dev/graph-simulator/batch";
import { dispatch, type SimulatorStats } from "../../src/dev/graph-simulator/dispatch";
import { FaultInjector } from "../../src/dev/graph-simulator/faults";
import { decodePathMarks } from "../../src/dev/graph-simulator/odata";
import { TenantState } from "../../src/dev/graph-simulator/tenant-state";
import { Throttle } from "../../src/dev/graph-simulator/throttle";
import type { SimRequest } from "../../src/dev/graph-simulator/types";
import type { TenantSnapshot } from "../../src/directory/graph-types";

export const IN_PROCESS_GRAPH_URL = "https://graph.in-process.test";

/** Graph's identity and access reports family (5 requests / 10 s per app per tenant). */
const REPORTS = /^\/+(auditLogs|reports)\//i;

/**
 * The Graph simulator's own handlers (routes, $batch, throttling with Graph's real limits) as the last
 * link of the Graph client's chain, with no socket: every answer is a promise, so sinon fake timers
 * (setTimeout, clearTimeout, Date) drive a whole status check in virtual time.
 */
export class InProcessGraph implements Middleware {
  readonly stats: SimulatorStats = { requests: 0, batches: 0, throttled: 0, faults: 0, byPath: {} };
  readonly faults = new FaultInjector();
  /** Virtual time of every request that reached a reports-family route, inner $batch requests included. */
  readonly reportsAt: number[] = [];
  private readonly state: TenantState;
  private readonly throttle: Throttle | undefined;

  constructor(snapshot: TenantSnapshot, options: { throttle?: boolean } = {}) {
    this.state = new TenantState(snapshot, 0);
    // Date.now at call time, so a fake clock moves the simulator's 10 s windows too.
    this.throttle = options.throttle ? new Throttle(1, () => Date.now()) : undefined;
  }

  async execute(context: Context): Promise<void> {
    const url = new URL(typeof context.request === "string" ? context.request : context.request.url);
    const options = context.options ?? {};
    if (options.signal?.aborted) {
      throw options.signal.reason;
    }
    const headers: Record<string, string> = {};
    new Headers(options.headers ?? {}).forEach((value, name) => {
      headers[name] = value;
    });
    const body = typeof options.body === "string" ? (JSON.parse(options.body) as unknown) : undefined;
    const request: SimRequest = {
      method: (options.method ?? "GET").toUpperCase(),
      path: decodePathMarks(url.pathname),
      query: url.searchParams,
      headers,
      body,
      origin: url.origin,
    };
    const deps = {
      state: this.state,
      throttle: this.throttle,
      faults: this.faults,
      stats: this.stats,
      now: () => Date.now(),
      sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    };
    const batch = request.path === "/v1.0/$batch" || request.path === "/beta/$batch";
    const paths = batch
      ? ((body as { requests?: Array<{ url?: string }> } | undefined)?.requests ?? []).map(
          (step) => `/${step.url ?? ""}`,
        )
      : [request.path.replace(/^\/(v1\.0|beta)/, "")];
    const reports = paths.filter((candidate) => REPORTS.test(candidate)).length;
    this.reportsAt.push(...Array.from({ length: reports }, () => Date.now()));
    const answer = batch ? await handleBatch(deps, request) : await dispatch(deps, request);
    const responseHeaders = new Headers(answer.headers ?? {});
    if (answer.body !== undefined && !responseHeaders.has("content-type")) {
      responseHeaders.set(
        "content-type",
        typeof answer.body === "string" ? "text/plain" : "application/json",
      );
    }
    context.response = new Response(
      answer.body === undefined
        ? null
        : typeof answer.body === "string"
          ? answer.body
          : JSON.stringify(answer.body),
      { status: answer.status, headers: responseHeaders },
    );
  }
}
