import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";

import { PLAYGROUND_LISTENING, playgroundCommand } from "../../scripts/playground";

export interface PlaygroundProcess {
  /** http://127.0.0.1:<port>, the Playground's web client and APIs. */
  url: string;
  /** Everything it printed so far, for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL after a grace period; resolves once the process is gone. */
  stop(): Promise<void>;
}

export interface StartPlaygroundOptions {
  botEndpoint: string;
  logFile: string;
  configFile?: string;
  timeoutMs?: number;
}

const STOP_GRACE_MS = 3_000;

/** Every Playground a test started, so even a crashing test process leaves none behind. */
const running = new Set<ChildProcess>();
process.on("exit", () => running.forEach((child) => child.kill("SIGKILL")));

const gone = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/**
 * The real `agentsplayground` CLI, headless, telemetry off, on a free port (--port 0), against the bot
 * endpoint. Resolves when it says it is listening; a process that does not is killed, never left over.
 */
export async function startPlayground(options: StartPlaygroundOptions): Promise<PlaygroundProcess> {
  const { args, env } = playgroundCommand({
    botEndpoint: options.botEndpoint,
    port: 0,
    logFile: options.logFile,
    configFile: options.configFile,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: "none" },
  });
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  child.once("exit", () => running.delete(child));
  const lines: string[] = [];
  createInterface({ input: child.stderr }).on("line", (line) => lines.push(line));
  const output = () => lines.join("\n");

  const stop = async () => {
    if (gone(child)) {
      return;
    }
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };

  const timeoutMs = options.timeoutMs ?? 20_000;
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the Playground did not listen within ${timeoutMs} ms`)),
      timeoutMs,
    );
    createInterface({ input: child.stdout }).on("line", (line) => {
      lines.push(line);
      const listening = PLAYGROUND_LISTENING.exec(line);
      if (listening?.[1]) {
        clearTimeout(timer);
        resolve(listening[1]);
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the Playground exited (${code ?? signal}) before listening`));
    });
  }).catch(async (error: Error) => {
    await stop();
    throw new Error(`${error.message}:\n${output()}`);
  });
  return { url: `http://127.0.0.1:${port}`, output, stop };
}
