import type { FinalReason, SendOutcome } from "../features/broadcast/transport";
import { parseRetryAfter, TEAMS_RETRY_STATUSES } from "../throttle";

/** Teams says why a 403 happened in the error body; a blocked user and a disabled bot read differently. */
function forbiddenReason(body: string): FinalReason {
  const text = body.toLowerCase();
  if (text.includes("blocked")) {
    return "blocked";
  }
  if (text.includes("disabled")) {
    return "botDisabled";
  }
  return "forbidden";
}

/**
 * The one reading of a Bot Connector error answer, for replies (the messenger) and broadcasts alike:
 * 412, 429, 502, 503 and 504 are retryable with Retry-After (DOMAIN.md "Teams: what a bot may send");
 * 403 is final and split by its body (blocked, bot disabled, other); 404, 401, 400 and the rest are final.
 */
export function connectorOutcome(
  status: number,
  retryAfter: string | undefined,
  body: string,
  now: number,
): Exclude<SendOutcome, { kind: "sent" }> {
  if (TEAMS_RETRY_STATUSES.includes(status)) {
    return {
      kind: "retryable",
      status,
      retryAfterMs: parseRetryAfter(retryAfter, now),
      reason: `http${status}`,
    };
  }
  const reason: FinalReason =
    status === 403
      ? forbiddenReason(body)
      : status === 404
        ? "notFound"
        : status === 401
          ? "unauthorized"
          : status === 400
            ? "badRequest"
            : "failed";
  return { kind: "final", status, reason };
}
