/** The languages the bot understands and answers in; everything else is "other" (help in English). */
export const LANGUAGES = ["en", "de", "fr", "es", "ja"] as const;
export type Language = (typeof LANGUAGES)[number];

/** What a message is written in, as far as its words tell: a supported language or another one. */
export type MessageLanguage = Language | "other";

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The reader's locale: which resource language their strings come from, the BCP 47 tag Intl writes
 * their dates and numbers in ("de-AT", "ja-JP"), and the tenant's time zone when one is configured.
 */
export interface Locale {
  language: Language;
  tag: string;
  timeZone?: string | undefined;
  /**
   * Set when the text speaks of someone other than its reader (an admin reading another user's status):
   * that person's name as shown. Texts then take their third-person form where the resources have one.
   */
  about?: string | undefined;
}

/** Who has not said otherwise reads British English in UTC, the product's own dates. */
export const ENGLISH: Locale = { language: "en", tag: "en-GB" };
