import { loadEnvFiles, readConfig } from "../config";
import { SnapshotError } from "../directory/snapshot-error";
import { runService, SHUTDOWN_DRAIN_MS } from "../index";
import { createLogger } from "../logger";
import { type Command, UsageError } from "./command";

const HELP = `usage: mfa-ready serve

Runs the bot: POST /api/messages and GET /healthz on PORT (default 3978).
Settings come from the environment and env/.env.<MFA_READY_ENV> (default local); see src/config.ts.
Without TENANT_ID it serves the demo tenant through the in-process Graph simulator.
SIGTERM or SIGINT stops it gracefully: turns in flight finish (up to 10 s), then storage closes.`;

export const command: Command = {
  summary: "run the bot (the HTTP endpoint for Teams)",
  async run(args, io) {
    if (args.includes("--help") || args.includes("-h")) {
      io.stdout.write(`${HELP}\n`);
      return 0;
    }
    if (args.length > 0) {
      throw new UsageError(
        `unexpected argument "${args[0]}" (serve takes its settings from the environment)`,
      );
    }
    const config = readConfig(loadEnvFiles(io.env));
    const logger = createLogger({ level: config.logLevel });

    let service;
    try {
      service = await runService(config, logger);
    } catch (error) {
      if (error instanceof SnapshotError) {
        // The demo tenant file is input like a setting: one line, exit 2.
        io.stderr.write(`mfa-ready serve: ${error.message}\n`);
        return 2;
      }
      throw error;
    }

    const running = service;
    return new Promise<number>((resolve) => {
      let stopping = false;
      const stop = (signal: NodeJS.Signals) => {
        if (stopping) {
          logger.warn({ signal }, "second signal: exiting without waiting");
          process.exit(1);
        }
        stopping = true;
        logger.info({ signal }, "shutting down");
        const done = (code: number) => {
          process.off("SIGTERM", stop);
          process.off("SIGINT", stop);
          resolve(code);
        };
        running.stop(SHUTDOWN_DRAIN_MS).then(
          () => done(0),
          (error: unknown) => {
            logger.error(
              { err: { message: error instanceof Error ? error.message : String(error) } },
              "shutdown failed",
            );
            done(1);
          },
        );
      };
      process.on("SIGTERM", stop);
      process.on("SIGINT", stop);
    });
  },
};
