/**
 * The vocabulary compiled for matching: every phrase as a list of normalised words indexed by its first
 * word, and a resolver that maps a typed word to the vocabulary word it most likely means.
 */
import { boundedDamerauLevenshtein, maxEditsFor } from "./fuzzy";
import type { Method, ScoredIntent, Tool } from "./intents";
import { normalise } from "./normalise";
import {
  BOT_NAMES,
  CONTENT_OPENERS,
  DOMAIN_WORDS,
  INTENT_PHRASES,
  METHOD_PHRASES,
  REGISTER_CUES,
  TOOL_PHRASES,
} from "./vocabulary";
import type { Weights } from "./vocabulary";
import { FILLERS, PROTECTED_WORDS, STOPWORDS } from "./words";

export type PhraseTarget =
  | { kind: "intent"; intent: ScoredIntent }
  | { kind: "cue" }
  | { kind: "method"; method: Method }
  | { kind: "tool"; tool: Tool }
  | { kind: "name" };

export interface Phrase {
  words: readonly string[];
  weight: number;
  target: PhraseTarget;
  /** The rest of the message is this job's subject: see CONTENT_OPENERS. */
  opens?: boolean;
}

/** A typed word as the matcher sees it: the vocabulary word it stands for and how sure that is (0..1]. */
export interface ResolvedWord {
  word: string;
  quality: number;
}

/** The words of a message that matching uses: normalised, fillers dropped. */
export function matchWords(normalised: string): string[] {
  return normalised.split(" ").filter((word) => word.length > 0 && !FILLERS.has(word));
}

const phrases: Phrase[] = [];
function addAll(weights: Weights, target: PhraseTarget, opens = false): void {
  for (const [text, weight] of Object.entries(weights)) {
    phrases.push({ words: matchWords(normalise(text)), weight, target, ...(opens ? { opens } : {}) });
  }
}
for (const [intent, weights] of Object.entries(INTENT_PHRASES) as Array<[ScoredIntent, Weights]>) {
  addAll(weights, { kind: "intent", intent });
}
for (const [intent, weights] of Object.entries(CONTENT_OPENERS) as Array<[ScoredIntent, Weights]>) {
  addAll(weights, { kind: "intent", intent }, true);
}
addAll(REGISTER_CUES, { kind: "cue" });
addAll(Object.fromEntries(BOT_NAMES.map((name) => [name, 0])), { kind: "name" });
for (const [method, weights] of Object.entries(METHOD_PHRASES) as Array<[Method, Weights]>) {
  addAll(weights, { kind: "method", method });
}
for (const [tool, texts] of Object.entries(TOOL_PHRASES) as Array<[Tool, readonly string[]]>) {
  addAll(Object.fromEntries(texts.map((text) => [text, 0])), { kind: "tool", tool });
}

export const PHRASES_BY_FIRST_WORD: ReadonlyMap<string, readonly Phrase[]> = phrases.reduce(
  (index, phrase) => {
    const first = phrase.words[0];
    if (first !== undefined) {
      index.set(first, [...(index.get(first) ?? []), phrase]);
    }
    return index;
  },
  new Map<string, Phrase[]>(),
);

export const DOMAIN: ReadonlySet<string> = new Set(DOMAIN_WORDS);

export const vocabularyWords: ReadonlySet<string> = new Set([...phrases.flatMap((phrase) => phrase.words), ...DOMAIN_WORDS]);

/** Candidates for typo correction, by first letter: a typo in the first letter is rare and costly to allow. */
const fuzzyTargets = new Map<string, string[]>();
for (const word of vocabularyWords) {
  if (maxEditsFor(word) > 0 && !/\d/.test(word)) {
    fuzzyTargets.set(word[0] ?? "", [...(fuzzyTargets.get(word[0] ?? "") ?? []), word]);
  }
}

const QUALITY_BY_EDITS = [1, 0.85, 0.7];
const MEMO_LIMIT = 20_000;
const memo = new Map<string, ResolvedWord>();

/** The vocabulary word a typed word stands for, or the word itself (quality 1) when none is close. */
export function resolveWord(typed: string): ResolvedWord {
  const known = memo.get(typed);
  if (known) {
    return known;
  }
  const resolved = correct(typed) ?? { word: typed, quality: 1 };
  if (memo.size >= MEMO_LIMIT) {
    memo.clear();
  }
  memo.set(typed, resolved);
  return resolved;
}

function correct(typed: string): ResolvedWord | undefined {
  const eligible =
    typed.length >= 4 && !vocabularyWords.has(typed) && !STOPWORDS.has(typed) && !PROTECTED_WORDS.has(typed);
  if (!eligible || /\d/.test(typed)) {
    return undefined;
  }
  let best: ResolvedWord | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of fuzzyTargets.get(typed[0] ?? "") ?? []) {
    const bound = Math.min(maxEditsFor(candidate), typed.length >= 5 ? 2 : 1, bestDistance);
    if (bound < 1) {
      continue;
    }
    const distance = boundedDamerauLevenshtein(typed, candidate, bound);
    // On a tie, prefer the longer word: people drop letters more often than they add them.
    const better = distance < bestDistance || candidate.length > (best?.word.length ?? 0);
    if (distance <= bound && better) {
      bestDistance = distance;
      best = { word: candidate, quality: QUALITY_BY_EDITS[distance] ?? 0 };
    }
  }
  return best;
}
