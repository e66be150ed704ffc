/**
 * Dates, times and numbers as the reader's locale writes them, through Intl, in the tenant's time zone
 * when one is configured (else UTC, the zone of the product's own dates).
 */
export interface FormatOptions {
  /** A BCP 47 tag, e.g. "ja-JP". */
  locale: string;
  /** An IANA zone, e.g. "Europe/Berlin". */
  timeZone?: string | undefined;
}

/** A calendar day ("1. Oktober 2025", "2025年10月1日"); an ISO date ("2025-10-01") is that day wherever. */
export function formatDay(value: Date | string, { locale, timeZone }: FormatOptions): string {
  const isoDay = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = typeof value === "string" ? new Date(isoDay ? `${value}T00:00:00Z` : value) : value;
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: isoDay ? "UTC" : (timeZone ?? "UTC"),
  }).format(date);
}

/** A moment with its time ("1. Oktober 2025, 14:05"). */
export function formatDateTime(value: Date | string, { locale, timeZone }: FormatOptions): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: timeZone ?? "UTC",
  }).format(typeof value === "string" ? new Date(value) : value);
}

export function formatNumber(value: number, { locale }: FormatOptions): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** A reader's locale as the functions above take it. */
export function intlOf(locale: { tag: string; timeZone?: string | undefined }): FormatOptions {
  return { locale: locale.tag, timeZone: locale.timeZone };
}

/** A moment with its zone's short name, as the reader writes it: "12 Nov 2026, 09:05 UTC", "12. Nov. 2026, 10:05 MEZ". */
export function formatMoment(value: Date, { locale, timeZone }: FormatOptions): string {
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
    timeZone: timeZone ?? "UTC",
    timeZoneName: "short",
  }).format(value);
}
