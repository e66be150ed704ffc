import type { Config } from "./config";
import type * as GraphSimulatorModule from "./dev/graph-simulator";
import type * as SimulatorDemoTenantModule from "./dev/simulator-demo-tenant";
import { type ConfiguredDirectory, createDirectory } from "./directory/create-directory";
import type { Directory } from "./directory/directory";
import { PermissionProbe } from "./directory/permission-probe";
import { loadSnapshot } from "./directory/snapshot";
import type { DemoTenant } from "./features/registration/demo-tenant";
import type { StatusSource } from "./features/status/create-status-service";
import type { Logger } from "./logger";
import type { DirectoryHealth } from "./server/health";

/** The tenant directory as the service host sees it: a health probe, and what to close on shutdown. */
export interface DirectoryHandle {
  health(): Promise<DirectoryHealth>;
  close(): Promise<void>;
  /** What status checks read. */
  status: StatusSource;
  /** The whole port, for the features that act on the tenant (approvals, passes, installs, scans). */
  directory: Directory;
  /** Only in demo mode, where the directory is the Graph simulator: what a person may change there. */
  demo?: DemoTenant;
}

/**
 * checkHealth's answer as /healthz shows it, with the permission check: the probe's cached answer in
 * graph mode (read at start, at most every 10 minutes, never waited for long), "simulator" in demo mode.
 */
export function directoryHealth(
  directory: Pick<ConfiguredDirectory, "checkHealth">,
  permissions: PermissionProbe | "simulator",
): () => Promise<DirectoryHealth> {
  return async () => {
    const [{ reachable, detail }, granted] = await Promise.all([
      directory.checkHealth(),
      permissions === "simulator" ? permissions : permissions.current(),
    ]);
    return {
      reachable,
      ...(granted === undefined ? {} : { permissions: granted }),
      ...(detail === undefined ? {} : { problem: detail }),
    };
  };
}

/**
 * The tenant's directory: real Microsoft Graph with TENANT_ID (or GRAPH_BASE_URL); otherwise the demo
 * tenant (GRAPH_SNAPSHOT, default the committed one) served by the in-process Graph simulator.
 */
export async function openDirectory(config: Config, logger: Logger): Promise<DirectoryHandle> {
  if (config.directory.mode === "graph") {
    const directory = createDirectory(config, logger);
    const permissions = new PermissionProbe({
      readRoles: () => directory.grantedRoles(),
      logger: logger.child({ component: "permissions" }),
    });
    permissions.start();
    return {
      directory,
      health: directoryHealth(directory, permissions),
      close: async () => directory.close(),
      status: { directory, tenantId: config.directory.tenantId },
    };
  }
  // Loaded only in demo mode: a bot reading real Graph carries no simulator (nor its certificate tooling).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy load; import() of .ts needs an extension under nodenext
  const { startGraphSimulator } = require("./dev/graph-simulator") as typeof GraphSimulatorModule;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- demo only, like the simulator
  const { simulatorDemoTenant } = require("./dev/simulator-demo-tenant") as typeof SimulatorDemoTenantModule;
  const snapshot = loadSnapshot(config.directory.snapshotPath);
  const simulatorLogger = logger.child({ component: "graph-simulator" });
  const start = (port: number) => startGraphSimulator({ snapshot, port, logger: simulatorLogger });
  // A known port, so the README's setup calls work as written; a second demo bot on this machine (tests,
  // two checkouts) takes a free one instead of failing, and says so.
  const simulator = await start(config.directory.simulatorPort).catch(async (error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") {
      throw error;
    }
    simulatorLogger.warn(
      { wantedPort: config.directory.simulatorPort },
      "simulator port in use: listening on a free one instead (see the next line)",
    );
    return start(0);
  });
  const directory = createDirectory(config, logger, {
    caCertPem: simulator.caCertPem,
    graphBaseUrl: simulator.baseUrl,
  });
  return {
    directory,
    health: directoryHealth(directory, "simulator"),
    demo: simulatorDemoTenant(simulator),
    close: async () => {
      directory.close();
      await simulator.close();
    },
    // The demo's sign-ins end at the snapshot's capture time; its settings fill what the config leaves unset.
    status: {
      directory,
      tenantId: simulator.tenantId,
      snapshot: { capturedAt: snapshot.capturedAt, settings: snapshot.settings },
    },
  };
}
