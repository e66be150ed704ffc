import {
  allowedDates,
  isAllowedDate,
  isRequestablePhase,
  type RequestablePhase,
} from "../../domain/postponement";
import { readableDay } from "../status/readable-date";

export const JUSTIFICATION_MIN = 20;
export const JUSTIFICATION_MAX = 1000;
export const AFFECTED_SYSTEMS_MIN = 3;
export const AFFECTED_SYSTEMS_MAX = 500;

/** What the form sends back (Action.Execute data): untrusted, any shape. */
export interface RequestFormInput {
  phase?: unknown;
  wantedDate?: unknown;
  justification?: unknown;
  affectedSystems?: unknown;
}

/** A valid request, as typed (trimmed). Template syntax such as ${x} is ordinary text here. */
export interface ValidRequest {
  phase: RequestablePhase;
  wantedDate: string;
  justification: string;
  affectedSystems: string;
}

export type FormField = keyof ValidRequest;

/** The values to show again in the form, cut to a sane length so a forged payload is not echoed whole. */
export type FormValues = Record<FormField, string>;

export type FormResult =
  | { ok: true; request: ValidRequest }
  | { ok: false; errors: Partial<Record<FormField, string>>; values: FormValues };

const ECHO_LIMIT = JUSTIFICATION_MAX + 100;

/** Text as a person meant it: a string, control characters (but tabs and newlines) removed, trimmed. */
function text(value: unknown): string {
  if (typeof value !== "string") {
    return "";
  }

  return value
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .trim();
}

function lengthError(value: string, min: number, max: number, what: string): string | undefined {
  if (value.length === 0) {
    return `Enter ${what}.`;
  }
  if (value.length < min) {
    return `Write at least ${min} characters (now ${value.length}).`;
  }
  if (value.length > max) {
    return `Keep it to ${max.toLocaleString("en-GB")} characters (now ${value.length.toLocaleString("en-GB")}).`;
  }
  return undefined;
}

function dateError(phase: RequestablePhase | undefined, day: string, now: Date): string | undefined {
  if (day.length === 0) {
    return "Pick a date.";
  }
  if (phase === undefined) {
    return undefined;
  }
  if (isAllowedDate(phase, day, now)) {
    return undefined;
  }
  const { earliest, latest, route } = allowedDates(phase, now);
  const range = `between ${readableDay(earliest)} and ${readableDay(latest)}`;
  return route === "selfService"
    ? `Pick a date ${range}: phase ${phase} cannot be postponed past ${readableDay(latest)}.`
    : `Pick a date ${range}: Microsoft Support lifts enforcement only for a while.`;
}

/** Checks the request form as of `now`; on failure, every problem at once and the values to show again. */
export function validateRequestForm(input: RequestFormInput, now: Date): FormResult {
  const phaseText = text(input.phase);
  const phase = isRequestablePhase(phaseText) ? phaseText : undefined;
  const values: FormValues = {
    phase: phase ?? "",
    wantedDate: text(input.wantedDate).slice(0, 10),
    justification: text(input.justification),
    affectedSystems: text(input.affectedSystems),
  };
  const errors: Partial<Record<FormField, string>> = {};
  if (phase === undefined) {
    errors.phase = "Choose the phase to postpone.";
  }
  const date = dateError(phase, text(input.wantedDate), now);
  const justification = lengthError(
    values.justification,
    JUSTIFICATION_MIN,
    JUSTIFICATION_MAX,
    "the business reason",
  );
  const systems = lengthError(
    values.affectedSystems,
    AFFECTED_SYSTEMS_MIN,
    AFFECTED_SYSTEMS_MAX,
    "the affected systems",
  );
  if (date) {
    errors.wantedDate = date;
  }
  if (justification) {
    errors.justification = justification;
  }
  if (systems) {
    errors.affectedSystems = systems;
  }
  if (phase === undefined || Object.keys(errors).length > 0) {
    return {
      ok: false,
      errors,
      values: {
        ...values,
        justification: values.justification.slice(0, ECHO_LIMIT),
        affectedSystems: values.affectedSystems.slice(0, ECHO_LIMIT),
      },
    };
  }
  return { ok: true, request: { ...values, phase } };
}
