import { allowedDates, allPhasePostponements, type RequestablePhase } from "../../domain/postponement";
import { readableDay } from "../status/readable-date";
import {
  AFFECTED_SYSTEMS_MAX,
  type FormField,
  type FormValues,
  JUSTIFICATION_MAX,
  JUSTIFICATION_MIN,
} from "./request-form";

/** Data for adaptiveCards/postponement-request-form.json. Values are shown as typed (inputs are not Markdown). */
export interface FormCardData {
  title: string;
  intro: string;
  phaseChoices: Array<{ title: string; value: RequestablePhase }>;
  values: FormValues;
  /** One message per field, "" when the field is fine (the template shows only the non-empty ones). */
  errors: Record<FormField, string>;
  hasErrors: boolean;
  minDate: string;
  maxDate: string;
  dateHint: string;
  justificationMax: number;
  systemsMax: number;
  justificationLabel: string;
}

const NO_ERRORS: Record<FormField, string> = {
  phase: "",
  wantedDate: "",
  justification: "",
  affectedSystems: "",
};

export function formCardData(
  now: Date,
  values: Partial<FormValues> = {},
  errors: Partial<Record<FormField, string>> = {},
): FormCardData {
  const phases = allPhasePostponements(now);
  const ranges = phases.map((phase) => ({ phase, dates: allowedDates(phase.phase, now) }));
  const allClosed = phases.every((phase) => !phase.open);
  const hint = ranges
    .map(({ phase, dates }) =>
      dates.route === "selfService"
        ? `phase ${phase.phase}: a new enforcement date up to ${readableDay(dates.latest)}`
        : `phase ${phase.phase}: the end of a Microsoft Support lift, up to ${readableDay(dates.latest)}`,
    )
    .join("; ");
  return {
    title: allClosed ? "Ask for a Microsoft Support lift" : "Request a postponement",
    intro: allClosed
      ? "Self-service postponement has closed. Your Global Administrators get this request with a ready-to-paste Microsoft Support request built from your words."
      : "Your request goes to every Global Administrator in their chat with MFA Ready. One of them decides for the whole tenant.",
    phaseChoices: phases.map((phase) => ({
      title: `Phase ${phase.phase}: ${phase.phase === "1" ? "portals and admin centers" : "Azure CLI, PowerShell, IaC, REST"}${phase.open ? "" : " (self-service closed)"}`,
      value: phase.phase,
    })),
    values: { phase: "", wantedDate: "", justification: "", affectedSystems: "", ...values },
    errors: { ...NO_ERRORS, ...errors },
    hasErrors: Object.values(errors).some((message) => message),
    minDate: ranges.map(({ dates }) => dates.earliest).sort()[0] ?? "",
    maxDate:
      ranges
        .map(({ dates }) => dates.latest)
        .sort()
        .at(-1) ?? "",
    dateHint: `Allowed: ${hint}.`,
    justificationMax: JUSTIFICATION_MAX,
    systemsMax: AFFECTED_SYSTEMS_MAX,
    justificationLabel: `Business justification (${JUSTIFICATION_MIN} to ${JUSTIFICATION_MAX.toLocaleString("en-GB")} characters)`,
  };
}
