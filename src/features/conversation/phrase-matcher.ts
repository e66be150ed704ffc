/**
 * Finds the vocabulary phrases in a message. Phrases compete for words like tokens in a lexer: longer
 * phrases first, then heavier ones, so "windows hello" takes "hello" away from the greeting. Work is
 * linear in the number of words (phrases are short and indexed by their first word).
 */
import type { Lexicon, Phrase, ResolvedWord } from "./lexicon";

export interface PhraseMatch {
  phrase: Phrase;
  start: number;
  /** Exclusive. */
  end: number;
  /** The phrase's weight times the weakest word's typo quality; 0 for a repeat of a phrase already counted. */
  score: number;
}

export function matchPhrases(lexicon: Lexicon, words: readonly ResolvedWord[]): PhraseMatch[] {
  const found: PhraseMatch[] = [];
  words.forEach((first, start) => {
    for (const phrase of lexicon.phrasesByFirstWord.get(first.word) ?? []) {
      let quality = 1;
      const fits = phrase.words.every((word, offset) => {
        const typed = words[start + offset];
        quality = Math.min(quality, typed?.quality ?? 0);
        return typed?.word === word;
      });
      if (fits) {
        found.push({ phrase, start, end: start + phrase.words.length, score: phrase.weight * quality });
      }
    }
  });
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || b.score - a.score || a.start - b.start);

  const taken = new Array<boolean>(words.length).fill(false);
  const counted = new Set<Phrase>();
  const accepted: PhraseMatch[] = [];
  for (const match of found) {
    if (taken.slice(match.start, match.end).some(Boolean)) {
      continue;
    }
    taken.fill(true, match.start, match.end);
    accepted.push(counted.has(match.phrase) ? { ...match, score: 0 } : match);
    counted.add(match.phrase);
  }
  return accepted.sort((a, b) => a.start - b.start);
}
