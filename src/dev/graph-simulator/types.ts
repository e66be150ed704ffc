import type { TenantState } from "./tenant-state";

/** One Graph (or ARM) request as the simulator sees it: from HTTPS or from inside a $batch. */
export interface SimRequest {
  method: string;
  /** The path without the query, e.g. /v1.0/users/abc. */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: unknown;
  /** scheme://host:port the client used, for @odata.context and @odata.nextLink. */
  origin: string;
}

/** A response before it is written; a string body is sent as text/plain. */
export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface HandlerContext {
  request: SimRequest;
  params: Record<string, string>;
  state: TenantState;
  /** Milliseconds since the epoch, from the simulator's clock. */
  now: number;
}

export type Handler = (context: HandlerContext) => SimResponse | Promise<SimResponse>;

/** Which throttling bucket a route draws from (shared/DOMAIN.md, Graph's throttling limits). */
export type ThrottleFamily = "reports" | "global" | "signInActivity";

export interface Route {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Matched against the whole path; named groups become params (URL-decoded). */
  pattern: RegExp;
  /** A stable label for stats, e.g. "GET /users/{id}". */
  name: string;
  /** A function when the bucket depends on the request (a user read that selects signInActivity). */
  family: ThrottleFamily | ((request: SimRequest) => ThrottleFamily);
  handler: Handler;
}
