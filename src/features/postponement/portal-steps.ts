import { ENGLISH, type Locale } from "../../domain/language";
import { phasePostponement, type RequestablePhase } from "../../domain/postponement";
import { textsFor } from "../../i18n/i18n";
import { dayIn } from "./readable";

/** Microsoft's documented steps for a Global Administrator to postpone one phase in the portal. */
export function portalSteps(
  phase: RequestablePhase,
  wantedDate: string,
  now: Date,
  locale: Locale = ENGLISH,
): string[] {
  const t = textsFor(locale);
  const { postponementUrl } = phasePostponement(phase, now);
  return [
    t("postponement.portalSteps.signIn"),
    t("postponement.portalSteps.open", { url: postponementUrl }),
    t("postponement.portalSteps.pick", { date: dayIn(locale, wantedDate), phase }),
    t("postponement.portalSteps.apply"),
  ];
}

/** What a Global Administrator does once self-service has closed: a Microsoft Support request. */
export function supportSteps(locale: Locale = ENGLISH): string[] {
  const t = textsFor(locale);
  return [
    t("postponement.supportSteps.signIn"),
    t("postponement.supportSteps.issue"),
    t("postponement.supportSteps.paste"),
  ];
}

export const SUPPORT_HOW_TO_URL =
  "https://learn.microsoft.com/azure/azure-portal/supportability/how-to-create-azure-support-request";
