import { userText } from "../../cards/markdown";
import { ENGLISH, type Locale } from "../../domain/language";
import { daysBetween, utcDay } from "../../domain/postponement";
import type { PostponementRequest } from "../../domain/postponement-request";
import { textsFor } from "../../i18n/i18n";
import type { Fact } from "./answer-view";
import { SUPPORT_HOW_TO_URL } from "./portal-steps";
import { dayIn } from "./readable";
import { appliedLine, decisionLine, requestFacts } from "./request-facts";
import { supportRequestText } from "./support-request-text";

/** Data for adaptiveCards/postponement-request-sent.json: the requester's receipt. */
export interface SentCardData {
  headline: string;
  deliveryLine: string;
  facts: Fact[];
  justification: string;
  showSupport: boolean;
  supportText: string;
  supportHowToUrl: string;
}

export function sentCardData(
  request: PostponementRequest,
  delivery: { notified: number; unreachable: number },
  now: Date,
  locale: Locale = ENGLISH,
): SentCardData {
  const t = textsFor(locale);
  const support = request.route === "support";
  const unreachable =
    delivery.unreachable > 0 ? [t("postponement.sent.unreachable", { count: delivery.unreachable })] : [];
  const delivered =
    delivery.notified > 0
      ? [t("postponement.sent.delivered", { count: delivery.notified }), ...unreachable]
      : [
          t("postponement.sent.noneReached"),
          ...unreachable,
          t("postponement.sent.saved", { id: request.id }),
        ];
  return {
    headline: t("postponement.sent.headline"),
    deliveryLine: delivered.reduce((first, second) => t("postponement.twoSentences", { first, second })),
    facts: requestFacts(request, locale),
    justification: userText(request.justification),
    showSupport: support,
    supportText: support ? supportRequestText({ request, tenantId: request.tenantId, now, locale }) : "",
    supportHowToUrl: SUPPORT_HOW_TO_URL,
  };
}

/** Data for adaptiveCards/postponement-outcome.json: what the requester hears once someone decides. */
export interface OutcomeCardData {
  headline: string;
  tone: "good" | "attention";
  decisionLine: string;
  note: string;
  nextSteps: string;
  appliedText: string;
  facts: Fact[];
}

/** The outcome's headline, also the notification's summary. */
export function outcomeHeadline(request: PostponementRequest, locale: Locale = ENGLISH): string {
  return textsFor(locale)(
    request.status === "approved" ? "postponement.outcome.approved" : "postponement.outcome.declined",
  );
}

export function outcomeCardData(request: PostponementRequest, locale: Locale = ENGLISH): OutcomeCardData {
  const t = textsFor(locale);
  const approved = request.status === "approved";
  const where = { phase: request.phase, date: dayIn(locale, request.wantedDate) };
  const nextSteps = !approved
    ? t("postponement.outcome.nextDeclined")
    : request.route === "selfService"
      ? t("postponement.outcome.nextSelfService", where)
      : t("postponement.outcome.nextSupport", where);
  return {
    headline: outcomeHeadline(request, locale),
    tone: approved ? "good" : "attention",
    decisionLine: decisionLine(request, locale),
    note: request.decisionNote
      ? t("postponement.outcome.note", { note: userText(request.decisionNote) })
      : "",
    nextSteps,
    appliedText: appliedLine(request.applied, locale),
    facts: requestFacts(request, locale),
  };
}

/** Data for adaptiveCards/postponement-reminder.json, sent some days before a postponed date runs out. */
export interface ReminderCardData {
  headline: string;
  summary: string;
  facts: Fact[];
}

export function reminderCardData(
  request: PostponementRequest,
  now: Date,
  locale: Locale = ENGLISH,
): ReminderCardData {
  const t = textsFor(locale);
  const days = daysBetween(utcDay(now), request.wantedDate);
  const what = request.route === "selfService" ? "postponement" : "lift";
  return {
    headline:
      days > 0
        ? t(`postponement.reminder.${what}In`, { phase: request.phase, count: days })
        : t(`postponement.reminder.${what}Today`, { phase: request.phase }),
    summary: t("postponement.reminder.summary", {
      date: dayIn(locale, request.wantedDate),
      phase: request.phase,
    }),
    facts: requestFacts(request, locale),
  };
}
