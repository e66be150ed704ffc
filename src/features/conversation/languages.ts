/** The languages the bot understands and answers in; everything else is "other" (help in English). */
export const LANGUAGES = ["en", "de", "fr", "es", "ja"] as const;
export type Language = (typeof LANGUAGES)[number];

/** What a message is written in, as far as its words tell: a supported language or another one. */
export type MessageLanguage = Language | "other";

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}
