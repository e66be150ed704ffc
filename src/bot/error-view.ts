import type { ErrorCardInput } from "../cards/error-card";
import { DirectoryError } from "../directory/errors";
import { ENGLISH, type Locale } from "../domain/language";
import { MessengerError } from "../features/messaging/messenger";
import { ReportError } from "../features/report/report-errors";
import { textsFor } from "../i18n/i18n";

/** The error card's data for a failure, and whether it was expected (an outside service) or a bug. */
export interface ErrorView {
  template: "error";
  data: ErrorCardInput;
  /** A typed failure of Graph or Teams: the turn is answered with the card and succeeds. A bug is rethrown. */
  known: boolean;
}

const seconds = (ms: number | undefined) =>
  ms === undefined ? undefined : Math.max(1, Math.ceil(ms / 1000));

/** What an admin does about a Graph failure, in the reader's language (the error's own action is English). */
function graphAction(error: DirectoryError, locale: Pick<Locale, "language">): string {
  const t = textsFor(locale);
  if (error.reason === "forbidden" && error.permission) {
    return t("common.errors.graphActions.forbiddenPermission", { permission: error.permission });
  }
  return t(`common.errors.graphActions.${error.reason}`);
}

/**
 * The one place a failure becomes what a person reads, in the reader's language: every handler and the
 * application's error boundary ask it. Typed errors say what to do; anything else is "something went wrong"
 * with a reference.
 */
export function errorView(
  error: unknown,
  reference?: string,
  locale: Pick<Locale, "language"> = ENGLISH,
): ErrorView {
  const t = textsFor(locale);
  const withReference = (data: ErrorCardInput): ErrorCardInput => (reference ? { ...data, reference } : data);
  if (error instanceof DirectoryError) {
    const wait = seconds(error.extra.retryAfterMs);
    return {
      template: "error",
      known: true,
      data: withReference(
        error.reason === "throttled" || error.reason === "timeout" || error.reason === "unavailable"
          ? {
              title: t("common.errors.graphBusy.title"),
              whatHappened: t("common.errors.graphBusy.whatHappened", { reason: error.reason }),
              whatToDo: wait
                ? t("common.errors.graphBusy.retryIn", { count: wait })
                : t("common.errors.graphBusy.retryLater"),
            }
          : {
              title: t("common.errors.graph.title"),
              whatHappened: t("common.errors.graph.whatHappened", { reason: error.reason }),
              whatToDo: graphAction(error, locale),
            },
      ),
    };
  }
  if (error instanceof MessengerError) {
    return {
      template: "error",
      known: true,
      data: withReference({
        title: t("common.errors.messenger.title"),
        whatHappened: t("common.errors.messenger.nothingElse", {
          explanation: t(`common.errors.messenger.${error.reason}`),
        }),
        whatToDo: t(error.retryable ? "common.errors.messenger.retry" : "common.errors.messenger.askIt"),
      }),
    };
  }
  if (error instanceof ReportError) {
    return {
      template: "error",
      known: true,
      data: withReference({
        title: t("common.errors.report.title"),
        whatHappened: t(`common.errors.report.${error.reason}`),
        whatToDo: t("common.errors.report.whatToDo"),
      }),
    };
  }
  return {
    template: "error",
    known: false,
    data: withReference({
      title: t("common.errors.unexpected.title"),
      whatHappened: t("common.errors.unexpected.whatHappened"),
      whatToDo: t("common.errors.unexpected.whatToDo"),
    }),
  };
}
