/**
 * `npm run bench -- startup`: the bot exactly as `npm start` runs it (package.json's start script: compiled
 * JavaScript under `node`, its flags included), started five times in each mode. Figures: time from spawning the process to the first `GET /healthz`
 * that answers 200, and resident memory after 5 s idle, as medians (with min and max). Demo mode serves
 * the demo tenant from the in-process simulator; graph mode reads the same tenant from a Graph simulator
 * in another process, as a bot against real Graph would (no simulator code in the bot process).
 * Targets in graph mode: at most 1.0 s to healthy and at most 130 MB idle.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";

import { benchMain } from "./support/bench-main";

const ROOT = path.resolve(__dirname, "..");
/** `npm start`'s command line, with this Node in place of "node". */
const START_ARGS = (
  JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } }
).scripts.start
  .split(/\s+/)
  .slice(1);
const STARTS = 5;
const IDLE_MS = 5_000;

interface Spread {
  median: number;
  min: number;
  max: number;
}
interface ModeFigures {
  /** The first start, with Node's compile cache still empty (a fresh NODE_COMPILE_CACHE per mode). */
  firstStartHealthyMs: number;
  healthyMs: Spread;
  idleRssMb: Spread;
}
interface StartupFigures {
  node: string;
  starts: number;
  demo: ModeFigures;
  graph: ModeFigures;
}

function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    median: round(sorted[Math.floor(sorted.length / 2)]!),
    min: round(sorted[0]!),
    max: round(sorted.at(-1)!),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((row) => row.startsWith("VmRSS:"));
  return Number(/(\d+)/.exec(line ?? "")?.[1] ?? NaN) / 1024;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once("exit", () => resolve()));
}

/** One cold start: spawn, poll /healthz every 5 ms until 200, idle, read RSS, stop. */
async function oneStart(env: NodeJS.ProcessEnv): Promise<{ healthyMs: number; idleRssMb: number }> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "mfa-ready-startup-"));
  const started = performance.now();
  const child = spawn(process.execPath, START_ARGS, {
    cwd: ROOT,
    env: { ...env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) {
        throw new Error(`the bot exited with ${child.exitCode} before it was healthy`);
      }
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (response) => response.status === 200,
        () => false,
      );
      if (ok) {
        break;
      }
      await sleep(5);
    }
    const healthyMs = performance.now() - started;
    await sleep(IDLE_MS);
    return { healthyMs, idleRssMb: rssMb(child.pid!) };
  } finally {
    child.kill("SIGTERM");
    await exited(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measure(env: NodeJS.ProcessEnv): Promise<ModeFigures> {
  const compileCache = mkdtempSync(path.join(tmpdir(), "mfa-ready-compile-cache-"));
  try {
    const runs = [];
    for (let run = 0; run < STARTS; run += 1) {
      runs.push(await oneStart({ ...env, NODE_COMPILE_CACHE: compileCache }));
    }
    return {
      firstStartHealthyMs: Math.round(runs[0]!.healthyMs),
      healthyMs: spread(runs.map((r) => r.healthyMs)),
      idleRssMb: spread(runs.map((r) => r.idleRssMb)),
    };
  } finally {
    rmSync(compileCache, { recursive: true, force: true });
  }
}

/** `mfa-ready graph-simulator` over the demo tenant in its own process; its JSON line says where. */
async function startSimulator(): Promise<{ baseUrl: string; caCertPath: string; child: ChildProcess }> {
  const snapshot = path.join(ROOT, "src", "dev", "demo-tenant.json");
  const child = spawn(
    process.execPath,
    [path.join(ROOT, "bin", "mfa-ready.js"), "graph-simulator", "--snapshot", snapshot],
    {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const line = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`graph-simulator exited with ${code}`)));
    createInterface({ input: child.stdout! }).once("line", resolve);
  });
  child.removeAllListeners("exit");
  return { ...(JSON.parse(line) as { baseUrl: string; caCertPath: string }), child };
}

async function run(): Promise<StartupFigures> {
  // What `npm start` runs: the compiled code, brought up to date (incremental, quick when nothing changed).
  execFileSync(
    process.execPath,
    [require.resolve("typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.build.json")],
    {
      stdio: "inherit",
    },
  );
  const base: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, MFA_READY_ENV: "local" };
  const demo = await measure(base);
  const simulator = await startSimulator();
  try {
    const graph = await measure({
      ...base,
      GRAPH_BASE_URL: simulator.baseUrl,
      NODE_EXTRA_CA_CERTS: simulator.caCertPath,
    });
    return { node: process.version, starts: STARTS, demo, graph };
  } finally {
    simulator.child.kill("SIGTERM");
    await exited(simulator.child);
  }
}

benchMain<StartupFigures>({
  name: "startup",
  argv: process.argv.slice(2),
  serve: () => Promise.reject(new Error("startup serves no simulator of its own")),
  run,
  checks: (figures) => ({
    graphHealthyWithin1s: figures.graph.healthyMs.median <= 1_000,
    graphIdleAtMost130Mb: figures.graph.idleRssMb.median <= 130,
  }),
});
