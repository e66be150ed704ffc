import { buildErrorCard, errorCard, type ErrorCardInput, type ErrorCardView } from "../../cards/error-card";
import type { AdaptiveCardJson } from "../../cards/types";
import { ENGLISH, type Locale } from "../../domain/language";
import type { RoleName } from "../../domain/roles";
import { WHO_MAY } from "../../domain/who-may";
import { textsFor } from "../../i18n/i18n";
import type { Authorization } from "./authorize";

export type Refused = Extract<Authorization, { allowed: false }>;

/** Roles as Microsoft names them in the reader's language: "A, B or C". */
export function roleNames(roles: readonly RoleName[], locale: Pick<Locale, "language"> = ENGLISH): string {
  const t = textsFor(locale);
  const names = roles.map((role) => t(`common.roles.${role}`));
  return names.length <= 1
    ? (names[0] ?? "")
    : `${names.slice(0, -1).join(t("common.list.separator"))}${t("common.list.lastOr")}${names.at(-1)}`;
}

/** Why, in a sentence: what Microsoft Entra ID said just now. */
export function refusalText(refused: Refused, locale: Pick<Locale, "language"> = ENGLISH): string {
  return textsFor(locale)(`common.refusal.${refused.reason}`, {
    roles: roleNames(refused.rolesThatWouldDo, locale),
  });
}

/** The error card's data for a refusal, in the reader's language: what was refused, and the roles that would do. */
export function refusalData(refused: Refused, locale: Pick<Locale, "language"> = ENGLISH): ErrorCardInput {
  const t = textsFor(locale);
  const extra = WHO_MAY[refused.action].memberGroupSetting ? ` ${t("common.refusal.memberGroup")}` : "";
  return {
    title: t(`common.refusal.titles.${refused.action}`),
    whatHappened: refusalText(refused, locale) + extra,
    whatToDo: t(refused.reason === "oneself" ? "common.refusal.askOneself" : "common.refusal.askRoles"),
  };
}

/** The one refusal, as a view (the "error" template). */
export function refusalView(refused: Refused, locale: Pick<Locale, "language"> = ENGLISH): ErrorCardView {
  return errorCard(refusalData(refused, locale));
}

/** The one refusal card (the "error" template), rendered. */
export function refusalCard(refused: Refused, locale: Pick<Locale, "language"> = ENGLISH): AdaptiveCardJson {
  return buildErrorCard(refusalData(refused, locale), locale.language);
}
