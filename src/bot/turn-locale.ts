/**
 * The language of this turn's answer: the message's own language (the recogniser's reading, kept on the
 * turn), the activity's `locale`, the tenant's DEFAULT_LOCALE, English; see i18n/locale.ts for the order.
 */
import type { TurnContext } from "botbuilder";

import type { MessageLanguage } from "../features/conversation/languages";
import type { ReplyLocale } from "../i18n/locale";
import { replyLocale } from "../i18n/locale";

const MESSAGE_LANGUAGE = "mfaReady.messageLanguage";

export interface LocaleDefaults {
  defaultLocale?: string | undefined;
  timeZone?: string | undefined;
}

export interface TurnLocale extends ReplyLocale {
  timeZone?: string | undefined;
}

export function rememberMessageLanguage(context: TurnContext, language: MessageLanguage | undefined): void {
  context.turnState.set(MESSAGE_LANGUAGE, language);
}

export function turnLocale(context: TurnContext, defaults: LocaleDefaults = {}): TurnLocale {
  const activityLocale = typeof context.activity.locale === "string" ? context.activity.locale : undefined;
  const messageLanguage = context.turnState.get(MESSAGE_LANGUAGE) as MessageLanguage | undefined;
  const locale = replyLocale({ messageLanguage, activityLocale, defaultLocale: defaults.defaultLocale });
  return { ...locale, ...(defaults.timeZone ? { timeZone: defaults.timeZone } : {}) };
}
