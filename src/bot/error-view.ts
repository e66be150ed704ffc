import type { ErrorCardInput } from "../cards/error-card";
import { DirectoryError } from "../directory/errors";
import { MessengerError } from "../features/messaging/messenger";
import { ReportError } from "../features/report/report-errors";

/** The error card's data for a failure, and whether it was expected (an outside service) or a bug. */
export interface ErrorView {
  template: "error";
  data: ErrorCardInput;
  /** A typed failure of Graph or Teams: the turn is answered with the card and succeeds. A bug is rethrown. */
  known: boolean;
}

const seconds = (ms: number | undefined) =>
  ms === undefined ? undefined : Math.max(1, Math.ceil(ms / 1000));

/**
 * The one place a failure becomes what a person reads: every handler and the application's error
 * boundary ask it. Typed errors say what to do; anything else is "something went wrong" with a reference.
 */
export function errorView(error: unknown, reference?: string): ErrorView {
  const withReference = (data: ErrorCardInput): ErrorCardInput => (reference ? { ...data, reference } : data);
  if (error instanceof DirectoryError) {
    const wait = seconds(error.extra.retryAfterMs);
    return {
      template: "error",
      known: true,
      data: withReference(
        error.reason === "throttled" || error.reason === "timeout" || error.reason === "unavailable"
          ? {
              title: "Microsoft Entra ID is busy",
              whatHappened: `Microsoft Graph did not answer in time (${error.reason}), so nothing was done.`,
              whatToDo: wait ? `Try again in ${wait} seconds.` : "Try again in a minute.",
            }
          : {
              title: "I couldn't check with Microsoft just now",
              whatHappened: `Microsoft Entra ID did not answer as expected (${error.reason}). Nothing was changed.`,
              whatToDo: error.action,
            },
      ),
    };
  }
  if (error instanceof MessengerError) {
    return {
      template: "error",
      known: true,
      data: withReference({
        title: "Teams did not take a message I had to send",
        whatHappened: `${error.message} Nothing else was changed.`,
        whatToDo: error.retryable
          ? "Try the same button again in a minute."
          : "Ask your IT team to look at MFA Ready's logs, with the reference below.",
      }),
    };
  }
  if (error instanceof ReportError) {
    return {
      template: "error",
      known: true,
      data: withReference({
        title: "That report is not available",
        whatHappened: error.message,
        whatToDo: 'Type "readiness report" for a fresh one.',
      }),
    };
  }
  return {
    template: "error",
    known: false,
    data: withReference({
      title: "Something went wrong",
      whatHappened: "I could not finish that request.",
      whatToDo: "Try again in a minute. If it keeps happening, give your IT team the reference below.",
    }),
  };
}
