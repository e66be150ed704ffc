import type { Language } from "../domain/language";
import { ENFORCEMENT_PHASES, type EnforcementPhase } from "../domain/timeline";
import { formatDay as formatDayIn } from "../i18n/format";
import { translator } from "../i18n/i18n";
import { renderCard } from "./render";
import type { AdaptiveCardJson } from "./types";

export interface WelcomeCardInput {
  /** The person's display name from the activity, shown literally. */
  userName?: string;
  /** Defaults to the product's timeline; passed in by tests. */
  phases?: readonly EnforcementPhase[];
  now?: Date;
  /** The reader's language and Intl locale tag (English, en-GB when absent). */
  language?: Language;
  locale?: string;
}

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** "1 October 2025" for "2025-10-01". */
export function formatDay(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** The card a person sees when they install the bot or say hello. */
export function buildWelcomeCard(input: WelcomeCardInput = {}): AdaptiveCardJson {
  const now = (input.now ?? new Date()).getTime();
  const language = input.language ?? "en";
  const t = translator(language);
  const locale = input.locale ?? (language === "en" ? "en-GB" : language);
  const keyDates = (input.phases ?? ENFORCEMENT_PHASES).map((phase) => ({
    title: t(Date.parse(phase.enforcedFrom) <= now ? "cards.welcome.since" : "cards.welcome.from", {
      date: formatDayIn(phase.enforcedFrom, { locale }),
    }),
    // The product's own phases have their description in the resources; another (a test's) keeps its own.
    value: t(`cards.welcome.phase${phase.phase}`, { defaultValue: phase.covers }),
  }));
  const name = input.userName?.trim();
  return renderCard("welcome", { keyDates, ...(name ? { userName: name } : {}) }, language);
}
