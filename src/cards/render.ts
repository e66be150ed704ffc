import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import * as ACData from "adaptivecards-templating";

import type { Language } from "../domain/language";
import { cardStrings } from "../i18n/i18n";
import { type AdaptiveCardJson, CardTemplateError } from "./types";
import { VERBS } from "./verbs";

/** adaptiveCards/ at the package root: two levels up from src/cards and from dist/cards alike. */
export const TEMPLATE_DIR = path.resolve(__dirname, "..", "..", "adaptiveCards");

const NAME = /^[a-z0-9-]+$/;

export interface CardRenderer {
  /** The card in a language: its strings (resources cards.<name>) are given to the template as `s`. */
  render(name: string, data: object, language?: Language): AdaptiveCardJson;
  /** Every template name in the folder, sorted. */
  names(): string[];
}

/**
 * Renders `adaptiveCards/<name>.json` with adaptivecards-templating. Data values are never evaluated
 * as template expressions (the library substitutes them as values; a test guards that), the verb map
 * is always injected as `verbs`, and a `${field}` the data lacks is an error rather than literal text
 * on a user's screen (optional parts use `$when`, which does not count as missing).
 */
export function createCardRenderer(directory: string = TEMPLATE_DIR): CardRenderer {
  const templates = new Map<string, ACData.Template>();

  const load = (name: string): ACData.Template => {
    if (!NAME.test(name)) {
      throw new CardTemplateError(
        "invalid-name",
        name,
        `Card template names are lower-case letters, digits and dashes: "${name}"`,
      );
    }
    const cached = templates.get(name);
    if (cached) {
      return cached;
    }
    const file = path.join(directory, `${name}.json`);
    if (!existsSync(file)) {
      throw new CardTemplateError("unknown-template", name, `No card template "${name}" in ${directory}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, "utf8"));
    } catch (err) {
      throw new CardTemplateError(
        "invalid-template",
        name,
        `Card template "${name}" is not valid JSON: ${(err as Error).message}`,
      );
    }
    const template = new ACData.Template(json);
    templates.set(name, template);
    return template;
  };

  return {
    render(name, data, language = "en") {
      const template = load(name);
      const missing: string[] = [];
      const previous = ACData.GlobalSettings.getUndefinedFieldValueSubstitutionString;
      // The library reports an undefined field only through this global hook; expansion is synchronous.
      ACData.GlobalSettings.getUndefinedFieldValueSubstitutionString = (field) => {
        missing.push(field);
        return undefined;
      };
      let card: AdaptiveCardJson;
      try {
        card = template.expand({
          $root: { s: cardStrings(language, name), ...data, verbs: VERBS },
        }) as AdaptiveCardJson;
      } finally {
        ACData.GlobalSettings.getUndefinedFieldValueSubstitutionString = previous;
      }
      if (missing.length > 0) {
        throw new CardTemplateError(
          "missing-data",
          name,
          `Card "${name}" needs data it was not given: ${missing.join(", ")}`,
        );
      }
      if (card?.type !== "AdaptiveCard" || card.id !== name) {
        throw new CardTemplateError(
          "invalid-template",
          name,
          `Card template "${name}" must be an AdaptiveCard whose id is "${name}"`,
        );
      }
      return card;
    },
    names() {
      return readdirSync(directory)
        .filter((file) => file.endsWith(".json"))
        .map((file) => file.slice(0, -".json".length))
        .sort();
    },
  };
}

const shared = createCardRenderer();

/** Renders a template from adaptiveCards/ with the given view-model data. */
export function renderCard(name: string, data: object, language?: Language): AdaptiveCardJson {
  return shared.render(name, data, language);
}
