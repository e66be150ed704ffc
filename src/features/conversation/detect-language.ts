/**
 * Which language a message is written in, from its script, its function words and its accented letters:
 * no model, no network. The answer ranks the supported languages by evidence and says when the message
 * is plainly in another language (Cyrillic, Korean, Italian…), so the bot can say which languages it speaks.
 */
import type { Language, MessageLanguage } from "./languages";
import { normalise } from "./normalise";

type Scored = MessageLanguage | "it" | "pt" | "nl" | "pl" | "sv" | "tr";

// prettier-ignore
const FUNCTION_WORDS: Readonly<Record<Exclude<Scored, "ja" | "other">, string>> = {
  en: "i a an am my is are the what do does how can will me to of for who not with it this you please be have need should when which there our we",
  de: "ich bin mein meine meinen ist sind der das was wie kann können muss mich mir nicht für und mit wer noch schon bitte habe ein eine einen du wir uns zu von auf werde wird gibt es den dem ab bis wann welche alle",
  fr: "je suis mon ma mes est sont le les que qui quoi comment peux puis dois moi pas pour et avec une des du ce ça tu vous nous il elle svp ai j l d n qu c sur au aux vais va quel quelle quand tout de la",
  es: "yo soy estoy mi mis son el los las qué quien quién cómo como puedo puedes debo tengo para y con una del esto esta este por favor hay usted al lo se su cuál cual cuándo todos de la me te nos a van voy",
  it: "sono io il gli della dello dalla dal alla nel dei che cosa come posso devo per non con una del questo questa grazie ciao aiuto buongiorno",
  pt: "eu sou estou meu minha os da do que como posso devo para não com uma este esta obrigado você vocês olá",
  nl: "ik ben mijn het een wat hoe kan moet niet voor met wie dit dat bedankt hallo hoi jij",
  pl: "jestem moje mój czy jak mogę muszę nie dla jest się dziękuję cześć",
  sv: "jag är min mitt och att det hur kan måste inte för med vem tack hej",
  tr: "ben benim bir ne nasıl için değil ile merhaba teşekkürler mı mi",
};

const WORD_SETS = new Map<Scored, ReadonlySet<string>>(
  Object.entries(FUNCTION_WORDS).map(([language, words]) => [
    language as Scored,
    new Set(words.split(" ").map((word) => normalise(word))),
  ]),
);

// prettier-ignore
const LETTERS: ReadonlyArray<[RegExp, Scored, number]> = [
  [/[äöüß]/g, "de", 1], [/[èêçœàùîôëû]/g, "fr", 1], [/é/g, "fr", 0.5], [/é/g, "es", 0.5],
  [/[ñ¿¡áíóú]/g, "es", 1], [/[ãõ]/g, "pt", 1.5], [/[łśżźąęćń]/g, "pl", 1.5], [/å/g, "sv", 1.5],
  [/[ışğ]/g, "tr", 1.5],
];

const OTHER_SCRIPT =
  /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Hangul}\p{Script=Thai}\p{Script=Devanagari}]/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HAN = /\p{Script=Han}/u;

export interface LanguageEvidence {
  /** Supported languages with any evidence, strongest first. */
  ranked: Language[];
  /** The evidence per supported language. */
  scores: ReadonlyMap<Language, number>;
  /** The message is plainly in a language the bot does not speak. */
  other: boolean;
}

export function detectLanguage(
  markupFree: string,
  normalisedWords: readonly string[],
  vocabulary: ReadonlyMap<Language, number> = new Map(),
): LanguageEvidence {
  const scores = new Map<Scored, number>(vocabulary);
  const add = (language: Scored, by: number) => scores.set(language, (scores.get(language) ?? 0) + by);
  if (KANA.test(markupFree)) {
    add("ja", 3);
  } else if (HAN.test(markupFree)) {
    add("other", 1);
  }
  if (OTHER_SCRIPT.test(markupFree)) {
    add("other", 3);
  }
  const lower = markupFree.toLowerCase();
  for (const [pattern, language, weight] of LETTERS) {
    add(language, Math.min(2, lower.match(pattern)?.length ?? 0) * weight);
  }
  for (const word of normalisedWords) {
    for (const [language, set] of WORD_SETS) {
      if (set.has(word)) {
        add(language, 1);
      }
    }
  }
  const supported = (["en", "de", "fr", "es", "ja"] as const).filter(
    (language) => (scores.get(language) ?? 0) > 0,
  );
  supported.sort((a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0));
  const best = supported[0] ? (scores.get(supported[0]) ?? 0) : 0;
  const otherBest = Math.max(
    0,
    ...[...scores].filter(([language]) => !isSupported(language)).map(([, score]) => score),
  );
  return {
    ranked: supported,
    scores: new Map(supported.map((language) => [language, scores.get(language) ?? 0])),
    other: otherBest > best && (otherBest >= 2 || best === 0),
  };
}

function isSupported(language: Scored): language is Language {
  return ["en", "de", "fr", "es", "ja"].includes(language);
}
