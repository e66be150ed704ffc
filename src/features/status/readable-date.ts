/** Dates as people read them on a card, in UTC so every viewer and every test sees the same text. */
const DAY = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const TIME = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
  timeZone: "UTC",
});
const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** "12 Nov 2026"; an unreadable value comes back as "an unknown date". */
export function readableDay(iso: string | Date): string {
  const date = typeof iso === "string" ? new Date(iso) : iso;
  return Number.isNaN(date.getTime()) ? "an unknown date" : DAY.format(date);
}

/** "12 Nov 2026, 08:01 UTC" */
export function readableTime(date: Date): string {
  return `${readableDay(date)}, ${TIME.format(date)} UTC`;
}

/** "October 2024" */
export function readableMonth(iso: string): string {
  return MONTH.format(new Date(iso));
}
