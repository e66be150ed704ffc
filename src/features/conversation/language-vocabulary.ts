/**
 * The shape of one language's vocabulary: phrases per intent with weights, the words naming a method, the
 * cue words of a registration request, the words of the domain, the words that carry no meaning, and how
 * a question names another person. English (vocabulary.ts) is the model; each other language has its file.
 * Weights: about 1.5-2 for a phrase that alone says the job, about 1 for a strong word, below 0.6 for a hint.
 */
import type { Method, ScoredIntent } from "./intents";

export type Weights = Readonly<Record<string, number>>;

/** How a status question names someone else ("is ben affected?", "ist Ben betroffen?", "statut de ben"). */
export interface PersonCues {
  /** A question opens with one of these and the name follows: "is", "est ce que", "ist". */
  questions: readonly string[];
  /** The name ends before one of these: "affected", "betroffen", "concerne". */
  afterName: readonly string[];
  /** The name follows one of these to the end: "status of", "statut de". */
  prefixes: readonly string[];
  /** The name comes first and one of these follows it: "ben est il concerne", "dana esta lista". */
  nameThen: readonly string[];
}

export interface LanguageVocabulary {
  intents: Readonly<Partial<Record<ScoredIntent, Weights>>>;
  /** Phrases after which the rest of the message is the job's subject ("tell everyone to …"). */
  openers: Readonly<Partial<Record<ScoredIntent, Weights>>>;
  registerCues: Weights;
  methods: Readonly<Partial<Record<Method, Weights>>>;
  /** Words of the domain: they score nothing but make a message on-topic. */
  domain: readonly string[];
  /** Words that neither help nor hurt coverage. */
  stopwords: readonly string[];
  /** Words dropped before matching ("a", "the", "bitte"). */
  fillers: readonly string[];
  person: PersonCues;
}
