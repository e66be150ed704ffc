import { ENFORCEMENT_PHASES, type EnforcementPhase } from "./timeline";

/**
 * Postponement rules over the timeline (timeline.ts holds the dates). Pure: every function takes `now`.
 *
 * A postponement picks the date enforcement starts for the tenant; Microsoft lets a Global Administrator
 * pick any date up to the phase's last self-service date. The picked date must lie after today (UTC), so
 * the window is open while today is before that last date, and closed from that day on (the same rule as
 * timeline.canStillPostpone). Phase 1b (Microsoft 365 admin center) follows phase 1, so requests name
 * phase 1 or phase 2.
 */
export type RequestablePhase = "1" | "2";

export const REQUESTABLE_PHASES: readonly RequestablePhase[] = ["1", "2"];

/**
 * After the self-service window, only Microsoft Support can lift enforcement, temporarily. Microsoft
 * publishes no maximum; the product asks for at most this many days so a request stays temporary.
 */
export const SUPPORT_LIFT_MAX_DAYS = 90;

/** How many days before a postponed date runs out the Global Administrators are reminded. */
export const REMINDER_DAYS_BEFORE = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

/** "2026-11-28" for the UTC day of `date`. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The UTC day `days` after `day` ("YYYY-MM-DD"). */
export function addDays(day: string, days: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/** Whole days from `from` to `to` (both "YYYY-MM-DD"). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function isRequestablePhase(value: unknown): value is RequestablePhase {
  return value === "1" || value === "2";
}

export function timelinePhase(phase: RequestablePhase): EnforcementPhase {
  const found = ENFORCEMENT_PHASES.find((candidate) => candidate.phase === phase);
  if (found === undefined) {
    throw new RangeError(`phase ${phase} is missing from the timeline`);
  }
  return found;
}

/** Where a phase stands today: enforcement date, last self-service date, and whether that is still possible. */
export interface PhasePostponement {
  phase: RequestablePhase;
  covers: string;
  enforcedFrom: string;
  /** The latest date a Global Administrator can pick without Microsoft Support. */
  lastSelfServiceDate: string;
  postponementUrl: string;
  /** Self-service postponement is still possible today. */
  open: boolean;
  /** Open: days until the last date (at least 1). Closed: days since it passed (0 on the day itself). */
  days: number;
}

export function phasePostponement(phase: RequestablePhase, now: Date): PhasePostponement {
  const entry = timelinePhase(phase);
  const today = utcDay(now);
  const last = entry.selfServicePostponementUntil;
  const open = today < last;
  return {
    phase,
    covers: entry.covers,
    enforcedFrom: entry.enforcedFrom,
    lastSelfServiceDate: last,
    postponementUrl: entry.postponementUrl,
    open,
    days: open ? daysBetween(today, last) : daysBetween(last, today),
  };
}

export function allPhasePostponements(now: Date): PhasePostponement[] {
  return REQUESTABLE_PHASES.map((phase) => phasePostponement(phase, now));
}

/** The dates a request may ask for, both ends included, and how the ask would be carried out. */
export interface AllowedDates {
  earliest: string;
  latest: string;
  /** selfService: a Global Administrator picks the date in the portal; support: Microsoft Support lifts it. */
  route: "selfService" | "support";
}

export function allowedDates(phase: RequestablePhase, now: Date): AllowedDates {
  const state = phasePostponement(phase, now);
  const earliest = addDays(utcDay(now), 1);
  return state.open
    ? { earliest, latest: state.lastSelfServiceDate, route: "selfService" }
    : { earliest, latest: addDays(utcDay(now), SUPPORT_LIFT_MAX_DAYS), route: "support" };
}

/** Whether `day` ("YYYY-MM-DD", a real calendar day) is one a request for `phase` may ask for today. */
export function isAllowedDate(phase: RequestablePhase, day: string, now: Date): boolean {
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(day) ||
    Number.isNaN(Date.parse(`${day}T00:00:00Z`)) ||
    addDays(day, 0) !== day
  ) {
    return false;
  }
  const { earliest, latest } = allowedDates(phase, now);
  return day >= earliest && day <= latest;
}

/** When to remind the Global Administrators before `until` runs out: 14 days before, or now when that has passed. */
export function reminderTime(until: string, now: Date): Date {
  const planned = Date.parse(`${addDays(until, -REMINDER_DAYS_BEFORE)}T08:00:00Z`);
  return new Date(Math.max(planned, now.getTime()));
}
