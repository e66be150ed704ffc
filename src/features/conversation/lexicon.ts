/**
 * The vocabulary compiled for matching, one lexicon per language: every phrase as a list of normalised
 * words indexed by its first word, and a resolver that maps a typed word to the vocabulary word it most
 * likely means. Every language's lexicon also holds the English names of methods and tools and the
 * English domain words: people write "Passkey", "az cli" and "MFA" in any language.
 */
import { boundedDamerauLevenshtein, maxEditsFor } from "./fuzzy";
import type { Method, ScoredIntent, Tool } from "./intents";
import type { LanguageVocabulary, PersonCues, Weights } from "./language-vocabulary";
import type { Language } from "./languages";
import { normalise } from "./normalise";
import { BOT_NAMES, DOMAIN_WORDS, ENGLISH, METHOD_PHRASES, TOOL_PHRASES } from "./vocabulary";
import { GERMAN } from "./vocabulary-de";
import { SPANISH } from "./vocabulary-es";
import { FRENCH } from "./vocabulary-fr";
import { JAPANESE } from "./vocabulary-ja";
import { PROTECTED_WORDS } from "./words";

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

export interface Lexicon {
  language: Language;
  phrasesByFirstWord: ReadonlyMap<string, readonly Phrase[]>;
  domain: ReadonlySet<string>;
  vocabularyWords: ReadonlySet<string>;
  stopwords: ReadonlySet<string>;
  fillers: ReadonlySet<string>;
  person: PersonCues;
  /** The words a Japanese run is cut by: the vocabulary and the stopwords. */
  segmentation: ReadonlySet<string>;
  /** The vocabulary word a typed word stands for, or the word itself (quality 1) when none is close. */
  resolveWord(typed: string): ResolvedWord;
  /** The words of a message that matching uses: fillers dropped. */
  matchWords(normalised: string): string[];
}

const VOCABULARIES: Readonly<Record<Language, LanguageVocabulary>> = {
  en: ENGLISH,
  de: GERMAN,
  fr: FRENCH,
  es: SPANISH,
  ja: JAPANESE,
};

const QUALITY_BY_EDITS = [1, 0.85, 0.7];
const MEMO_LIMIT = 20_000;
/** Only words in Latin letters are typo-corrected: a Japanese "typo" is a wrong conversion, not an edit. */
const LATIN_WORD = /^[a-z]+$/;
/** Hiragana alone is grammar (particles, endings): it neither helps nor hurts, like a stopword. */
const KANA_ONLY = /^[\p{Script=Hiragana}\u30fc]+$/u;

function compile(language: Language): Lexicon {
  const vocabulary = VOCABULARIES[language];
  const shared = language === "en" ? undefined : ENGLISH;
  const fillers = new Set(vocabulary.fillers.map((word) => normalise(word)));
  const matchWords = (normalised: string) =>
    normalised.split(" ").filter((word) => word.length > 0 && !fillers.has(word));
  const phrases: Phrase[] = [];
  const seen = new Set<string>();
  const addAll = (weights: Weights, target: PhraseTarget, opens = false) => {
    for (const [text, weight] of Object.entries(weights)) {
      const words = matchWords(normalise(text));
      const key = `${words.join(" ")}|${JSON.stringify(target)}`;
      if (words.length > 0 && !seen.has(key)) {
        seen.add(key);
        phrases.push({ words, weight, target, ...(opens ? { opens } : {}) });
      }
    }
  };
  for (const [intent, weights] of Object.entries(vocabulary.intents) as Array<[ScoredIntent, Weights]>) {
    addAll(weights, { kind: "intent", intent });
  }
  for (const [intent, weights] of Object.entries(vocabulary.openers) as Array<[ScoredIntent, Weights]>) {
    addAll(weights, { kind: "intent", intent }, true);
  }
  addAll(vocabulary.registerCues, { kind: "cue" });
  addAll(Object.fromEntries(BOT_NAMES.map((name) => [name, 0])), { kind: "name" });
  for (const source of shared ? [vocabulary.methods, METHOD_PHRASES] : [vocabulary.methods]) {
    for (const [method, weights] of Object.entries(source) as Array<[Method, Weights]>) {
      addAll(weights, { kind: "method", method });
    }
  }
  for (const [tool, texts] of Object.entries(TOOL_PHRASES) as Array<[Tool, readonly string[]]>) {
    addAll(Object.fromEntries(texts.map((text) => [text, 0])), { kind: "tool", tool });
  }
  const phrasesByFirstWord = new Map<string, Phrase[]>();
  for (const phrase of phrases) {
    const first = phrase.words[0] ?? "";
    phrasesByFirstWord.set(first, [...(phrasesByFirstWord.get(first) ?? []), phrase]);
  }
  const fold = (words: readonly string[]) => words.flatMap((word) => normalise(word).split(" "));
  const domain = new Set(fold([...vocabulary.domain, ...DOMAIN_WORDS]));
  const stopwords = new Set(fold([...vocabulary.stopwords, ...(shared ? shared.stopwords : [])]));
  const vocabularyWords = new Set([...phrases.flatMap((phrase) => phrase.words), ...domain]);
  const isStopword = (word: string) => stopwords.has(word) || KANA_ONLY.test(word);
  const resolveWord = memoised((typed) =>
    correct(typed, vocabularyWords, isStopword, fuzzyTargetsOf(vocabularyWords)),
  );
  return {
    language,
    phrasesByFirstWord,
    domain,
    vocabularyWords,
    stopwords: { has: isStopword } as ReadonlySet<string>,
    fillers,
    person: vocabulary.person,
    segmentation: new Set([...vocabularyWords, ...stopwords]),
    resolveWord,
    matchWords,
  };
}

function memoised(resolve: (typed: string) => ResolvedWord | undefined): (typed: string) => ResolvedWord {
  const memo = new Map<string, ResolvedWord>();
  return (typed) => {
    const known = memo.get(typed);
    if (known) {
      return known;
    }
    const resolved = resolve(typed) ?? { word: typed, quality: 1 };
    if (memo.size >= MEMO_LIMIT) {
      memo.clear();
    }
    memo.set(typed, resolved);
    return resolved;
  };
}

/** Candidates for typo correction, by first letter: a typo in the first letter is rare and costly to allow. */
function fuzzyTargetsOf(vocabularyWords: ReadonlySet<string>): Map<string, string[]> {
  const targets = new Map<string, string[]>();
  for (const word of vocabularyWords) {
    if (maxEditsFor(word) > 0 && LATIN_WORD.test(word)) {
      targets.set(word[0] ?? "", [...(targets.get(word[0] ?? "") ?? []), word]);
    }
  }
  return targets;
}

function correct(
  typed: string,
  vocabularyWords: ReadonlySet<string>,
  isStopword: (word: string) => boolean,
  fuzzyTargets: ReadonlyMap<string, readonly string[]>,
): ResolvedWord | undefined {
  const eligible =
    typed.length >= 4 && !vocabularyWords.has(typed) && !isStopword(typed) && !PROTECTED_WORDS.has(typed);
  if (!eligible || !LATIN_WORD.test(typed)) {
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

const compiled = new Map<Language, Lexicon>();

/** The lexicon of one language, compiled on first use. */
export function lexiconFor(language: Language): Lexicon {
  let lexicon = compiled.get(language);
  if (!lexicon) {
    lexicon = compile(language);
    compiled.set(language, lexicon);
  }
  return lexicon;
}

const english = lexiconFor("en");
export const PHRASES_BY_FIRST_WORD = english.phrasesByFirstWord;
export const DOMAIN = english.domain;
export const vocabularyWords = english.vocabularyWords;
export const resolveWord = english.resolveWord;
export const matchWords = english.matchWords;
