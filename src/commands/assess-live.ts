import { existsSync } from "node:fs";
import path from "node:path";
import { loadEnvFiles, readConfig } from "../config";
import type { Config } from "../config";
import type { Directory } from "../directory/directory";
import { readDirectorySnapshot } from "../directory/directory-snapshot";
import { snapshotFacts } from "../directory/snapshot-facts";
import type { TenantInput } from "../domain/assess-tenant";
import type { Logger } from "../logger";
import { createLogger } from "../logger";
import type { CommandIo } from "./command";
import { UsageError } from "./command";

type CreateDirectory = (config: Config, logger: Logger) => Directory | Promise<Directory>;

/** The Graph directory is another module's work; it is loaded only for a live assessment. */
function loadCreateDirectory(): CreateDirectory {
  const file = path.join(__dirname, "..", "directory", "create-directory");
  if (![".ts", ".js"].some((extension) => existsSync(file + extension))) {
    throw new UsageError("live tenant assessment needs the Graph directory (src/directory/create-directory.ts)");
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional module, loaded on demand
  return (require(file) as { createDirectory: CreateDirectory }).createDirectory;
}

/** Reads the configured tenant through the Directory port; the window ends now. */
export async function readLiveTenant(io: CommandIo): Promise<{ input: TenantInput; source: string; lookbackDays: number }> {
  const createDirectory = loadCreateDirectory();
  const config = readConfig(loadEnvFiles(io.env));
  // Logs go to stderr: stdout carries the report.
  const logger = createLogger({ level: config.logLevel, destination: io.stderr });
  const directory = await createDirectory(config, logger);
  const end = new Date();
  const { lookbackDays, breakGlassAccounts, serviceAccounts } = config.assessment;
  const settings = { breakGlassAccounts: breakGlassAccounts ?? [], serviceAccounts: serviceAccounts ?? [] };
  const { snapshot, gaps } = await readDirectorySnapshot(directory, {
    tenantId: config.directory.tenantId ?? "demo",
    window: { start: new Date(end.getTime() - lookbackDays * 86_400_000), end },
    settings,
  });
  return { input: snapshotFacts(snapshot, { gaps }), source: `tenant ${snapshot.tenant.id}`, lookbackDays };
}
