import { createServer } from "node:https";
import type { AddressInfo } from "node:net";

import type { TenantSnapshot } from "../../directory/graph-types";
import type { Logger } from "../../logger";
import { SimulatorAdmin } from "./admin";
import { createSimulatorCertificate } from "./certificate";
import type { SimulatorStats } from "./dispatch";
import { FaultInjector } from "./faults";
import { createRequestListener } from "./server";
import { TenantState } from "./tenant-state";
import { Throttle } from "./throttle";

export { AdminError, SimulatorAdmin } from "./admin";
export type { SimulatorStats } from "./dispatch";
export type { FaultRule } from "./faults";
export { BASE_LIMITS, WINDOW_MS } from "./throttle";

export interface GraphSimulatorOptions {
  snapshot: TenantSnapshot;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Enforce Graph's throttling limits with 429 + Retry-After. */
  throttle?: boolean;
  /** Multiplies every throttling limit (100: 500 report requests per 10 s). */
  throttleScale?: number;
  /** Delay added to every HTTP response. */
  latencyMs?: number;
  logger?: Logger;
  /** Shift sign-ins by (now − capturedAt), so a committed demo tenant looks as if captured today. */
  rebaseToNow?: boolean;
  /** The simulator's clock (throttle windows, created dates); tests pass their own. */
  now?: () => number;
}

export interface GraphSimulator {
  /** https://127.0.0.1:PORT; Graph paths live under /v1.0, ARM paths under /providers. */
  baseUrl: string;
  tenantId: string;
  caCertPem: string;
  caCertPath: string;
  stats: SimulatorStats;
  /** In-process setup and fault injection (the same as the /_simulator/ endpoints). */
  admin: SimulatorAdmin;
  close(): Promise<void>;
}

/** Serves a tenant snapshot over HTTPS with Microsoft Graph's URLs, shapes, paging and throttling. */
export async function startGraphSimulator(options: GraphSimulatorOptions): Promise<GraphSimulator> {
  const now = options.now ?? Date.now;
  const state = new TenantState(
    options.snapshot,
    options.rebaseToNow ? now() - Date.parse(options.snapshot.capturedAt) : 0,
  );
  const faults = new FaultInjector();
  const stats: SimulatorStats = { requests: 0, batches: 0, throttled: 0, faults: 0, byPath: {} };
  const admin = new SimulatorAdmin(state, faults, now);
  const timers = new Set<NodeJS.Timeout>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  const certificate = await createSimulatorCertificate();
  const listener = createRequestListener({
    state,
    faults,
    stats,
    now,
    sleep,
    admin,
    logger: options.logger,
    latencyMs: options.latencyMs ?? 0,
    throttle: options.throttle ? new Throttle(options.throttleScale ?? 1, now) : undefined,
  });
  const server = createServer({ key: certificate.serverKeyPem, cert: certificate.serverCertPem }, listener);
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  options.logger?.info(
    { port, tenantId: state.tenant.id, throttle: options.throttle ?? false },
    "graph simulator listening",
  );
  return {
    baseUrl: `https://${urlHost}:${port}`,
    tenantId: state.tenant.id,
    caCertPem: certificate.caCertPem,
    caCertPath: certificate.caCertPath,
    stats,
    admin,
    close: async () => {
      for (const timer of timers) {
        clearTimeout(timer);
      }
      timers.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await certificate.dispose();
    },
  };
}
