/**
 * `node --import tsx scripts/startup-check.ts`: what a newcomer does after `npm ci`, checked on whatever Node
 * runs it (CI runs it on Node 22): `npm start`, wait for `GET /healthz` 200, ask "am I affected?" as Ben
 * Carter of the demo tenant and wait for the status card at a connector stub. Fails when any of that does
 * not happen within its time, or when Node prints a warning (a deprecation, say) while it does.
 * Prints one line; exit code 0 when it all held.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { message } from "../test/support/activities";
import { startConnectorStub } from "../test/support/connector-stub";

const ROOT = path.resolve(__dirname, "..");
const DEMO_TENANT = "c0ffee00-0000-4000-8000-00000000d3e0";
const BEN = "a0000000-0000-4000-8000-000000000002";
const HEALTHY_WITHIN_MS = 30_000;
const ANSWER_WITHIN_MS = 20_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function until<T>(what: string, withinMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    await sleep(50);
  }
  throw new Error(`${what} within ${withinMs / 1000} s`);
}

/** Node's own warnings, as it prints them: "(node:123) [DEP0040] DeprecationWarning: …". */
function nodeWarnings(output: string): string[] {
  return output.split("\n").filter((line) => /^\(node:\d+\) (\[\w+\] )?\w*Warning/.test(line));
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    // npm start runs the bot under a shell: signal the whole process group.
    process.kill(-child.pid!, "SIGTERM");
  });
}

async function main(): Promise<void> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "mfa-ready-startup-check-"));
  const connector = await startConnectorStub();
  let output = "";
  const bot = spawn("npm", ["start", "--silent"], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, MFA_READY_ENV: "local" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  bot.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  bot.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const started = Date.now();
  try {
    const base = `http://127.0.0.1:${port}`;
    await until("GET /healthz answered 200", HEALTHY_WITHIN_MS, async () => {
      if (bot.exitCode !== null) {
        throw new Error(`npm start exited with ${bot.exitCode}:\n${output}`);
      }
      const response = await fetch(`${base}/healthz`).catch(() => undefined);
      return response?.status === 200 ? true : undefined;
    });
    const healthyMs = Date.now() - started;
    const activity = message(connector.serviceUrl, "am I affected?");
    const question = {
      ...activity,
      from: { ...(activity.from as object), aadObjectId: BEN, name: "Ben Carter" },
      conversation: { ...activity.conversation, tenantId: DEMO_TENANT },
      channelData: { ...activity.channelData, tenant: { id: DEMO_TENANT } },
    };
    const posted = await fetch(`${base}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(question),
    });
    if (posted.status >= 300) {
      throw new Error(`POST /api/messages answered ${posted.status}: ${await posted.text()}`);
    }
    await until("the status card reached the connector", ANSWER_WITHIN_MS, async () =>
      connector.sentCardIds().includes("status") ? true : undefined,
    );
    const warnings = nodeWarnings(output);
    if (warnings.length > 0) {
      throw new Error(`Node printed warnings:\n${warnings.join("\n")}`);
    }
    process.stdout.write(
      `startup check on Node ${process.version}: healthy in ${healthyMs} ms, status card for "am I affected?", no warnings\n`,
    );
  } finally {
    await stop(bot);
    await connector.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`startup check on Node ${process.version} failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
