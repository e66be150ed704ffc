import { ENGLISH, type Locale } from "../../domain/language";
import { phasePostponement } from "../../domain/postponement";
import type { PostponementRequest } from "../../domain/postponement-request";
import { textsFor } from "../../i18n/i18n";
import { dayIn } from "./readable";

export interface SupportTextInput {
  request: Pick<PostponementRequest, "phase" | "wantedDate" | "justification" | "affectedSystems">;
  tenantId: string;
  tenantName?: string;
  now: Date;
  /** The reader's language: the Global Administrator pastes it as it stands. */
  locale?: Locale;
}

/**
 * The ready-to-paste text of a Microsoft Support request to lift mandatory MFA enforcement for a while,
 * once self-service postponement has closed. Plain text: it goes into a support form, not a card's Markdown,
 * and the requester's words are quoted as typed.
 */
export function supportRequestText(input: SupportTextInput): string {
  const { request, tenantId, tenantName, now } = input;
  const locale = input.locale ?? ENGLISH;
  const t = textsFor(locale);
  const phase = phasePostponement(request.phase, now);
  return [
    t("postponement.supportText.subject"),
    "",
    t("postponement.supportText.tenant", { tenant: tenantName ? `${tenantName} (${tenantId})` : tenantId }),
    t("postponement.supportText.scope", { scope: t(`postponement.supportText.scope${request.phase}`) }),
    t("postponement.supportText.until", {
      date: dayIn(locale, request.wantedDate),
      isoDate: request.wantedDate,
    }),
    "",
    t("postponement.supportText.ask", { date: dayIn(locale, phase.lastSelfServiceDate) }),
    "",
    t("postponement.supportText.justification"),
    request.justification,
    "",
    t("postponement.supportText.systems"),
    request.affectedSystems,
    "",
    t("postponement.supportText.meanwhile"),
  ].join("\n");
}
