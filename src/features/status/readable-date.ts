import { ENGLISH, type Locale } from "../../domain/language";
import { formatDateTime, type FormatOptions, intlOf } from "../../i18n/format";
import { textsFor } from "../../i18n/i18n";

/**
 * Dates as people read them on a card, in the reader's locale and the tenant's time zone (UTC when none is
 * configured, so every viewer and every test sees the same text). Without a locale: British English, UTC.
 */
type DateLocale = Pick<Locale, "language" | "tag" | "timeZone">;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function dateOf(value: string | Date): Date {
  return typeof value === "string" ? new Date(ISO_DAY.test(value) ? `${value}T00:00:00Z` : value) : value;
}

/** A calendar day ("2025-10-01") is that day wherever the reader is; a moment is read in the tenant's zone. */
function zoneFor(value: string | Date, options: FormatOptions): string {
  return typeof value === "string" && ISO_DAY.test(value) ? "UTC" : (options.timeZone ?? "UTC");
}

/** "12 Nov 2026", "12. Nov. 2026", "2026年11月12日"; an unreadable value comes back as "an unknown date". */
export function readableDay(iso: string | Date, locale: DateLocale = ENGLISH): string {
  const date = dateOf(iso);
  if (Number.isNaN(date.getTime())) {
    return textsFor(locale)("status.card.unknownDate");
  }
  const options = intlOf(locale);
  return new Intl.DateTimeFormat(options.locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: zoneFor(iso, options),
  }).format(date);
}

/** The zone's own short name in the reader's language ("UTC", "MEZ", "JST"). */
function zoneName(date: Date, options: FormatOptions): string {
  const parts = new Intl.DateTimeFormat(options.locale, {
    timeZone: options.timeZone ?? "UTC",
    timeZoneName: "short",
  }).formatToParts(date);
  return parts.find((part) => part.type === "timeZoneName")?.value ?? options.timeZone ?? "UTC";
}

/** "12 Nov 2026, 08:01 UTC", "12.11.2026, 09:01 MEZ" */
export function readableTime(date: Date, locale: DateLocale = ENGLISH): string {
  const options = intlOf(locale);
  return `${formatDateTime(date, options)} ${zoneName(date, options)}`;
}

/** "October 2024", "Oktober 2024", "2024年10月" */
export function readableMonth(iso: string, locale: DateLocale = ENGLISH): string {
  const options = intlOf(locale);
  return new Intl.DateTimeFormat(options.locale, {
    month: "long",
    year: "numeric",
    timeZone: zoneFor(iso, options),
  }).format(dateOf(iso));
}
