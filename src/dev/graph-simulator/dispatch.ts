import type { Logger } from "../../logger";
import { errorResponse, SimulatorHttpError } from "./errors";
import type { FaultInjector } from "./faults";
import { matchRoute } from "./routes";
import type { TenantState } from "./tenant-state";
import type { Throttle } from "./throttle";
import type { SimRequest, SimResponse } from "./types";

export interface SimulatorStats {
  /** Graph and ARM requests answered, each request inside a $batch counted on its own. */
  requests: number;
  /** $batch envelopes received. */
  batches: number;
  /** 429s the throttle gave (injected faults are not counted here). */
  throttled: number;
  /** Answers replaced or delayed by an injected fault. */
  faults: number;
  /** Requests per route, e.g. "GET /users"; "unmatched" for unknown paths. */
  byPath: Record<string, number>;
}

export interface DispatchDeps {
  state: TenantState;
  throttle?: Throttle;
  faults: FaultInjector;
  stats: SimulatorStats;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  logger?: Logger;
}

const notFoundPath = (path: string) =>
  path.startsWith("/providers/")
    ? new SimulatorHttpError(
        404,
        "InvalidResourceType",
        `The resource type could not be found for '${path}'.`,
        {},
        "arm",
      )
    : new SimulatorHttpError(
        404,
        "ResourceNotFound",
        `Resource not found for the segment '${path.split("/").pop() ?? path}'.`,
      );

/** One Graph or ARM request through faults, routing, throttling and its handler. */
export async function dispatch(deps: DispatchDeps, request: SimRequest): Promise<SimResponse> {
  const { stats } = deps;
  stats.requests += 1;
  const { route, params, methodNotAllowed } = matchRoute(request.method, request.path);
  const label = route?.name ?? "unmatched";
  stats.byPath[label] = (stats.byPath[label] ?? 0) + 1;
  try {
    const fault = deps.faults.take(request.method, request.path);
    if (fault !== undefined) {
      stats.faults += 1;
      if (fault.hangMs !== undefined) {
        await deps.sleep(fault.hangMs);
      }
      if (fault.status !== undefined) {
        const retryAfter = fault.retryAfterSeconds ?? (fault.status === 429 ? 1 : undefined);
        const headers: Record<string, string> =
          retryAfter === undefined ? {} : { "retry-after": String(retryAfter) };
        throw new SimulatorHttpError(
          fault.status,
          fault.status === 429 ? "TooManyRequests" : "ServiceUnavailable",
          "Injected fault.",
          headers,
        );
      }
    }
    if (route === undefined) {
      throw methodNotAllowed
        ? new SimulatorHttpError(
            405,
            "Request_BadRequest",
            `The HTTP method '${request.method}' is not allowed for this resource.`,
          )
        : notFoundPath(request.path);
    }
    const family = typeof route.family === "function" ? route.family(request) : route.family;
    const decision = deps.throttle?.take(family);
    if (decision !== undefined && !decision.allowed) {
      stats.throttled += 1;
      throw new SimulatorHttpError(
        429,
        "TooManyRequests",
        "Too many requests. Retry after the time in the Retry-After header.",
        {
          "retry-after": String(decision.retryAfterSeconds),
        },
      );
    }
    return await route.handler({ request, params, state: deps.state, now: deps.now() });
  } catch (error) {
    if (error instanceof SimulatorHttpError) {
      return errorResponse(error, new Date(deps.now()), request.headers["client-request-id"]);
    }
    deps.logger?.error({ err: error, path: request.path }, "graph simulator handler failed");
    return errorResponse(
      new SimulatorHttpError(500, "InternalServerError", "The simulator failed on this request."),
      new Date(deps.now()),
    );
  }
}
