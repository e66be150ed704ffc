/**
 * The product's strings, from one resource file per language (resources/<language>.json), through
 * i18next: it resolves keys, falls back to English per key, interpolates and pluralises by the CLDR
 * rules Intl gives it, which a hand-written lookup would have to redo. Loaded synchronously at start-up:
 * the resources are part of the build, nothing is fetched.
 */
import { createInstance, type TFunction } from "i18next";

import type { Language } from "../features/conversation/languages";
import { LANGUAGES } from "../features/conversation/languages";
import de from "./resources/de.json";
import en from "./resources/en.json";
import es from "./resources/es.json";
import fr from "./resources/fr.json";
import ja from "./resources/ja.json";

export const RESOURCES: Readonly<Record<Language, object>> = { en, de, fr, es, ja };

const i18n = createInstance();
void i18n.init({
  initAsync: false,
  resources: Object.fromEntries(
    LANGUAGES.map((language) => [language, { translation: RESOURCES[language] }]),
  ),
  lng: "en",
  fallbackLng: "en",
  supportedLngs: [...LANGUAGES],
  // Card text is escaped where it is shown (adaptive cards, Markdown), not here.
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** The translate function of one language. */
export function translator(language: Language): TFunction {
  return i18n.getFixedT(language);
}

/**
 * Every string of one card in a language, English filling any key the language lacks: the templates read
 * them as `${s.key}`, so a card template holds no text of its own.
 */
export function cardStrings(language: Language, card: string): Record<string, string> {
  const english = i18n.getResource("en", "translation", `cards.${card}`) as
    Record<string, string> | undefined;
  const own = i18n.getResource(language, "translation", `cards.${card}`) as
    Record<string, string> | undefined;
  return { ...english, ...own };
}
