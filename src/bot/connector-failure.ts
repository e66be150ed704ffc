import { MessengerError, type MessengerFailure } from "../features/messaging/messenger";
import { type HeaderSource, headerValue, parseRetryAfter } from "../throttle";

/** A Bot Connector call that Teams answered with an error status, as a typed MessengerError. */
export interface ConnectorFailure {
  status: number;
  headers?: HeaderSource;
  error: MessengerError;
}

function reasonFor(status: number): MessengerFailure {
  if (status === 403) {
    return "blocked";
  }
  if (status === 404) {
    return "notFound";
  }
  if (status === 429) {
    return "throttled";
  }
  return "failed";
}

/** Reads the status and headers botbuilder's connector (a RestError) carries; undefined for other errors. */
export function connectorFailure(error: unknown): ConnectorFailure | undefined {
  const candidate = error as {
    statusCode?: unknown;
    response?: {
      status?: unknown;
      headers?: { get?: (name: string) => string | undefined; toJSON?: () => Record<string, string> };
    };
  };
  const status =
    typeof candidate?.statusCode === "number"
      ? candidate.statusCode
      : typeof candidate?.response?.status === "number"
        ? candidate.response.status
        : undefined;
  if (status === undefined) {
    return undefined;
  }
  const raw = candidate.response?.headers;
  const headers: Record<string, string> | undefined = raw?.toJSON?.() ?? undefined;
  const retryAfterMs = parseRetryAfter(headerValue(headers, "retry-after"), Date.now());
  return {
    status,
    headers,
    error: new MessengerError(reasonFor(status), { status, retryAfterMs }),
  };
}
