import { renderCard } from "./render";
import type { AdaptiveCardJson } from "./types";
import type { Verb } from "./verbs";

export interface ErrorCardInput {
  title: string;
  whatHappened: string;
  whatToDo: string;
  /** A correlation id the person can quote to an admin. */
  reference?: string;
  /** A button that tries again. */
  retry?: { title: string; verb: Verb };
}

/** One shape for every failure a person sees: what went wrong and what to do. All text is shown literally. */
export function buildErrorCard(input: ErrorCardInput): AdaptiveCardJson {
  const { reference, retry, ...text } = input;
  return renderCard("error", { ...text, ...(reference ? { reference } : {}), ...(retry ? { retry } : {}) });
}
