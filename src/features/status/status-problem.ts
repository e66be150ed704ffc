import { ENGLISH, type Locale } from "../../domain/language";
import { textsFor } from "../../i18n/i18n";
import type { Tone } from "./headline";

/** When Graph gave no Retry-After the busy card still names a wait, so the user knows when to come back. */
export const DEFAULT_BUSY_SECONDS = 30;

/**
 * Why a status check gave no verdict. `directory` carries a DirectoryError's reason; `deadline` is ours
 * (Graph did not answer within the Teams invoke limit); `notInTenant` is a user the directory does not hold.
 */
export type StatusProblemKind =
  | "throttled"
  | "deadline"
  | "timeout"
  | "unavailable"
  | "forbidden"
  | "noPremium"
  | "unauthenticated"
  | "notInTenant"
  | "unexpected";

export interface StatusProblem {
  kind: StatusProblemKind;
  /** Seconds to wait before trying again, when Graph said so. */
  retryAfterSeconds?: number;
  /** The Graph permission an admin must grant (forbidden). */
  permission?: string;
  /** What the admin should do, from the directory (DirectoryError.action), when it says. */
  adminAction?: string;
  /** Short id to quote to an admin; the details are in the log under the same id. */
  reference?: string;
}

/** Data for adaptiveCards/status-problem.json: what went wrong and what to do, never a stack trace. */
export interface ProblemCardData {
  kind: StatusProblemKind;
  tone: Tone;
  title: string;
  what: string;
  todo: string;
  adminLine: string;
  retry: boolean;
}

/** The problem card's data in the reader's language: what went wrong and what to do. */
export function buildProblemView(
  problem: StatusProblem,
  locale: Pick<Locale, "language"> = ENGLISH,
): ProblemCardData {
  const t = textsFor(locale);
  const wait = (seconds: number | undefined, fallback: string) =>
    seconds === undefined || seconds <= 0
      ? t(fallback)
      : t("status.problem.tryAgainIn", { seconds: Math.ceil(seconds), count: Math.ceil(seconds) });
  const adminHint =
    problem.adminAction === undefined ? "" : t("status.problem.adminHint", { action: problem.adminAction });
  const card = (
    tone: Tone,
    parts: { title: string; what: string; todo: string; adminLine?: string; retry: boolean },
  ): ProblemCardData => ({ kind: problem.kind, tone, adminLine: "", ...parts });
  switch (problem.kind) {
    case "throttled":
      return card("warning", {
        title: t("status.problem.busyTitle"),
        what: t("status.problem.throttledWhat"),
        todo: wait(problem.retryAfterSeconds, "status.problem.tryAgainMinute"),
        retry: true,
      });
    case "deadline":
    case "timeout":
      return card("warning", {
        title: t("status.problem.busyTitle"),
        what: t("status.problem.deadlineWhat"),
        todo: wait(problem.retryAfterSeconds ?? DEFAULT_BUSY_SECONDS, "status.problem.tryAgainMinute"),
        retry: true,
      });
    case "unavailable":
      return card("warning", {
        title: t("status.problem.unavailableTitle"),
        what: t("status.problem.unavailableWhat"),
        todo: wait(problem.retryAfterSeconds, "status.problem.tryAgainMinutes"),
        adminLine: adminHint,
        retry: true,
      });
    case "forbidden": {
      const permission = problem.permission ?? t("status.problem.forbiddenSomePermission");
      return card("attention", {
        title: t("status.problem.forbiddenTitle"),
        what: t("status.problem.forbiddenWhat", { permission }),
        todo: t("status.problem.forbiddenTodo"),
        adminLine: adminHint || t("status.problem.forbiddenAdmin", { permission }),
        retry: true,
      });
    }
    case "noPremium":
      return card("warning", {
        title: t("status.problem.noPremiumTitle"),
        what: t("status.problem.noPremiumWhat"),
        todo: t("status.problem.noPremiumTodo"),
        adminLine: adminHint,
        retry: false,
      });
    case "unauthenticated":
      return card("attention", {
        title: t("status.problem.unauthenticatedTitle"),
        what: t("status.problem.unauthenticatedWhat"),
        todo: t("status.problem.unauthenticatedTodo"),
        adminLine: adminHint,
        retry: true,
      });
    case "notInTenant":
      return card("warning", {
        title: t("status.problem.notInTenantTitle"),
        what: t("status.problem.notInTenantWhat"),
        todo: t("status.problem.notInTenantTodo"),
        retry: false,
      });
    case "unexpected":
      return card("attention", {
        title: t("status.problem.unexpectedTitle"),
        what: t("status.problem.unexpectedWhat"),
        todo:
          problem.reference === undefined
            ? t("status.problem.unexpectedTodo")
            : t("status.problem.unexpectedTodoReference", { reference: problem.reference }),
        retry: true,
      });
  }
}
