/**
 * Another person a status question names: "is ben affected?", "status of ben carter", "check ben's
 * status". Only a word that is no vocabulary word, stopword or pronoun can be a name, so "is my cli
 * affected" or "is everyone affected" name nobody.
 */
import { resolveWord, vocabularyWords } from "./lexicon";
import { STOPWORDS } from "./words";

const NOT_A_NAME: ReadonlySet<string> = new Set([
  "everyone",
  "everybody",
  "anyone",
  "anybody",
  "someone",
  "somebody",
  "nobody",
  "he",
  "she",
  "they",
  "them",
  "this",
  "that",
  "these",
  "those",
  "there",
  "my",
  "our",
  "your",
  "their",
  "his",
  "her",
  "user",
  "users",
  "account",
  "accounts",
  "admin",
  "admins",
  "tenant",
  "organisation",
  "organization",
  "company",
  "team",
]);
const AFTER_NAME: ReadonlySet<string> = new Set([
  "affected",
  "ready",
  "impacted",
  "in",
  "need",
  "needs",
  "still",
]);
const QUESTION: ReadonlySet<string> = new Set(["is", "does", "has", "was", "will"]);
const MAX_NAME_WORDS = 3;

const nameWord = (word: string) =>
  /^[a-z][a-z'-]{0,40}$/.test(word) &&
  !STOPWORDS.has(word) &&
  !NOT_A_NAME.has(word) &&
  !vocabularyWords.has(word) &&
  !vocabularyWords.has(resolveWord(word).word);

/** Where the name is in the words ([start, end)), if the message asks about someone by name. */
export function personIn(words: readonly string[]): { name: string; start: number; end: number } | undefined {
  const nameFrom = (start: number, until: number) => {
    let end = start;
    while (end < until && end - start < MAX_NAME_WORDS && nameWord(words[end]!)) {
      end += 1;
    }
    return end > start && end === until ? { name: words.slice(start, end).join(" "), start, end } : undefined;
  };
  const first = words[0] ?? "";
  if (QUESTION.has(first)) {
    const stop = words.findIndex((word, index) => index > 0 && AFTER_NAME.has(word));
    return stop > 1 ? nameFrom(1, stop) : undefined;
  }
  if ((first === "status" || first === "verdict") && (words[1] === "of" || words[1] === "for")) {
    return nameFrom(2, words.length);
  }
  if (first === "check" && words.at(-1) === "status" && words.length > 2) {
    return nameFrom(1, words.length - 1);
  }
  return undefined;
}
