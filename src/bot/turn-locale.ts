/**
 * The language of this turn's answer: the message's own language (the recogniser's reading, kept on the
 * turn), the activity's `locale`, the tenant's DEFAULT_LOCALE, English; see i18n/locale.ts for the order.
 */
import type { TurnContext } from "botbuilder";

import type { Locale, MessageLanguage } from "../domain/language";
import type { ReplyLocale } from "../i18n/locale";
import { replyLocale } from "../i18n/locale";

const MESSAGE_LANGUAGE = "mfaReady.messageLanguage";
const DEFAULTS = Symbol("mfa-ready.localeDefaults");

export interface LocaleDefaults {
  defaultLocale?: string | undefined;
  timeZone?: string | undefined;
}

export interface TurnLocale extends ReplyLocale {
  timeZone?: string | undefined;
}

/** The endpoint binds the tenant's DEFAULT_LOCALE and TIME_ZONE to each turn, once. */
export function bindLocaleDefaults(context: TurnContext, defaults: LocaleDefaults | undefined): void {
  context.turnState.set(DEFAULTS, defaults ?? {});
}

/** Called by the message router once the recogniser has read the message's language. */
export function rememberMessageLanguage(context: TurnContext, language: MessageLanguage | undefined): void {
  context.turnState.set(MESSAGE_LANGUAGE, language);
  onLanguageKnown(context);
}

const LISTENERS = Symbol("mfa-ready.localeListeners");

/** Lets read-turn.ts refresh its actor's locale when the message's language becomes known. */
export function whenLanguageKnown(context: TurnContext, listener: () => void): void {
  const listeners = (context.turnState.get(LISTENERS) as Array<() => void> | undefined) ?? [];
  listeners.push(listener);
  context.turnState.set(LISTENERS, listeners);
}

function onLanguageKnown(context: TurnContext): void {
  for (const listener of (context.turnState.get(LISTENERS) as Array<() => void> | undefined) ?? []) {
    listener();
  }
}

/** The turn's locale as the domain carries it on the actor. */
export function actorLocale(context: TurnContext): Locale {
  const { language, tag, timeZone } = turnLocale(context);
  return { language, tag, ...(timeZone ? { timeZone } : {}) };
}

export function turnLocale(context: TurnContext, given?: LocaleDefaults): TurnLocale {
  const defaults = given ?? (context.turnState.get(DEFAULTS) as LocaleDefaults | undefined) ?? {};
  const activityLocale = typeof context.activity.locale === "string" ? context.activity.locale : undefined;
  const messageLanguage = context.turnState.get(MESSAGE_LANGUAGE) as MessageLanguage | undefined;
  const locale = replyLocale({ messageLanguage, activityLocale, defaultLocale: defaults.defaultLocale });
  return { ...locale, ...(defaults.timeZone ? { timeZone: defaults.timeZone } : {}) };
}
