import { randomUUID } from "node:crypto";

import { DirectoryError } from "../../directory/errors";
import { DeadlineExceededError } from "./deadline";
import { DEFAULT_BUSY_SECONDS, type StatusProblem } from "./status-problem";

/** Whole seconds of the Retry-After Graph sent with the error, if it sent one (at least 1). */
function retryAfterSeconds(error: DirectoryError): number | undefined {
  const ms = error.retryAfterMs;
  return ms === undefined ? undefined : Math.max(1, Math.ceil(ms / 1000));
}

/**
 * The one place a failed status check becomes a problem the card can explain. Anything that is not a
 * known error gets a reference the log also carries, so an admin can find the details without the user
 * ever seeing a stack trace.
 */
export function problemFromError(error: unknown): StatusProblem {
  if (error instanceof DeadlineExceededError) {
    return { kind: "deadline" };
  }
  if (error instanceof DirectoryError) {
    switch (error.reason) {
      case "throttled":
        return { kind: "throttled", retryAfterSeconds: retryAfterSeconds(error) ?? DEFAULT_BUSY_SECONDS };
      case "timeout":
      case "unavailable":
        return { kind: error.reason, retryAfterSeconds: retryAfterSeconds(error) };
      case "forbidden":
        return { kind: "forbidden", permission: error.permission, adminAction: error.action };
      case "noPremium":
        return { kind: "noPremium", adminAction: error.action };
      case "unauthenticated":
        return { kind: "unauthenticated", adminAction: error.action };
      case "notFound":
        return { kind: "notInTenant" };
      case "badRequest":
        break;
    }
  }
  return { kind: "unexpected", reference: randomUUID().slice(0, 8) };
}
