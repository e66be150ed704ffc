import type { Locale } from "../../domain/language";
import { ENGLISH } from "../../domain/language";
import {
  allowedDates,
  isAllowedDate,
  isRequestablePhase,
  type RequestablePhase,
} from "../../domain/postponement";
import { formatNumber } from "../../i18n/format";
import { textsFor } from "../../i18n/i18n";
import { dayIn } from "./readable";

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

function lengthError(
  value: string,
  min: number,
  max: number,
  empty: string,
  locale: Locale,
): string | undefined {
  const t = textsFor(locale);
  const number = (count: number) => formatNumber(count, { locale: locale.tag });
  if (value.length === 0) {
    return t(empty);
  }
  if (value.length < min) {
    return t("postponement.errors.tooShort", { min: number(min), length: number(value.length) });
  }
  if (value.length > max) {
    return t("postponement.errors.tooLong", { max: number(max), length: number(value.length) });
  }
  return undefined;
}

function dateError(
  phase: RequestablePhase | undefined,
  day: string,
  now: Date,
  locale: Locale,
): string | undefined {
  const t = textsFor(locale);
  if (day.length === 0) {
    return t("postponement.errors.pickDate");
  }
  if (phase === undefined) {
    return undefined;
  }
  if (isAllowedDate(phase, day, now)) {
    return undefined;
  }
  const { earliest, latest, route } = allowedDates(phase, now);
  return t(
    route === "selfService" ? "postponement.errors.dateSelfService" : "postponement.errors.dateSupport",
    {
      earliest: dayIn(locale, earliest),
      latest: dayIn(locale, latest),
      phase,
    },
  );
}

/** Checks the request form as of `now`; on failure, every problem at once and the values to show again. */
export function validateRequestForm(
  input: RequestFormInput,
  now: Date,
  locale: Locale = ENGLISH,
): FormResult {
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
    errors.phase = textsFor(locale)("postponement.errors.choosePhase");
  }
  const date = dateError(phase, text(input.wantedDate), now, locale);
  const justification = lengthError(
    values.justification,
    JUSTIFICATION_MIN,
    JUSTIFICATION_MAX,
    "postponement.errors.enterReason",
    locale,
  );
  const systems = lengthError(
    values.affectedSystems,
    AFFECTED_SYSTEMS_MIN,
    AFFECTED_SYSTEMS_MAX,
    "postponement.errors.enterSystems",
    locale,
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
