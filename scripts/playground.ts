/**
 * `npm run playground`: the bot in demo mode (what `npm start` runs) and the Microsoft 365 Agents
 * Playground pointed at it, offline, telemetry off, with the Teams context of .m365agentsplayground.yml.
 * TEAMSAPPTESTER_BROWSER=none keeps it headless. Ctrl-C stops both, the bot gracefully.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";

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
  env?: NodeJS.ProcessEnv;
}

/** Arguments and environment for the Playground CLI: Teams channel, telemetry off, our config file. */
export function playgroundCommand(launch: PlaygroundLaunch): { args: string[]; env: NodeJS.ProcessEnv } {
  const args = [PLAYGROUND_CLI, "start", "--app-endpoint", launch.botEndpoint, "--channel-id", "msteams"];
  args.push("--disable-telemetry", "--port", String(launch.port ?? 56150));
  const env = {
    ...(launch.env ?? process.env),
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: PLAYGROUND_CONFIG,
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

async function main(): Promise<number> {
  const port = Number(process.env.PORT ?? 3978);
  const botUrl = `http://127.0.0.1:${port}`;
  // Own process groups: the terminal's Ctrl-C reaches only this script, which stops each child once.
  const bot = spawn(process.execPath, ["--import", "tsx", "src/start.ts"], {
    cwd: ROOT,
    stdio: "inherit",
    detached: true,
  });
  const children: ChildProcess[] = [bot];
  let stopping: number | undefined;
  const stop = (signal: NodeJS.Signals) => {
    const force = stopping !== undefined && Date.now() - stopping > REPEAT_SIGNAL_MS;
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
  const { args, env } = playgroundCommand({
    botEndpoint: `${botUrl}/api/messages`,
    logFile: path.join(ROOT, ".data", "m365agentsplayground.log"),
  });
  const playground = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  children.push(playground);
  createInterface({ input: playground.stdout }).on("line", (line) => {
    process.stdout.write(`[playground] ${line}\n`);
    const listening = PLAYGROUND_LISTENING.exec(line);
    if (listening) {
      process.stdout.write(
        `\nMFA Ready in the Agents Playground: open http://localhost:${listening[1]} and say "am I affected?"\n`,
      );
      process.stdout.write(`(bot at ${botUrl}/api/messages; Ctrl-C stops both)\n\n`);
    }
  });

  // Either one ending (Ctrl-C, or a crash) ends the other.
  await Promise.race(children.map(exited));
  const unexpected = stopping === undefined;
  stop("SIGTERM");
  const timer = setTimeout(() => stop("SIGKILL"), STOP_WAIT_MS);
  await Promise.all(children.map(exited));
  clearTimeout(timer);
  return unexpected || (bot.exitCode ?? 0) !== 0 ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`playground: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
