import { loadEnvFiles, readConfig } from "../config";
import type * as CreateDirectoryModule from "../directory/create-directory";
import { readDirectorySnapshot } from "../directory/directory-snapshot";
import { loadSnapshot } from "../directory/snapshot";
import { snapshotFacts } from "../directory/snapshot-facts";
import type { TenantInput } from "../domain/assess-tenant";
import { createLogger } from "../logger";
import type { CommandIo } from "./command";

/** Loaded only for a live assessment, so `assess --snapshot` does not load the Graph SDK. */
function loadCreateDirectory(): typeof CreateDirectoryModule.createDirectory {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy load, as cli.ts does for commands
  return (require("../directory/create-directory") as typeof CreateDirectoryModule).createDirectory;
}

export interface LiveTenant {
  input: TenantInput;
  source: string;
  lookbackDays: number;
}

/**
 * The configured tenant. Demo mode (no TENANT_ID, no GRAPH_BASE_URL) assesses the demo snapshot offline,
 * which is what the in-process simulator would serve; otherwise Graph is read through the Directory port
 * and the window ends now. Settings from the environment override the snapshot's.
 */
export async function readLiveTenant(io: CommandIo): Promise<LiveTenant> {
  const config = readConfig(loadEnvFiles(io.env));
  const { lookbackDays, breakGlassAccounts, serviceAccounts } = config.assessment;
  if (config.directory.mode === "demo") {
    const snapshot = loadSnapshot(config.directory.snapshotPath);
    const settings = {
      breakGlassAccounts: breakGlassAccounts ?? snapshot.settings.breakGlassAccounts,
      serviceAccounts: serviceAccounts ?? snapshot.settings.serviceAccounts,
    };
    return {
      input: snapshotFacts(snapshot, { settings }),
      source: config.directory.snapshotPath,
      lookbackDays,
    };
  }
  // Logs go to stderr: stdout carries the report.
  const logger = createLogger({ level: config.logLevel, destination: io.stderr });
  const directory = loadCreateDirectory()(config, logger);
  try {
    const end = new Date();
    const { snapshot, gaps } = await readDirectorySnapshot(directory, {
      tenantId: config.directory.tenantId ?? "demo",
      window: { start: new Date(end.getTime() - lookbackDays * 86_400_000), end },
      settings: { breakGlassAccounts: breakGlassAccounts ?? [], serviceAccounts: serviceAccounts ?? [] },
    });
    return { input: snapshotFacts(snapshot, { gaps }), source: `tenant ${snapshot.tenant.id}`, lookbackDays };
  } finally {
    directory.close();
  }
}
