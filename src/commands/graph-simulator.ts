import { startGraphSimulator } from "../dev/graph-simulator";
import { loadSnapshot, SnapshotError } from "../directory/snapshot";
import { createLogger } from "../logger";
import type { Command, CommandIo } from "./command";
import { UsageError } from "./command";
import { parseOptions } from "./parse-options";

const HELP = `usage: mfa-ready graph-simulator --snapshot FILE [--port N] [--host H] [--throttle] [--throttle-scale K] [--latency-ms N] [--rebase-time]

Serves a tenant snapshot over HTTPS with Microsoft Graph's URLs (under /v1.0) and the Azure Resource
Manager portal settings. Prints one JSON line {"baseUrl","caCertPath","tenantId"}, then serves until
SIGINT or SIGTERM. Any non-empty bearer token is accepted. --rebase-time shifts the sign-ins so the
snapshot's month of activity ends now (for demos).`;

function number(
  name: string,
  raw: string | undefined,
  fallback: number,
  check: (value: number) => boolean,
  expected: string,
): number {
  if (raw === undefined) {
    return fallback;
  }
  const value = Number(raw);
  if (raw.trim() === "" || !check(value)) {
    throw new UsageError(`--${name} must be ${expected}, got "${raw}"`);
  }
  return value;
}

function readOptions(args: string[]) {
  const values = parseOptions(args, {
    snapshot: { type: "string" },
    port: { type: "string" },
    host: { type: "string" },
    throttle: { type: "boolean" },
    "throttle-scale": { type: "string" },
    "latency-ms": { type: "string" },
    "rebase-time": { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    return undefined;
  }
  if (values.snapshot === undefined || values.snapshot === "") {
    throw new UsageError("--snapshot FILE is required");
  }
  return {
    snapshot: values.snapshot,
    host: values.host,
    throttle: values.throttle ?? values["throttle-scale"] !== undefined,
    rebaseToNow: values["rebase-time"] ?? false,
    port: number(
      "port",
      values.port,
      0,
      (v) => Number.isInteger(v) && v >= 0 && v <= 65535,
      "a port from 0 to 65535",
    ),
    throttleScale: number(
      "throttle-scale",
      values["throttle-scale"],
      1,
      (v) => Number.isFinite(v) && v > 0 && v <= 100_000,
      "a number above 0",
    ),
    latencyMs: number(
      "latency-ms",
      values["latency-ms"],
      0,
      (v) => Number.isInteger(v) && v >= 0 && v <= 600_000,
      "a whole number of milliseconds",
    ),
  };
}

function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(signal);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

export const command: Command = {
  summary: "serve a tenant snapshot as a local Microsoft Graph (HTTPS) for development and tests",
  async run(args: string[], io: CommandIo): Promise<number> {
    const options = readOptions(args);
    if (options === undefined) {
      io.stdout.write(`${HELP}\n`);
      return 0;
    }
    let snapshot;
    try {
      snapshot = loadSnapshot(options.snapshot);
    } catch (error) {
      if (error instanceof SnapshotError) {
        throw new UsageError(error.message.split("\n")[0]!);
      }
      throw error;
    }
    const logger = createLogger({ level: io.env.LOG_LEVEL ?? "info", destination: io.stderr as never });
    const simulator = await startGraphSimulator({ ...options, snapshot, logger });
    const stopped = untilSignal();
    io.stdout.write(
      `${JSON.stringify({ baseUrl: simulator.baseUrl, caCertPath: simulator.caCertPath, tenantId: simulator.tenantId })}\n`,
    );
    logger.info(
      {
        signal: await stopped,
        stats: { requests: simulator.stats.requests, throttled: simulator.stats.throttled },
      },
      "graph simulator stopping",
    );
    await simulator.close();
    return 0;
  },
};
