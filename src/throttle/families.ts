import type { LimitRule } from "./limit-rule";

/** A group of endpoints that share one published limit, matched on the path (after the API version). */
export interface LimitFamily {
  name: string;
  /** Path patterns; the first family that matches wins, so the catch-all comes last. */
  paths: readonly RegExp[];
  rules: readonly LimitRule[];
}

/**
 * Microsoft Graph, from learn.microsoft.com/graph/throttling-limits: identity and access reports
 * (/reports/*, /auditLogs/*) allow 5 requests per 10 s per app per tenant. Everything else is far more
 * generous; 100 per second per tenant keeps us well inside the global limits.
 */
export const GRAPH_LIMIT_FAMILIES: readonly LimitFamily[] = [
  {
    name: "reports",
    paths: [/^\/reports\//i, /^\/auditLogs\//i],
    rules: [{ kind: "window", limit: 5, windowMs: 10_000 }],
  },
  {
    // GET of signInActivity: 10 requests per minute (matched on the query, which names it in $select).
    name: "signInActivity",
    paths: [/^\/users(\/[^?]*)?\?.*signInActivity/i],
    rules: [{ kind: "window", limit: 10, windowMs: 60_000 }],
  },
  { name: "default", paths: [/^/], rules: [{ kind: "bucket", capacity: 100, refillPerSecond: 100 }] },
];
