import { ENGLISH, type Locale } from "../../domain/language";
import { allowedDates, allPhasePostponements, type RequestablePhase } from "../../domain/postponement";
import { formatNumber } from "../../i18n/format";
import { textsFor } from "../../i18n/i18n";
import { dayIn } from "./readable";
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
  locale: Locale = ENGLISH,
): FormCardData {
  const t = textsFor(locale);
  const phases = allPhasePostponements(now);
  const ranges = phases.map((phase) => ({ phase, dates: allowedDates(phase.phase, now) }));
  const allClosed = phases.every((phase) => !phase.open);
  const hints = ranges
    .map(({ phase, dates }) =>
      t(
        dates.route === "selfService" ? "postponement.form.hintSelfService" : "postponement.form.hintSupport",
        {
          phase: phase.phase,
          date: dayIn(locale, dates.latest),
        },
      ),
    )
    .join(t("postponement.form.hintSeparator"));
  const choice = (phase: (typeof phases)[number]) => {
    const title = t(`postponement.form.choice${phase.phase}`);
    return phase.open ? title : t("postponement.form.choiceClosed", { choice: title });
  };
  return {
    title: t(allClosed ? "postponement.form.titleClosed" : "postponement.form.titleOpen"),
    intro: t(allClosed ? "postponement.form.introClosed" : "postponement.form.introOpen"),
    phaseChoices: phases.map((phase) => ({ title: choice(phase), value: phase.phase })),
    values: { phase: "", wantedDate: "", justification: "", affectedSystems: "", ...values },
    errors: { ...NO_ERRORS, ...errors },
    hasErrors: Object.values(errors).some((message) => message),
    minDate: ranges.map(({ dates }) => dates.earliest).sort()[0] ?? "",
    maxDate:
      ranges
        .map(({ dates }) => dates.latest)
        .sort()
        .at(-1) ?? "",
    dateHint: t("postponement.form.dateHint", { hints }),
    justificationMax: JUSTIFICATION_MAX,
    systemsMax: AFFECTED_SYSTEMS_MAX,
    justificationLabel: t("postponement.form.justificationLabel", {
      min: formatNumber(JUSTIFICATION_MIN, { locale: locale.tag }),
      max: formatNumber(JUSTIFICATION_MAX, { locale: locale.tag }),
    }),
  };
}
