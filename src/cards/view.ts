import type { Locale } from "../domain/language";
import { renderCard } from "./render";
import type { AdaptiveCardJson } from "./types";

/**
 * What every feature answers with: a template in adaptiveCards/ and its data. The bot renders it in the
 * reader's locale (the template's own strings come from the resources, `s` in the template); the data's
 * strings are already in that locale, written by the feature with textsFor(actor.locale).
 */
export interface View<Template extends string = string, Data extends object = object> {
  template: Template;
  data: Data;
}

export function view<Template extends string, Data extends object>(
  template: Template,
  data: Data,
): View<Template, Data> {
  return { template, data };
}

export function renderView(shown: View, locale?: Pick<Locale, "language">): AdaptiveCardJson {
  return renderCard(shown.template, shown.data, locale?.language);
}
