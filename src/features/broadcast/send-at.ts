/**
 * "Send at" a date and time as the tenant's clocks show it (TIME_ZONE, else UTC), to the instant the
 * scheduler stores. Intl knows the zones' rules (summer time included); the offset is read for the
 * guessed instant and once more for the corrected one, so a time next to a change lands right.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::\d{2})?$/;

/** The zone's wall clock at an instant, as two-digit parts (year four). */
function wallParts(at: Date, timeZone: string): Record<string, string> {
  return Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
}

function offsetMs(at: number, timeZone: string): number {
  const parts = wallParts(new Date(at), timeZone);
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - Math.floor(at / 1000) * 1000;
}

/** The instant of a wall-clock date ("2026-12-08") and time ("09:00") in a zone; undefined when malformed. */
export function zonedInstant(date: string, time: string, timeZone = "UTC"): Date | undefined {
  const d = DATE.exec(date.trim());
  const t = TIME.exec(time.trim() || "00:00");
  if (!d || !t) {
    return undefined;
  }
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) {
    return undefined;
  }
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(wall).getUTCDate() !== day) {
    return undefined;
  }
  const first = wall - offsetMs(wall, timeZone);
  return new Date(wall - offsetMs(first, timeZone));
}

/** An instant back as the zone's wall clock, for the compose form ("Edit"). */
export function wallClock(iso: string, timeZone = "UTC"): { date: string; time: string } {
  const parts = wallParts(new Date(iso), timeZone);
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}
