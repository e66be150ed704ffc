import { Writable } from "node:stream";

import { type Config, readConfig } from "../../src/config";
import {
  type GraphSimulator,
  type GraphSimulatorOptions,
  startGraphSimulator,
} from "../../src/dev/graph-simulator";
import {
  type ConfiguredDirectory,
  createDirectory,
  type CreateDirectoryOptions,
} from "../../src/directory/create-directory";
import type { TenantSnapshot } from "../../src/directory/graph-types";
import { createLogger, type Logger } from "../../src/logger";

/** A logger whose JSON lines the test can read. */
export function recordingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(
        ...chunk
          .toString("utf8")
          .split("\n")
          .filter((line) => line.length > 0),
      );
      done();
    },
  });
  return { logger: createLogger({ level: "debug", destination }), lines };
}

/** Demo-mode config (no tenant), with a given per-request timeout. */
export function demoConfig(timeoutMs = 5_000): Config {
  return readConfig({ HTTP_TIMEOUT_MS: String(timeoutMs) });
}

export interface Harness {
  simulator: GraphSimulator;
  directory: ConfiguredDirectory;
  lines: string[];
  close(): Promise<void>;
}

/** The Graph simulator over a snapshot, and a GraphDirectory pointed at it over HTTPS with its CA. */
export async function startHarness(
  snapshot: TenantSnapshot,
  options: {
    simulator?: Partial<GraphSimulatorOptions>;
    directory?: CreateDirectoryOptions;
    timeoutMs?: number;
  } = {},
): Promise<Harness> {
  const simulator = await startGraphSimulator({ snapshot, ...options.simulator });
  const { logger, lines } = recordingLogger();
  const directory = createDirectory(demoConfig(options.timeoutMs), logger, {
    graphBaseUrl: simulator.baseUrl,
    caCertPem: simulator.caCertPem,
    // The simulator does not throttle unless asked; a faster client limit keeps the tests quick.
    throttleScale: options.simulator?.throttle ? options.simulator.throttleScale : 100,
    ...options.directory,
  });
  return {
    simulator,
    directory,
    lines,
    close: async () => {
      directory.close();
      await simulator.close();
    },
  };
}
