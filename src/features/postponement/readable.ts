import type { Locale } from "../../domain/language";
import { formatMoment, intlOf } from "../../i18n/format";
import { textsFor } from "../../i18n/i18n";

/**
 * Dates as the reader's locale writes them on a postponement card: a calendar day ("30 Sept 2025",
 * "30. Sept. 2025", "2025年9月30日"), a moment with its zone ("28 Nov 2026, 10:01 UTC"), a month.
 */
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function dateOf(value: string | Date): Date {
  return typeof value === "string" ? new Date(ISO_DAY.test(value) ? `${value}T00:00:00Z` : value) : value;
}

/** A calendar day; an ISO date ("2025-10-01") is that day in every zone. */
export function dayIn(locale: Locale, value: string | Date): string {
  const date = dateOf(value);
  if (Number.isNaN(date.getTime())) {
    return textsFor(locale)("postponement.unknownDate");
  }
  const isoDay = typeof value === "string" && ISO_DAY.test(value);
  return new Intl.DateTimeFormat(locale.tag, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: isoDay ? "UTC" : (locale.timeZone ?? "UTC"),
  }).format(date);
}

/** A moment, with its time and zone, in the tenant's time zone (UTC when none is configured). */
export function timeIn(locale: Locale, value: string | Date): string {
  const date = dateOf(value);
  if (Number.isNaN(date.getTime())) {
    return textsFor(locale)("postponement.unknownDate");
  }
  return formatMoment(date, intlOf(locale));
}

/** "October 2024", "Oktober 2024", "2024年10月". */
export function monthIn(locale: Locale, value: string): string {
  return new Intl.DateTimeFormat(locale.tag, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    dateOf(value),
  );
}
