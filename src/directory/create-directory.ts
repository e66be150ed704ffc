import { Client, type Middleware } from "@microsoft/microsoft-graph-client";

import type { Config } from "../config";
import { PORTAL_SETTINGS_PERMISSION } from "../domain/permissions";
import type { Logger } from "../logger";
import {
  type Clock,
  DEFAULT_RETRY_OPTIONS,
  GRAPH_LIMIT_FAMILIES,
  LimiterRegistry,
  type LimitFamily,
  type RetryOptions,
  systemClock,
} from "../throttle";
import { createCredential, scopeFor, type TokenProvider, tokenProviderFor } from "./credentials";
import { FailureLedger } from "./failure-ledger";
import { GraphDirectory } from "./graph-directory";
import { GraphHttp } from "./graph-http";
import { HttpsTransport } from "./https-transport";
import { rolesOf } from "./permission-check";
import { ThrottleMiddleware } from "./throttle-middleware";
import { TokenMiddleware } from "./token-middleware";

export interface CreateDirectoryOptions {
  /** Extra CA to trust: the Graph simulator's. */
  caCertPem?: string;
  /** Overrides config.directory.graphBaseUrl / armBaseUrl (demo mode: the simulator's baseUrl). */
  graphBaseUrl?: string;
  armBaseUrl?: string;
  clock?: Clock;
  retry?: Partial<RetryOptions>;
  limitFamilies?: readonly LimitFamily[];
  /** Limits K times faster, matching a simulator started with throttleScale K. */
  throttleScale?: number;
  /** Tokens from somewhere other than config.directory.credential (tests). */
  tokens?: { graph: TokenProvider; arm: TokenProvider };
  /** The last link of the chain instead of HTTPS (tests: an in-process Graph under fake timers). */
  transport?: Middleware & { destroy?(): void };
}

/** The Directory as a running product uses it, plus what the service host needs around it. */
export type ConfiguredDirectory = GraphDirectory & {
  /**
   * Frees the sockets and cancels every wait in progress (limiter slots, Retry-After, backoff): those
   * requests reject at once with an unavailable DirectoryError (code directoryClosed), as do later ones.
   */
  close(): void;
  /** The application permissions in the Graph token's roles claim; undefined when it has none. */
  grantedRoles(): Promise<string[] | undefined>;
};

/**
 * The composition of the Graph adapter: credential -> token per resource -> SDK client with our chain
 * (token -> throttle/retry/timeout -> HTTPS with the trusted CA) -> GraphDirectory.
 */
const GRAPH_HEADERS = { Prefer: "include-unknown-enum-members" } as const;

export function createDirectory(
  config: Config,
  logger: Logger,
  options: CreateDirectoryOptions = {},
): ConfiguredDirectory {
  const graphBaseUrl = (options.graphBaseUrl ?? config.directory.graphBaseUrl).replace(/\/+$/, "");
  // A simulator named by override serves ARM at its root, beside Graph.
  const armBaseUrl = (options.armBaseUrl ?? options.graphBaseUrl ?? config.directory.armBaseUrl).replace(
    /\/+$/,
    "",
  );
  const clock = options.clock ?? systemClock;
  const retry: RetryOptions = { ...DEFAULT_RETRY_OPTIONS, ...options.retry };
  const tenant = config.directory.tenantId ?? "demo";
  const limiters = new LimiterRegistry({
    families: options.limitFamilies ?? GRAPH_LIMIT_FAMILIES,
    clock,
    scale: options.throttleScale,
  });
  const credential = options.tokens === undefined ? createCredential(config.directory) : undefined;
  const tokens = options.tokens ?? {
    graph: tokenProviderFor(credential, scopeFor(graphBaseUrl)),
    arm: tokenProviderFor(credential, scopeFor(armBaseUrl)),
  };
  const transport = options.transport ?? new HttpsTransport({ caCertPem: options.caCertPem });
  const log = logger.child({ component: "graph" });
  const closing = new AbortController();

  const httpFor = (
    baseUrl: string,
    token: TokenProvider,
    wellKnownGraphHosts: boolean,
    permission?: string,
    defaultHeaders: Readonly<Record<string, string>> = {},
  ) => {
    const ledger = new FailureLedger();
    const host = new URL(baseUrl).hostname;
    const chain: Middleware[] = [
      new TokenMiddleware(token, ledger, [host], { wellKnownGraphHosts }),
      new ThrottleMiddleware({
        limiters,
        tenant,
        retry,
        clock,
        timeoutMs: config.directory.timeoutMs,
        logger: log,
        ledger,
        signal: closing.signal,
      }),
      transport,
    ];
    const client = Client.initWithMiddleware({
      middleware: chain,
      baseUrl,
      defaultVersion: "v1.0",
      customHosts: new Set([host]),
    });
    return new GraphHttp(client, ledger, baseUrl, permission, defaultHeaders);
  };

  const directory = new GraphDirectory({
    // Graph adds enum members over time (passKeySynced, externalAuthMethod…): ask for them as themselves,
    // not as unknownFutureValue, so a new method type is reported as itself (DOMAIN.md "Newer values").
    graph: httpFor(graphBaseUrl, tokens.graph, true, undefined, GRAPH_HEADERS),
    arm: httpFor(armBaseUrl, tokens.arm, false, PORTAL_SETTINGS_PERMISSION),
    graphBaseUrl,
    armBaseUrl,
    limiters,
    tenant,
    retry,
    clock,
    signal: closing.signal,
  });
  return Object.assign(directory, {
    close: () => {
      closing.abort();
      transport.destroy?.();
    },
    grantedRoles: async () => rolesOf(await tokens.graph.getAccessToken()),
  });
}
