/**
 * Which language to answer in: the message's own language when its words show one the bot speaks, else
 * the activity's `locale` (Teams sends the client's language), else the user's Graph `preferredLanguage`,
 * else the tenant's DEFAULT_LOCALE, else English. Locales are BCP 47 tags ("de-DE", "ja-JP", "fr-CA").
 */
import type { Language, MessageLanguage } from "../domain/language";
import { isLanguage } from "../domain/language";

export interface LocaleSources {
  /** What the recogniser read in the message itself. */
  messageLanguage?: MessageLanguage | undefined;
  activityLocale?: string | undefined;
  preferredLanguage?: string | undefined;
  defaultLocale?: string | undefined;
}

export interface ReplyLocale {
  language: Language;
  /** The tag for Intl (dates, numbers): the most specific source in that language, e.g. "de-AT". */
  tag: string;
}

export function languageOf(tag: string | undefined): Language | undefined {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary && isLanguage(primary) ? primary : undefined;
}

export function replyLocale(sources: LocaleSources): ReplyLocale {
  const tags = [sources.activityLocale, sources.preferredLanguage, sources.defaultLocale];
  const fromMessage =
    sources.messageLanguage && sources.messageLanguage !== "other" ? sources.messageLanguage : undefined;
  const language = fromMessage ?? tags.map(languageOf).find((found) => found !== undefined) ?? "en";
  const tag = tags.find((candidate) => languageOf(candidate) === language);
  return { language, tag: tag ? canonical(tag) : DEFAULT_TAGS[language] };
}

const DEFAULT_TAGS: Readonly<Record<Language, string>> = {
  en: "en-GB",
  de: "de-DE",
  fr: "fr-FR",
  es: "es-ES",
  ja: "ja-JP",
};

function canonical(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, "-"))[0] ?? tag;
  } catch {
    // Not a well-formed tag: Intl would throw on it later; the language's own default is safe.
    return DEFAULT_TAGS[languageOf(tag) ?? "en"];
  }
}

/**
 * A proactive message's reader (a broadcast's recipient, an approver, a requester): the locale stored with
 * their conversation reference (the client's language when they last wrote), else Graph's
 * `preferredLanguage`, else the tenant's DEFAULT_LOCALE, else English.
 */
export function recipientLocale(sources: {
  referenceLocale?: string | undefined;
  preferredLanguage?: string | undefined;
  defaultLocale?: string | undefined;
  timeZone?: string | undefined;
}): ReplyLocale & { timeZone?: string } {
  const locale = replyLocale({
    activityLocale: sources.referenceLocale,
    preferredLanguage: sources.preferredLanguage,
    defaultLocale: sources.defaultLocale,
  });
  return { ...locale, ...(sources.timeZone ? { timeZone: sources.timeZone } : {}) };
}
