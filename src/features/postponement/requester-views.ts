import { userText } from "../../cards/markdown";
import { daysBetween, utcDay } from "../../domain/postponement";
import type { PostponementRequest } from "../../domain/postponement-request";
import { readableDay } from "../status/readable-date";
import type { Fact } from "./answer-view";
import { SUPPORT_HOW_TO_URL } from "./portal-steps";
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
): SentCardData {
  const support = request.route === "support";
  const unreachable =
    delivery.unreachable > 0
      ? ` ${delivery.unreachable} could not be reached in Teams; tell them yourself.`
      : "";
  return {
    headline: "Your request is with the Global Administrators",
    deliveryLine:
      delivery.notified > 0
        ? `Sent to ${delivery.notified} Global ${delivery.notified === 1 ? "Administrator" : "Administrators"} in Teams. You will hear here when one of them decides.${unreachable}`
        : `No Global Administrator could be reached in Teams.${unreachable} Your request is saved (reference ${request.id}).`,
    facts: requestFacts(request),
    justification: userText(request.justification),
    showSupport: support,
    supportText: support ? supportRequestText({ request, tenantId: request.tenantId, now }) : "",
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

export function outcomeCardData(request: PostponementRequest): OutcomeCardData {
  const approved = request.status === "approved";
  const nextSteps = !approved
    ? "Enforcement stays as it is. The way through is to get ready: check your status and set up a strong method."
    : request.route === "selfService"
      ? `Phase ${request.phase} enforcement moves to ${readableDay(request.wantedDate)} once the date is set in Azure. Use the time to get ready.`
      : `A Global Administrator asks Microsoft Support to lift phase ${request.phase} enforcement until ${readableDay(request.wantedDate)}. Microsoft decides; get ready meanwhile.`;
  return {
    headline: `Your postponement request was ${approved ? "approved" : "declined"}`,
    tone: approved ? "good" : "attention",
    decisionLine: decisionLine(request),
    note: request.decisionNote ? `Note: ${userText(request.decisionNote)}` : "",
    nextSteps,
    appliedText: appliedLine(request.applied),
    facts: requestFacts(request),
  };
}

/** Data for adaptiveCards/postponement-reminder.json, sent some days before a postponed date runs out. */
export interface ReminderCardData {
  headline: string;
  summary: string;
  facts: Fact[];
}

export function reminderCardData(request: PostponementRequest, now: Date): ReminderCardData {
  const days = daysBetween(utcDay(now), request.wantedDate);
  const when = days > 0 ? `in ${days} ${days === 1 ? "day" : "days"}` : "today";
  const what = request.route === "selfService" ? "postponement" : "Microsoft Support lift";
  return {
    headline: `The phase ${request.phase} ${what} ends ${when}`,
    summary: `On ${readableDay(request.wantedDate)} mandatory MFA applies to phase ${request.phase} again. Make sure everyone affected has a strong method and scripts run as workload identities.`,
    facts: requestFacts(request),
  };
}
