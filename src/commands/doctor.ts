import { type Config, loadEnvFiles, readConfig } from "../config";
import { startGraphSimulator } from "../dev/graph-simulator";
import { createDirectory } from "../directory/create-directory";
import { createCredential, scopeFor, tokenProviderFor } from "../directory/credentials";
import { checkPermissions, type PermissionReport, rolesOf } from "../directory/permission-check";
import { loadSnapshot } from "../directory/snapshot";
import { createLogger } from "../logger";
import type { Command, CommandIo } from "./command";

const HELP = `usage: mfa-ready doctor

Checks the Graph setup the configuration describes: gets a token with the configured credential, compares
the application permissions in its roles claim with what each feature needs, and checks that Graph answers.
Exit code 0 when every required permission is granted and Graph is reachable, 1 otherwise, 2 on a
configuration error. In demo mode (no TENANT_ID) it checks the built-in Graph simulator.`;

function printPermissions(io: CommandIo, report: PermissionReport): void {
  for (const check of report.features) {
    const status = check.missing.length === 0 ? "OK     " : "MISSING";
    const detail = check.missing.length === 0 ? check.permissions.join(", ") : check.missing.join(", ");
    io.stdout.write(`  ${status} ${check.feature}: ${detail}${check.required ? "" : " (optional)"}\n`);
  }
}

/** Token + permissions + reachability against the Graph the config names (or a simulator in demo mode). */
async function diagnose(
  config: Config,
  io: CommandIo,
  target: { graphBaseUrl: string; caCertPem?: string },
): Promise<number> {
  const write = (line: string) => io.stdout.write(`${line}\n`);
  const demo = config.directory.mode === "demo";
  write(`Graph: ${target.graphBaseUrl}${demo ? " (demo: the built-in Graph simulator)" : ""}`);
  write(`Credential: ${config.directory.credential}`);

  let report: PermissionReport | undefined;
  try {
    const token = await tokenProviderFor(
      createCredential(config.directory),
      scopeFor(target.graphBaseUrl),
    ).getAccessToken();
    write("Token: acquired");
    const roles = rolesOf(token);
    if (roles === undefined) {
      write(
        demo
          ? "Permissions: the simulator's static token has no roles claim, so there is nothing to check here; a real tenant's token is checked feature by feature."
          : "Permissions: the token has no roles claim: grant the application permissions below and give admin consent.",
      );
    }
    if (roles !== undefined || !demo) {
      report = checkPermissions(roles);
      write("Permissions:");
      printPermissions(io, report);
    }
  } catch (error) {
    write(`Token: FAILED ${(error as Error).message}`);
    return 1;
  }

  const logger = createLogger({ level: "silent" });
  const directory = createDirectory(config, logger, {
    graphBaseUrl: target.graphBaseUrl,
    caCertPem: target.caCertPem,
  });
  try {
    const health = await directory.checkHealth();
    write(`Reachability: ${health.reachable ? "OK" : "FAILED"}${health.detail ? ` (${health.detail})` : ""}`);
    const permissionsOk = report === undefined ? demo : report.allRequiredPresent;
    return health.reachable && permissionsOk ? 0 : 1;
  } finally {
    directory.close();
  }
}

export const command: Command = {
  summary: "check the Graph credential, its permissions and that Graph answers",
  async run(args, io) {
    if (args.includes("--help") || args.includes("-h")) {
      io.stdout.write(`${HELP}\n`);
      return 0;
    }
    const config = readConfig(loadEnvFiles(io.env));
    if (config.directory.mode !== "demo") {
      return diagnose(config, io, { graphBaseUrl: config.directory.graphBaseUrl });
    }
    const simulator = await startGraphSimulator({ snapshot: loadSnapshot(config.directory.snapshotPath) });
    try {
      return await diagnose(config, io, { graphBaseUrl: simulator.baseUrl, caCertPem: simulator.caCertPem });
    } finally {
      await simulator.close();
    }
  },
};
