import type { Language } from "../domain/language";
import { translator } from "../i18n/i18n";
import { renderCard } from "./render";
import type { AdaptiveCardJson } from "./types";

export interface HelpCardInput {
  /** What the person typed when it was not understood; shown literally, shortened when long. */
  misunderstood?: string;
  /** Show the admin jobs (report, broadcast). Cosmetic only: each action is authorised on the server. */
  showAdminJobs: boolean;
  /** The message was in a language the bot does not speak: the card in English, saying which ones it does. */
  otherLanguage?: boolean;
  /** The reader's language (English when absent). */
  language?: Language;
}

const MAX_ECHO = 200;

/** What the bot can do, with a button per job; also the answer to input it did not understand. */
export function buildHelpCard(input: HelpCardInput): AdaptiveCardJson {
  const heard = input.misunderstood?.trim();
  const echo = heard && heard.length > MAX_ECHO ? `${heard.slice(0, MAX_ECHO)}…` : heard;
  const language = input.otherLanguage ? "en" : (input.language ?? "en");
  return renderCard(
    "help",
    {
      showAdminJobs: input.showAdminJobs,
      ...(echo ? { misunderstood: echo } : {}),
      ...(input.otherLanguage ? { otherLanguage: translator("en")("languages") } : {}),
    },
    language,
  );
}
