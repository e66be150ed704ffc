/**
 * How much of a message the vocabulary explains. A phrase found inside a message that is otherwise about
 * something else ("send a message to john", "the history of rome") is weak evidence; the same phrase in
 * a message that mentions the domain (MFA, Azure, a method, a tool, a phrase only this domain uses) or has
 * nothing else in it is strong.
 */
import type { Lexicon } from "./lexicon";
import type { PhraseMatch } from "./phrase-matcher";

/** Confidence kept when no meaningful word of the message is explained. */
const COVERAGE_FLOOR = 0.5;
/** A phrase this heavy ("managed identity", "readiness report") ties a message to the domain by itself. */
const ANCHOR_SCORE = 1.5;
/** Applied when some words are unexplained and nothing in the message ties it to the domain. */
const OFF_TOPIC_FACTOR = 0.8;

/** A factor in [COVERAGE_FLOOR * OFF_TOPIC_FACTOR, 1] for the winning intent's confidence. */
export function contextFactor(
  lexicon: Lexicon,
  words: readonly string[],
  matches: readonly PhraseMatch[],
): number {
  const covered = new Array<boolean>(words.length).fill(false);
  let anchored = false;
  for (const match of matches) {
    covered.fill(true, match.start, match.end);
    const kind = match.phrase.target.kind;
    anchored ||= kind === "method" || kind === "tool" || kind === "name" || match.score >= ANCHOR_SCORE;
  }
  let content = 0;
  let explained = 0;
  words.forEach((word, index) => {
    const domain = lexicon.domain.has(lexicon.resolveWord(word).word);
    anchored ||= domain;
    if (lexicon.stopwords.has(word) || /^\d+$/.test(word)) {
      return;
    }
    content += 1;
    explained += covered[index] || domain ? 1 : 0;
  });
  // Add-one smoothing: one stray word in a short message must not sink it.
  const coverage = (explained + 1) / (content + 1);
  const topical = anchored || explained === content ? 1 : OFF_TOPIC_FACTOR;
  return (COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * coverage) * topical;
}
