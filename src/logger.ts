import pino from "pino";

export type Logger = pino.Logger;

/**
 * One JSON line per event. Paths that could carry a secret are censored at the source, so a careless
 * `log.info({ request })` still prints no token, password or Temporary Access Pass.
 */
export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? "info",
      base: { service: "mfa-ready" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          "*.authorization",
          "*.Authorization",
          "*.headers.authorization",
          "*.password",
          "*.clientSecret",
          "*.temporaryAccessPass",
          "*.token",
          "*.accessToken",
          "*.connectionString",
        ],
        censor: "[redacted]",
      },
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination,
  );
}
