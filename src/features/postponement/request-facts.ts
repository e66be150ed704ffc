import { userText } from "../../cards/markdown";
import { ENGLISH, type Locale } from "../../domain/language";
import { phasePostponement } from "../../domain/postponement";
import type { ApplyOutcome, PostponementRequest } from "../../domain/postponement-request";
import { textsFor } from "../../i18n/i18n";
import type { Fact } from "./answer-view";
import { dayIn, timeIn } from "./readable";

/** The facts every postponement card shows about one request. Names and typed text are escaped. */
export function requestFacts(request: PostponementRequest, locale: Locale = ENGLISH): Fact[] {
  const t = textsFor(locale);
  const selfService = request.route === "selfService";
  return [
    {
      title: t("postponement.facts.requestedBy"),
      value: userText(request.requesterName ?? request.requesterId),
    },
    { title: t("postponement.facts.phase"), value: t(`postponement.facts.phase${request.phase}`) },
    {
      title: t(selfService ? "postponement.facts.newDate" : "postponement.facts.liftUntil"),
      value: dayIn(locale, request.wantedDate),
    },
    {
      title: t("postponement.facts.route"),
      value: t(selfService ? "postponement.facts.routeSelfService" : "postponement.facts.routeSupport"),
    },
    { title: t("postponement.facts.requestedOn"), value: timeIn(locale, request.createdAt) },
    { title: t("postponement.facts.reference"), value: request.id },
  ];
}

/** "Approved by Megan Bowen on 28 Nov 2026, 10:01 UTC." (empty while pending). */
export function decisionLine(request: PostponementRequest, locale: Locale = ENGLISH): string {
  if (request.status === "pending" || request.decidedAt === undefined) {
    return "";
  }
  const t = textsFor(locale);
  const who = userText(request.decidedByName ?? request.decidedById ?? t("postponement.decision.someone"));
  return t(`postponement.decision.${request.status}`, { who, when: timeIn(locale, request.decidedAt) });
}

/** What applying it in Azure came to, in one sentence ("" when it was not asked for). */
export function appliedLine(outcome: ApplyOutcome | undefined, locale: Locale = ENGLISH): string {
  const t = textsFor(locale);
  switch (outcome?.kind) {
    case undefined:
      return "";
    case "applied":
      return t("postponement.applied.applied", { date: dayIn(locale, outcome.readBackDate) });
    case "mismatch":
      return t("postponement.applied.mismatch", {
        date: outcome.readBackDate ? dayIn(locale, outcome.readBackDate) : t("postponement.applied.noDate"),
      });
    case "forbidden":
      return t("postponement.applied.forbidden", { permission: outcome.permission });
    case "failed":
      return t("postponement.applied.failed");
    case "windowClosed":
      return t("postponement.applied.windowClosed", { date: dayIn(locale, outcome.lastDate) });
  }
}

/** True while a Global Administrator can still set this request's date in the portal (or through ARM). */
export function selfServiceStillOpen(request: PostponementRequest, now: Date): boolean {
  return request.route === "selfService" && phasePostponement(request.phase, now).open;
}
