import type { TFunction } from "i18next";

import { ENGLISH, type Locale } from "../../domain/language";
import { formatDateTime, intlOf } from "../../i18n/format";
import { textsFor } from "../../i18n/i18n";

/** One reader's strings and formats: every text the registration features write goes through it. */
export interface Texts {
  locale: Locale;
  /** i18next's translate function of the reader's language ("registration.step.next"). */
  t: TFunction;
  /** A moment in the reader's locale and the tenant's time zone ("2 Dec 2026, 07:15 UTC" when none is set). */
  time(date: Date | string): string;
  /** "a, b and c" as the reader's language writes a list. */
  list(items: readonly string[]): string;
}

export function textsOf(locale: Locale = ENGLISH): Texts {
  const t = textsFor(locale);
  const lists = new Intl.ListFormat(locale.tag, { style: "long", type: "conjunction" });
  return {
    locale,
    t,
    time: (date) => {
      const formatted = formatDateTime(date, intlOf(locale));
      // Without a configured zone the product's times are UTC: say so, as Intl would not.
      return locale.timeZone ? formatted : `${formatted} UTC`;
    },
    list: (items) => lists.format(items),
  };
}
