/**
 * The Graph simulator in a child process, for benchmarks that measure the adapter's own memory: the child
 * generates the tenant and serves it throttled; the parent reads one JSON line to find it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import https from "node:https";
import { createInterface } from "node:readline";

import { startGraphSimulator } from "../../src/dev/graph-simulator";
import { SIMULATOR_TOKEN } from "../../src/directory/credentials";
import type { TenantSnapshot } from "../../src/directory/graph-types";

export type SimulatorChild<Facts> = Facts & { baseUrl: string; caCertPem: string; process: ChildProcess };

/** Child mode: serve the tenant throttled at `scale`, print `facts` plus where to reach it, serve until killed. */
export async function serveSimulatorChild(
  snapshot: TenantSnapshot,
  scale: number,
  facts: object,
): Promise<void> {
  const simulator = await startGraphSimulator({ snapshot, throttle: true, throttleScale: scale });
  process.stdout.write(
    `${JSON.stringify({ ...facts, baseUrl: simulator.baseUrl, caCertPem: simulator.caCertPem })}\n`,
  );
  process.on("SIGTERM", () => void simulator.close().then(() => process.exit(0)));
}

/**
 * The simulator stands in for Graph, whose pauses are not ours to measure: it holds the whole generated
 * tenant and makes a page of JSON for every request, and with V8's defaults a quarter of its time went
 * to collecting garbage, in pauses that held an answer back by 50-80 ms (measured on the report bench,
 * where a late answer in one reports window delays the same slot in every later one). A young generation
 * that lets each page's garbage die young and an old one sized for the tenant took that to a sixth.
 */
const SIMULATOR_NODE_FLAGS = ["--max-semi-space-size=32", "--initial-heap-size=1500"];

/** Runs `script --serve users scale` (the bench file itself) and waits for its line. */
export function startSimulatorChild<Facts>(
  script: string,
  users: number,
  scale: number,
): Promise<SimulatorChild<Facts>> {
  const child = spawn(
    process.execPath,
    [...SIMULATOR_NODE_FLAGS, "--import", "tsx", script, "--serve", String(users), String(scale)],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`simulator child exited with ${code}`)));
    createInterface({ input: child.stdout! }).once("line", (line) => {
      resolve({ ...(JSON.parse(line) as Facts & { baseUrl: string; caCertPem: string }), process: child });
    });
  });
}

export function stopSimulatorChild(child: SimulatorChild<unknown>): void {
  child.process.removeAllListeners("exit");
  child.process.kill("SIGTERM");
}

/** The simulator's request and 429 counters so far. */
export function simulatorStats(
  child: SimulatorChild<unknown>,
): Promise<{ requests: number; throttled: number }> {
  return new Promise((resolve, reject) => {
    https
      .get(
        `${child.baseUrl}/_simulator/stats`,
        { ca: child.caCertPem, headers: { authorization: `Bearer ${SIMULATOR_TOKEN}` } },
        (response) => {
          let text = "";
          response.on("data", (chunk: Buffer) => (text += chunk.toString()));
          response.on("end", () => resolve(JSON.parse(text) as { requests: number; throttled: number }));
        },
      )
      .on("error", reject);
  });
}
