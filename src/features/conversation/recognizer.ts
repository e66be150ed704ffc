/**
 * recognize(text): which job a chat message asks for, with no network and no model.
 *
 * Normalise, resolve typos word by word against the vocabulary, find its phrases, score each intent by
 * the weights of its phrases, then decide: the best intent must be confident enough (evidence, discounted
 * when much of the message is unexplained) and clearly ahead of the next; otherwise "unknown", and the bot
 * shows its help card.
 */
import { contextFactor } from "./context";
import { detectLanguage } from "./detect-language";
import { extractEntities, reportOptionIn } from "./entities";
import type { Intent, Recognition, ScoredIntent } from "./intents";
import { INTENTS, REGISTER_INTENT_FOR, REGISTER_INTENTS, SOFT_INTENTS } from "./intents";
import { hasJapaneseScript, segmentJapanese } from "./japanese";
import type { Language } from "./languages";
import { isLanguage } from "./languages";
import type { Lexicon, PhraseTarget } from "./lexicon";
import { lexiconFor } from "./lexicon";
import { normaliseStripped, stripMarkup } from "./normalise";
import { japanesePersonIn, personIn } from "./person";
import type { PhraseMatch } from "./phrase-matcher";
import { matchPhrases } from "./phrase-matcher";

/** Below this confidence the answer is "unknown". */
export const CONFIDENCE_THRESHOLD = 0.5;
/** The winner must lead the runner-up by this share of its own score. */
export const MIN_MARGIN = 0.3;
/** Evidence at which confidence (before coverage) is one half. */
const HALF_CONFIDENCE_SCORE = 0.5;
/** A registration cue with no method named ("how do I set up") is only a hint. */
const CUE_ONLY_FACTOR = 0.5;
/** What the words after a content opener ("tell everyone to ...") still count for other intents. */
const AFTER_OPENER_FACTOR = 0.25;
const LATIN_LANGUAGES: readonly Language[] = ["en", "de", "fr", "es"];

export interface RecognizeOptions {
  /** The asker's locale ("de-DE"): breaks a tie between languages and is tried when the words do not tell. */
  locale?: string;
}

/**
 * The job a message asks for, in whichever supported language it is written. The languages its words point
 * to are tried first, then the asker's locale, then English; the first that understands the message answers
 * and, when the words showed it, names the message's language. A message in a language the bot does not
 * speak is `unknown` with language "other".
 */
export function recognize(text: string, options: RecognizeOptions = {}): Recognition {
  const markupFree = stripMarkup(text);
  const normalised = normaliseStripped(markupFree);
  if (normalised === "") {
    return { intent: INTENTS.unknown, confidence: 0, entities: {}, normalised };
  }
  const evidence = detectLanguage(markupFree, normalised.split(" "), vocabularyEvidence(normalised));
  const hint = options.locale?.slice(0, 2).toLowerCase();
  const japanese = hasJapaneseScript(markupFree) || /\p{Script=Han}/u.test(markupFree);
  const fallbacks = [...(evidence.ranked.length > 0 ? ["en"] : LATIN_LANGUAGES), ...(japanese ? ["ja"] : [])];
  const order = [
    ...new Set([...evidence.ranked, ...(hint && isLanguage(hint) ? [hint] : []), ...fallbacks]),
  ].filter((language) => japanese || language !== "ja") as Language[];
  let best: Recognition | undefined;
  for (const language of order) {
    const result = recognizeIn(lexiconFor(language), markupFree, normalised);
    if (result.intent !== INTENTS.unknown) {
      const shown = (evidence.scores.get(language) ?? 0) > 0 || language !== "en";
      return shown ? { ...result, language } : result;
    }
    best = best && best.confidence >= result.confidence ? best : result;
  }
  const language = evidence.other ? "other" : evidence.ranked[0];
  const unknown = best ?? { intent: INTENTS.unknown, confidence: 0, entities: {}, normalised };
  return language ? { ...unknown, language } : unknown;
}

/** Words only one language's vocabulary holds ("verschieben", "informe"): evidence of that language. */
function vocabularyEvidence(normalised: string): Map<Language, number> {
  const english = lexiconFor("en").vocabularyWords;
  const words = normalised.split(" ");
  return new Map(
    (["de", "fr", "es"] as const).map((language) => {
      const own = lexiconFor(language).vocabularyWords;
      return [
        language,
        words.filter((word) => word.length >= 4 && own.has(word) && !english.has(word)).length * 0.5,
      ];
    }),
  );
}

function recognizeIn(lexicon: Lexicon, markupFree: string, normalised: string): Recognition {
  const japanese = lexicon.language === "ja";
  const japaneseName = japanese ? japanesePersonIn(normalised) : undefined;
  const split = lexicon.matchWords(japaneseName ? japaneseName.rest : normalised);
  const all = japanese
    ? segmentJapanese(split, lexicon.segmentation).filter((word) => !lexicon.fillers.has(word))
    : split;
  // A person's name ("is ben affected?") is explained by the question, not unexplained noise.
  const person = japanese ? undefined : personIn(lexicon, all);
  const words = person ? [...all.slice(0, person.start), ...all.slice(person.end)] : all;
  const matches = matchPhrases(lexicon, words.map(lexicon.resolveWord));
  const entities = extractEntities(markupFree, normalised, matches);
  const personName = person?.name ?? japaneseName?.name;
  if (personName) {
    entities.person = personName;
  }
  const scores = scoreIntents(matches, entities.method ? REGISTER_INTENT_FOR[entities.method] : undefined);
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1] || helpFirst(a[0], b[0]));
  const [top, score] = ranked[0] ?? [INTENTS.unknown, 0];
  const confidence = round(
    (score / (score + HALF_CONFIDENCE_SCORE)) * contextFactor(lexicon, words, matches),
  );
  const rival = ranked.find(
    ([intent]) => intent !== top && (SOFT_INTENTS.has(top) || !SOFT_INTENTS.has(intent)),
  );
  const bothSoft = rival !== undefined && SOFT_INTENTS.has(top) && SOFT_INTENTS.has(rival[0]);
  const margin = score > 0 ? (score - (rival?.[1] ?? 0)) / score : 0;
  const clear = bothSoft || margin >= MIN_MARGIN;
  const intent: Intent = score > 0 && confidence >= CONFIDENCE_THRESHOLD && clear ? top : INTENTS.unknown;
  const reportOption =
    intent === INTENTS.report
      ? reportOptionIn(words.map((word) => lexicon.resolveWord(word).word))
      : undefined;
  if (reportOption) {
    entities.reportOption = reportOption;
  }
  return { intent, confidence, entities, normalised };
}

/** Scores per intent; the register intents compete as one family, led by the method named. */
function scoreIntents(
  matches: readonly PhraseMatch[],
  namedRegister: ScoredIntent | undefined,
): Map<ScoredIntent, number> {
  const scores = new Map<ScoredIntent, number>();
  let family = 0;
  let cues = 0;
  const opener = matches.find((match) => match.phrase.opens);
  for (const { phrase, start, score: matched } of matches) {
    const { target } = phrase;
    const subject = opener !== undefined && start >= opener.end && !sameIntent(target, opener.phrase.target);
    const score = subject ? matched * AFTER_OPENER_FACTOR : matched;
    if (target.kind === "intent" && !REGISTER_INTENTS.has(target.intent)) {
      scores.set(target.intent, (scores.get(target.intent) ?? 0) + score);
    } else if (target.kind === "intent" || target.kind === "method") {
      family += score;
    } else if (target.kind === "cue") {
      cues += score;
    }
  }
  const familyScore = family > 0 ? family + cues : cues * CUE_ONLY_FACTOR;
  if (familyScore > 0) {
    scores.set(namedRegister ?? INTENTS.registerMfaMethod, familyScore);
  }
  return scores;
}

function sameIntent(a: PhraseTarget, b: PhraseTarget): boolean {
  return a.kind === "intent" && b.kind === "intent" && a.intent === b.intent;
}

/** Between a greeting and a request for help that score the same, help is the more useful answer. */
function helpFirst(a: ScoredIntent, b: ScoredIntent): number {
  return Number(b === INTENTS.help) - Number(a === INTENTS.help);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
