import { buildErrorCard, type ErrorCardInput } from "../../cards/error-card";
import type { AdaptiveCardJson } from "../../cards/types";
import { roleList, WHO_MAY } from "../../domain/who-may";
import type { Authorization } from "./authorize";

export type Refused = Extract<Authorization, { allowed: false }>;

/** Why, in a sentence: what Microsoft Entra ID said just now. */
export function refusalText(refused: Refused): string {
  const roles = roleList(refused.rolesThatWouldDo);
  switch (refused.reason) {
    case "oneself":
      return `You can't decide on your own request: someone else must (a ${roles}). Nothing was changed.`;
    case "subjectHoldsRole":
      return `This user holds a directory role, so only a ${roles} may do this (Microsoft Entra's own rule). Nothing was changed.`;
    default:
      return `It needs one of these Microsoft Entra roles, held tenant-wide: ${roles}. Microsoft Entra ID says you hold none of them right now (a role scoped to an administrative unit does not count). Nothing was changed.`;
  }
}

/** The error card's data for a refusal: what was refused, and the roles that would do. */
export function refusalData(refused: Refused): ErrorCardInput {
  const extra = WHO_MAY[refused.action].memberGroupSetting
    ? " Members of the broadcast senders group may too, when your organisation names one."
    : "";
  return {
    title: WHO_MAY[refused.action].refusalTitle,
    whatHappened: refusalText(refused) + extra,
    whatToDo: `Ask someone who holds ${refused.reason === "oneself" ? "that role" : "one of these roles"} to do it, or ask for the role.`,
  };
}

/** The one refusal card (the "error" template). */
export function refusalCard(refused: Refused): AdaptiveCardJson {
  return buildErrorCard(refusalData(refused));
}
