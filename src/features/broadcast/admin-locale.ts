import type { TFunction } from "i18next";

import type { Actor } from "../../domain/actor";
import { ENGLISH, type Locale } from "../../domain/language";
import { textsFor } from "../../i18n/i18n";

/** The actor's texts: their language, English when Teams did not say. */
export const textsOf = (actor: Actor): TFunction => textsFor(actor.locale ?? ENGLISH);

/** The admin's locale, with the tenant's time zone ("send at" is read and shown in it). */
export function localeOf(actor: Actor, timeZone: string | undefined): Locale {
  const locale = actor.locale ?? ENGLISH;
  return timeZone ? { ...locale, timeZone } : locale;
}

/** The compose, preview and scheduled views' locale options. */
export function formFor(actor: Actor, timeZone: string | undefined): { locale: Locale; timeZone?: string } {
  return { locale: localeOf(actor, timeZone), ...(timeZone ? { timeZone } : {}) };
}
