import { ENFORCEMENT_PHASES, type EnforcementPhase } from "../domain/timeline";
import { renderCard } from "./render";
import type { AdaptiveCardJson } from "./types";

export interface WelcomeCardInput {
  /** The person's display name from the activity, shown literally. */
  userName?: string;
  /** Defaults to the product's timeline; passed in by tests. */
  phases?: readonly EnforcementPhase[];
  now?: Date;
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
  const keyDates = (input.phases ?? ENFORCEMENT_PHASES).map((phase) => ({
    title: `${Date.parse(phase.enforcedFrom) <= now ? "Since" : "From"} ${formatDay(phase.enforcedFrom)}`,
    value: phase.covers,
  }));
  const name = input.userName?.trim();
  return renderCard("welcome", { keyDates, ...(name ? { userName: name } : {}) });
}
