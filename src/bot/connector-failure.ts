import { MessengerError, type MessengerFailure } from "../features/messaging/messenger";
import { type HeaderSource, headerValue } from "../throttle";
import { connectorOutcome } from "./connector-outcome";

/** A Bot Connector call that Teams answered with an error status, as a typed MessengerError. */
export interface ConnectorFailure {
  status: number;
  headers?: HeaderSource;
  /** Whether the one classifier (connector-outcome.ts) says another try may succeed. */
  retryable: boolean;
  error: MessengerError;
}

interface RestErrorLike {
  statusCode?: unknown;
  message?: unknown;
  details?: unknown;
  response?: {
    status?: unknown;
    bodyAsText?: unknown;
    headers?: { get?: (name: string) => string | undefined; toJSON?: () => Record<string, string> };
  };
}

/** Reads the status, headers and body botbuilder's connector (a RestError) carries; undefined for other errors. */
export function connectorFailure(error: unknown): ConnectorFailure | undefined {
  const candidate = error as RestErrorLike | undefined;
  const status =
    typeof candidate?.statusCode === "number"
      ? candidate.statusCode
      : typeof candidate?.response?.status === "number"
        ? candidate.response.status
        : undefined;
  if (status === undefined) {
    return undefined;
  }
  const headers: Record<string, string> | undefined = candidate?.response?.headers?.toJSON?.() ?? undefined;
  // Teams' reason is in the body; the SDK also copies it into the message.
  const body = [
    candidate?.response?.bodyAsText,
    candidate?.message,
    candidate?.details === undefined ? undefined : JSON.stringify(candidate.details),
  ]
    .filter((part): part is string => typeof part === "string")
    .join(" ")
    .slice(0, 2_000);
  const outcome = connectorOutcome(status, headerValue(headers, "retry-after"), body, Date.now());
  const reason: MessengerFailure =
    outcome.kind === "retryable"
      ? status === 429
        ? "throttled"
        : "failed"
      : outcome.reason === "blocked" ||
          outcome.reason === "botDisabled" ||
          outcome.reason === "notFound" ||
          outcome.reason === "forbidden"
        ? outcome.reason
        : "failed";
  return {
    status,
    headers,
    retryable: outcome.kind === "retryable",
    error: new MessengerError(reason, {
      status,
      retryAfterMs: outcome.kind === "retryable" ? outcome.retryAfterMs : undefined,
      retryable: outcome.kind === "retryable",
    }),
  };
}
