import { readConfig } from "../../src/config";
import type { GraphSimulator } from "../../src/dev/graph-simulator";
import type { ConfiguredDirectory } from "../../src/directory/create-directory";
import { createDirectory } from "../../src/directory/create-directory";
import type { TenantSnapshot } from "../../src/directory/graph-types";
import { createLogger } from "../../src/logger";
import type { DirectoryHandle } from "../../src/open-directory";

/**
 * The service's directory over a running Graph simulator, through the real Graph adapter: every feature
 * gets it (none is optional); a test that needs Graph to fail injects the fault through the simulator.
 */
export function simulatorDirectory(
  simulator: GraphSimulator,
  snapshot: TenantSnapshot,
  options: { throttleScale?: number; health?: DirectoryHandle["health"] } = {},
): { handle: DirectoryHandle; directory: ConfiguredDirectory } {
  const directory = createDirectory(readConfig({ PORT: "0" }), createLogger({ level: "silent" }), {
    caCertPem: simulator.caCertPem,
    graphBaseUrl: simulator.baseUrl,
    throttleScale: options.throttleScale ?? 1000,
  });
  return {
    directory,
    handle: {
      health: options.health ?? (async () => ({ reachable: true, permissions: "test" })),
      close: async () => directory.close(),
      directory,
      status: {
        directory,
        tenantId: simulator.tenantId,
        snapshot: { capturedAt: snapshot.capturedAt, settings: snapshot.settings },
      },
    },
  };
}
