/**
 * The labelled messages of test/fixtures/intents/<language>/<split>.json and how the recogniser does on
 * them. Shared by `npm run bench -- intents` (which prints the figures) and the unit tests (which hold the
 * tuning split to a floor).
 */
import { readFileSync } from "node:fs";
import path from "node:path";

import type { Recognition } from "../../src/features/conversation/intents";
import type { Language } from "../../src/features/conversation/languages";
import { recognize } from "../../src/features/conversation/recognizer";

export type Split = "tuning" | "held-out";
export interface Labelled {
  text: string;
  /** An intent, or "lookup" (status about someone named) or "unknown". */
  label: string;
}

const root = path.join(__dirname, "..", "fixtures", "intents");

export function loadSplit(language: Language, split: Split): Labelled[] {
  const byLabel = JSON.parse(readFileSync(path.join(root, language, `${split}.json`), "utf8")) as Record<
    string,
    string[]
  >;
  return Object.entries(byLabel).flatMap(([label, texts]) => texts.map((text) => ({ text, label })));
}

/** Whether the recognition is what the label asks for; a lookup must also name the person or UPN. */
export function matches(result: Recognition, label: string): boolean {
  if (label === "lookup") {
    return result.intent === "status" && Boolean(result.entities.person ?? result.entities.upn);
  }
  return result.intent === label && (label === "status" ? !result.entities.person : true);
}

export interface SplitFigure {
  language: Language;
  split: Split;
  total: number;
  right: number;
  /** Messages understood whose language was told right (unknown ones need not name it). */
  languageRight: number;
  misses: Array<{ text: string; label: string; got: string; language?: string }>;
}

export function scoreSplit(language: Language, split: Split): SplitFigure {
  const figure: SplitFigure = { language, split, total: 0, right: 0, languageRight: 0, misses: [] };
  for (const { text, label } of loadSplit(language, split)) {
    const result = recognize(text);
    figure.total += 1;
    const right = matches(result, label);
    figure.right += right ? 1 : 0;
    figure.languageRight += result.language === undefined || result.language === language ? 1 : 0;
    if (!right) {
      const got = result.entities.person ? `${result.intent}(${result.entities.person})` : result.intent;
      figure.misses.push({ text, label, got, ...(result.language ? { language: result.language } : {}) });
    }
  }
  return figure;
}
