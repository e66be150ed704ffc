import type { Language } from "../domain/language";
import { renderCard } from "./render";
import type { AdaptiveCardJson } from "./types";
import type { Verb } from "./verbs";
import { type View, view } from "./view";

/** The error card's data: its sentences already in the reader's language (the frame comes from `s`). */
export interface ErrorCardInput {
  title: string;
  whatHappened: string;
  whatToDo: string;
  /** A correlation id the person can quote to an admin. */
  reference?: string;
  /** A button that tries again. */
  retry?: { title: string; verb: Verb };
}

export type ErrorCardView = View<"error", ErrorCardInput>;

/** The error card as a feature answers with it (the bot renders it in the reader's language). */
export function errorCard(input: ErrorCardInput): ErrorCardView {
  const { reference, retry, ...text } = input;
  return view("error", { ...text, ...(reference ? { reference } : {}), ...(retry ? { retry } : {}) });
}

/** One shape for every failure a person sees: what went wrong and what to do. All text is shown literally. */
export function buildErrorCard(input: ErrorCardInput, language?: Language): AdaptiveCardJson {
  const shown = errorCard(input);
  return renderCard(shown.template, shown.data, language);
}
