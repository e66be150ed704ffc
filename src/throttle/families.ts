import type { LimitRule } from "./limit-rule";

/** A group of endpoints that share one published limit, matched on the path (after the API version). */
export interface LimitFamily {
  name: string;
  /** Path patterns; the first family that matches wins, so the catch-all comes last. */
  paths: readonly RegExp[];
  /** Only these HTTP methods (upper case); any method when absent. */
  methods?: readonly string[];
  rules: readonly LimitRule[];
}

/**
 * Microsoft Graph, from learn.microsoft.com/graph/throttling-limits: identity and access reports
 * (/reports/*, /auditLogs/*) allow 5 requests per 10 s per app per tenant. Everything else is far more
 * generous; 100 per second per tenant keeps us well inside the global limits.
 */
export const GRAPH_LIMIT_FAMILIES: readonly LimitFamily[] = [
  // Microsoft Teams service limits in Graph: installing an app for a user (POST/PUT installedApps) 30
  // requests per second per app per tenant, reading them 60 (DOMAIN.md "Teams: what a bot may send").
  // The same rate over a tenth of a second too: requests spread evenly, so a little arrival jitter does
  // not put a burst from the start of one second into the sliding second Graph counts. That spread is
  // ours, not a limit Graph counts, so it allows no delay on the way (marginMs 0).
  {
    name: "teamsAppInstall",
    paths: [/^\/users\/[^/]+\/teamwork\/installedApps(\/[^/?]+)?(\?.*)?$/i],
    methods: ["POST", "PUT"],
    rules: [
      { kind: "window", limit: 30, windowMs: 1_000 },
      { kind: "window", limit: 3, windowMs: 100, marginMs: 0 },
    ],
  },
  {
    name: "teamsAppRead",
    paths: [/^\/users\/[^/]+\/teamwork\/installedApps([/?].*)?$/i],
    methods: ["GET"],
    rules: [
      { kind: "window", limit: 60, windowMs: 1_000 },
      { kind: "window", limit: 6, windowMs: 100, marginMs: 0 },
    ],
  },
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
