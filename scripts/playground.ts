/**
 * `npm run playground`: the bot in demo mode (what `npm start` runs) and the Microsoft 365 Agents
 * Playground pointed at it, offline, telemetry off, with the Teams context of .m365agentsplayground.yml
 * (Adele Vance). The Playground cannot switch its user, so `-- --as ben --as alex` (or `--as all`)
 * starts one Playground per person instead, each its own window on its own port, all against one bot:
 * Ben asks in his, Alex approves in hers. TEAMSAPPTESTER_BROWSER=none keeps them headless. Ctrl-C stops
 * them all, the bot gracefully.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";

import { loadEnvFiles, readConfig } from "../src/config";
import { loadSnapshot } from "../src/directory/snapshot";
import {
  FIRST_PORT,
  PersonaError,
  personaKey,
  resolvePersonas,
  writePersonaConfig,
} from "./playground-personas";

const ROOT = path.resolve(__dirname, "..");

/** The Playground's own CLI (bin `agentsplayground`), run with this Node. */
export const PLAYGROUND_CLI = require.resolve("@microsoft/m365agentsplayground/cli.js");
export const PLAYGROUND_CONFIG = path.join(ROOT, ".m365agentsplayground.yml");
/** What the Playground prints once its HTTP server is up; it moves to a random port if its own is taken. */
export const PLAYGROUND_LISTENING = /Listening on (\d+)/;

export interface PlaygroundLaunch {
  botEndpoint: string;
  /** 56150 by default, as the Toolkit uses; 0 picks a free one. */
  port?: number;
  logFile: string;
  /** The Teams context (tenant, current user, chats); .m365agentsplayground.yml by default. */
  configFile?: string;
  env?: NodeJS.ProcessEnv;
}

/** Arguments and environment for the Playground CLI: Teams channel, telemetry off, our config file. */
export function playgroundCommand(launch: PlaygroundLaunch): { args: string[]; env: NodeJS.ProcessEnv } {
  const args = [PLAYGROUND_CLI, "start", "--app-endpoint", launch.botEndpoint, "--channel-id", "msteams"];
  args.push("--disable-telemetry", "--port", String(launch.port ?? FIRST_PORT));
  const env = {
    ...(launch.env ?? process.env),
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: launch.configFile ?? PLAYGROUND_CONFIG,
    M365_AGENTS_PLAYGROUND_LOGFILE: launch.logFile,
  };
  return { args, env };
}

const HEALTH_WAIT_MS = 30_000;
const STOP_WAIT_MS = 15_000;
/** npm, tsx and the terminal may each deliver the same Ctrl-C; only a later one forces the stop. */
const REPEAT_SIGNAL_MS = 2_000;

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once("exit", () => resolve()));

async function waitForHealth(url: string, bot: ChildProcess): Promise<void> {
  const deadline = Date.now() + HEALTH_WAIT_MS;
  while (Date.now() < deadline && bot.exitCode === null) {
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    bot.exitCode === null ? `the bot did not answer ${url} within 30 s` : `the bot exited (${bot.exitCode})`,
  );
}

/** One Playground to start: whose it is, where, with which Teams context. */
export interface PlaygroundRun {
  label: string;
  port: number;
  configFile?: string;
  logFile: string;
}

/** `--as` names people of the demo tenant; without it, the one Playground of .m365agentsplayground.yml. */
export function planRuns(argv: string[], env: NodeJS.ProcessEnv): PlaygroundRun[] {
  const { values } = parseArgs({ args: argv, options: { as: { type: "string", multiple: true } } });
  const data = path.join(ROOT, ".data");
  if (!values.as?.length) {
    return [{ label: "Adele Vance", port: FIRST_PORT, logFile: path.join(data, "m365agentsplayground.log") }];
  }
  const config = readConfig(loadEnvFiles(env, ROOT));
  if (config.directory.mode !== "demo") {
    throw new PersonaError("--as plays people of the demo tenant: unset TENANT_ID to use it");
  }
  const snapshot = loadSnapshot(config.directory.snapshotPath);
  return resolvePersonas(snapshot.users, values.as).map(({ user, port }) => ({
    label: user.displayName ?? user.userPrincipalName,
    port,
    configFile: writePersonaConfig(path.join(data, "playground"), snapshot.tenant.id, snapshot.users, user),
    logFile: path.join(data, `m365agentsplayground-${personaKey(user)}.log`),
  }));
}

function startOne(run: PlaygroundRun, botEndpoint: string, tag: string): ChildProcess {
  const { args, env } = playgroundCommand({ botEndpoint, ...run });
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  createInterface({ input: child.stdout! }).on("line", (line) => {
    process.stdout.write(`[${tag}] ${line}\n`);
    const listening = PLAYGROUND_LISTENING.exec(line);
    if (listening) {
      process.stdout.write(
        `\n${run.label} in the Agents Playground: open http://localhost:${listening[1]}\n\n`,
      );
    }
  });
  return child;
}

async function main(argv: string[]): Promise<number> {
  let runs: PlaygroundRun[];
  try {
    runs = planRuns(argv, process.env);
  } catch (error) {
    process.stderr.write(`playground: ${(error as Error).message}\n`);
    return 2;
  }
  const port = Number(process.env.PORT ?? 3978);
  const botUrl = `http://127.0.0.1:${port}`;
  // Own process groups: the terminal's Ctrl-C reaches only this script, which stops each child once.
  // The Playground cannot install the app for anyone, so the bot reaches only the people who opened
  // their chat (no TEAMS_APP_ID): a card for anyone else is not sent, rather than sent to fail.
  const bot = spawn(process.execPath, ["--import", "tsx", "src/start.ts"], {
    cwd: ROOT,
    env: { ...process.env, TEAMS_APP_ID: "" },
    stdio: "inherit",
    detached: true,
  });
  const children: ChildProcess[] = [bot];
  let stopping: number | undefined;
  const stop = (signal: NodeJS.Signals) => {
    const force = stopping !== undefined && Date.now() - stopping > REPEAT_SIGNAL_MS;
    if (stopping !== undefined && !force && signal !== "SIGKILL") {
      return; // once is enough: a second SIGTERM makes the bot exit without draining
    }
    stopping ??= Date.now();
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(force ? "SIGKILL" : signal);
      }
    }
  };
  process.on("SIGINT", () => stop("SIGTERM"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("exit", () => children.forEach((child) => child.exitCode === null && child.kill("SIGKILL")));

  try {
    await waitForHealth(`${botUrl}/healthz`, bot);
  } catch (error) {
    process.stderr.write(`playground: ${(error as Error).message}\n`);
    stop("SIGTERM");
    await exited(bot);
    return 1;
  }
  const endpoint = `${botUrl}/api/messages`;
  for (const run of runs) {
    const tag = runs.length === 1 ? "playground" : `playground ${run.label.split(" ")[0]}`;
    const child = startOne(run, endpoint, tag);
    children.push(child);
    // It prints "Listening" before it reads its config: a bad one ends it, with the reason in its log.
    child.once("exit", (code) => {
      if (stopping === undefined) {
        process.stderr.write(`playground: ${run.label}'s Playground ended (${code}); see ${run.logFile}\n`);
      }
    });
  }
  process.stdout.write(`(bot at ${endpoint}; say "am I affected?" in each Playground; Ctrl-C stops all)\n`);

  // Any one ending (Ctrl-C, or a crash) ends the others.
  await Promise.race(children.map(exited));
  const unexpected = stopping === undefined;
  stop("SIGTERM");
  const timer = setTimeout(() => stop("SIGKILL"), STOP_WAIT_MS);
  await Promise.all(children.map(exited));
  clearTimeout(timer);
  return unexpected || (bot.exitCode ?? 0) !== 0 ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`playground: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
