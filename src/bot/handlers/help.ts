import type { TurnContext } from "botbuilder";

import { buildHelpCard } from "../../cards/help-card";
import type { AdaptiveCardJson } from "../../cards/types";
import type { Actor } from "../../domain/actor";
import { cardMessage, replacingCard } from "../cards";
import { readTurn } from "../read-turn";
import { safeError } from "../safe-error";
import { type LocaleDefaults, turnLocale } from "../turn-locale";

/** Whether the help card lists the admin jobs: the permissions table's answer, not audited (it shows, it does not act). */
export type ShowAdminJobs = (actor: Actor) => Promise<boolean>;

export interface Help {
  helpCard(context: TurnContext): Promise<ReturnType<typeof replacingCard>>;
  /** "help", or anything the bot did not understand (echoed literally, so the user sees what it got). */
  sendHelp(
    context: TurnContext,
    misunderstood?: string,
    options?: { otherLanguage?: boolean },
  ): Promise<void>;
}

export function createHelp(showAdminJobs: ShowAdminJobs | undefined, defaults: LocaleDefaults = {}): Help {
  // Cosmetic: every admin action is authorised again when taken. A Graph failure just hides the admin part.
  const adminJobs = async (context: TurnContext): Promise<boolean> => {
    const { actor, log } = readTurn(context);
    if (actor === undefined || showAdminJobs === undefined) {
      return false;
    }
    try {
      return await showAdminJobs(actor);
    } catch (error) {
      log.warn({ err: safeError(error) }, "admin jobs hidden: roles unreadable");
      return false;
    }
  };
  const card = async (
    context: TurnContext,
    misunderstood?: string,
    otherLanguage = false,
  ): Promise<AdaptiveCardJson> =>
    buildHelpCard({
      showAdminJobs: await adminJobs(context),
      language: turnLocale(context, defaults).language,
      ...(misunderstood === undefined ? {} : { misunderstood }),
      ...(otherLanguage ? { otherLanguage } : {}),
    });
  return {
    helpCard: async (context) => replacingCard(await card(context)),
    async sendHelp(context, misunderstood, options) {
      await context.sendActivity(cardMessage(await card(context, misunderstood, options?.otherLanguage)));
    },
  };
}
