import type { TurnContext } from "botbuilder";

import { translator } from "../../i18n/i18n";
import { type LocaleDefaults, turnLocale } from "../turn-locale";

/** "thanks": a short answer, not the help card (people who say thanks got what they came for). */
export function createThanks(defaults: LocaleDefaults) {
  return async function sayYoureWelcome(context: TurnContext): Promise<void> {
    await context.sendActivity(translator(turnLocale(context, defaults).language)("messages.thanks"));
  };
}
