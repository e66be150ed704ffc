/**
 * The product's strings, from resource files per language and area (resources/<language>/<area>.json),
 * through i18next: it resolves keys, falls back to English per key, interpolates and pluralises by the
 * CLDR rules Intl gives it, which a hand-written lookup would have to redo. Loaded synchronously at
 * start-up: the resources are part of the build, nothing is fetched.
 */
import { createInstance, type TFunction } from "i18next";

import { type Language, LANGUAGES, type Locale } from "../domain/language";
import { RESOURCE_FILES } from "./resources";

type Tree = { [key: string]: string | Tree };

function merge(into: Tree, from: Tree): Tree {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    into[key] =
      typeof value === "object" && typeof existing === "object" ? merge({ ...existing }, value) : value;
  }
  return into;
}

/** Every language's strings, the areas' files merged into one tree. */
export const RESOURCES: Readonly<Record<Language, Tree>> = Object.fromEntries(
  LANGUAGES.map((language) => [
    language,
    (RESOURCE_FILES[language] as readonly Tree[]).reduce<Tree>((tree, file) => merge(tree, file), {}),
  ]),
) as Record<Language, Tree>;

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

/** The i18next context of the third-person texts (`key_them`). */
const THIRD_PERSON = "them";

/**
 * The translate function of a reader's locale (`t("status.headline.ready")`). For a text about someone
 * else (`locale.about`), each key's `_them` form is taken where one exists (i18next's context), with
 * `{{subject}}` the person's name: "Ben Carter is affected", not "You are affected" read by an admin.
 */
export function textsFor(locale: Pick<Locale, "language" | "about">): TFunction {
  const t = i18n.getFixedT(locale.language);
  const about = locale.about;
  if (about === undefined) {
    return t;
  }
  const aboutThem = (key: string | string[], options?: object | string) =>
    t(key, {
      context: THIRD_PERSON,
      subject: about,
      ...(typeof options === "string" ? { defaultValue: options } : options),
    });
  return aboutThem as unknown as TFunction;
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

/**
 * Replaces English with a pseudo-locale (every string wrapped in ⟦…⟧, interpolations kept), so a run shows
 * each string that did not come from the resources: the pseudo-locale tests call it.
 */
export function usePseudoEnglish(): void {
  const wrap = (tree: Tree): Tree =>
    Object.fromEntries(
      Object.entries(tree).map(([key, value]) => [
        key,
        typeof value === "string" ? `⟦${value}⟧` : wrap(value),
      ]),
    );
  i18n.addResourceBundle("en", "translation", wrap(RESOURCES.en), true, true);
}
