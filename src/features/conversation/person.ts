/**
 * Another person a status question names: "is ben affected?", "status of ben carter", "check ben's
 * status", "ist Ben betroffen?", "Ben est-il concerné ?", "¿está Ben afectado?", "ベンさんは影響を受けますか".
 * Only a word that is no vocabulary word, stopword or pronoun of the language can be a name, so "is my cli
 * affected" or "is everyone affected" name nobody.
 */
import type { Lexicon } from "./lexicon";

// prettier-ignore
const NOT_A_NAME: ReadonlySet<string> = new Set(
  ("everyone everybody anyone anybody someone somebody nobody he she they them this that these those there " +
    "my our your their his her user users account accounts admin admins tenant organisation organization " +
    "company team jemand alle niemand er sie es mein meine unser tout tous quelqu personne il elle mon ma " +
    "todos alguien nadie el ella mi nuestra nuestro usted vous ich je yo moi mich")
    .split(" "),
);
const MAX_NAME_WORDS = 3;
/** A Japanese name before an honorific: katakana (with the long-vowel mark), kanji, or Latin letters. */
const JAPANESE_NAME =
  /((?:[\p{Script=Katakana}\u30fc]+ ?){1,3}|\p{Script=Han}{1,4}|[a-z][a-z'-]{0,40}(?: [a-z][a-z'-]{0,40})?) ?(?:さん|様|さま|氏|くん)/u;

export interface PersonFound {
  name: string;
  start: number;
  end: number;
}

/** Where the name is in the words ([start, end)), if the message asks about someone by name. */
export function personIn(lexicon: Lexicon, words: readonly string[]): PersonFound | undefined {
  const nameWord = (word: string) =>
    /^[a-z][a-z'-]{0,40}$/.test(word) &&
    !lexicon.stopwords.has(word) &&
    !NOT_A_NAME.has(word) &&
    !lexicon.vocabularyWords.has(word) &&
    !lexicon.vocabularyWords.has(lexicon.resolveWord(word).word);
  const nameFrom = (start: number, until: number) => {
    let end = start;
    while (end < until && end - start < MAX_NAME_WORDS && nameWord(words[end]!)) {
      end += 1;
    }
    return end > start && end === until ? { name: words.slice(start, end).join(" "), start, end } : undefined;
  };
  const cues = lexicon.person;
  const startsWith = (phrase: string, at = 0) => {
    const parts = phrase.split(" ");
    return parts.every((part, offset) => words[at + offset] === part) ? parts.length : 0;
  };
  const stopAfter = (from: number) =>
    words.findIndex(
      (word, index) => index > from && (cues.afterName.includes(word) || cues.nameThen.includes(word)),
    );
  for (const question of cues.questions) {
    const length = startsWith(question);
    const stop = length > 0 ? stopAfter(length) : -1;
    const found = stop > length ? nameFrom(length, stop) : undefined;
    if (found) {
      return found;
    }
  }
  for (const prefix of cues.prefixes) {
    const length = startsWith(prefix);
    const found = length > 0 && words.length > length ? nameFrom(length, words.length) : undefined;
    if (found) {
      return found;
    }
  }
  for (const verb of cues.nameThen) {
    const at = words.findIndex(
      (word, index) => index > 0 && index <= MAX_NAME_WORDS && startsWith(verb, index) > 0,
    );
    const found = at > 0 && stopAfter(at) > at ? nameFrom(0, at) : undefined;
    if (found) {
      return found;
    }
  }
  if (lexicon.language === "en" && words[0] === "check" && words.at(-1) === "status" && words.length > 2) {
    return nameFrom(1, words.length - 1);
  }
  return undefined;
}

/** A Japanese question names someone with an honorific: "ベンさんは…". Cut out of the text it is found in. */
export function japanesePersonIn(normalised: string): { name: string; rest: string } | undefined {
  const found = JAPANESE_NAME.exec(normalised);
  if (!found?.[1]) {
    return undefined;
  }
  const rest = `${normalised.slice(0, found.index)} ${normalised.slice(found.index + found[0].length)}`;
  return { name: found[1].trim(), rest: rest.replace(/ +/g, " ").trim() };
}
