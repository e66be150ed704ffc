import { userText } from "../../cards/markdown";
import { ENGLISH, type Locale } from "../../domain/language";
import { allPhasePostponements, type PhasePostponement } from "../../domain/postponement";
import { textsFor } from "../../i18n/i18n";
import { dayIn, monthIn } from "./readable";
import type { TenantSettings } from "./tenant-settings";

export interface Fact {
  title: string;
  value: string;
}

/** Data for adaptiveCards/postponement-answer.json: the truth as of today, in the reader's language. */
export interface AnswerCardData {
  headline: string;
  summary: string;
  tone: "good" | "warning" | "attention";
  phases: Array<{ id: string; title: string; status: string; color: "Good" | "Attention"; facts: Fact[] }>;
  tenantFacts: Fact[];
  tenantNote: string;
  /** Every self-service window has closed: the support route is the only one left. */
  allClosed: boolean;
  /** At least one window has closed: say what is left for it. */
  anyClosed: boolean;
  closedText: string;
  formTitle: string;
  asOf: string;
}

function phaseView(phase: PhasePostponement, locale: Locale): AnswerCardData["phases"][number] {
  const t = textsFor(locale);
  const last = dayIn(locale, phase.lastSelfServiceDate);
  return {
    id: `phase-${phase.phase}`,
    title: t(`postponement.phaseTitle.${phase.phase}`),
    status: phase.open
      ? t("postponement.answer.statusOpen", { date: last, count: phase.days })
      : t("postponement.answer.statusClosed", { date: last }),
    color: phase.open ? "Good" : "Attention",
    facts: [
      {
        title: t("postponement.answer.enforcedFrom"),
        value: phase.phase === "1" ? monthIn(locale, phase.enforcedFrom) : dayIn(locale, phase.enforcedFrom),
      },
      { title: t("postponement.answer.latestDate"), value: last },
      { title: t("postponement.answer.portalPage"), value: phase.postponementUrl },
    ],
  };
}

export function tenantView(
  settings: TenantSettings,
  locale: Locale = ENGLISH,
): Pick<AnswerCardData, "tenantFacts" | "tenantNote"> {
  const t = textsFor(locale);
  switch (settings.kind) {
    case "read": {
      const date = (value: string | null) => (value ? dayIn(locale, value) : t("postponement.tenant.notSet"));
      return {
        tenantFacts: [
          { title: t("postponement.tenant.setting"), value: userText(settings.portalEnforcement) },
          { title: t("postponement.tenant.phase1Date"), value: date(settings.dates["1"]) },
          { title: t("postponement.tenant.phase2Date"), value: date(settings.dates["2"]) },
        ],
        tenantNote: t("postponement.tenant.readNote"),
      };
    }
    case "forbidden":
      return {
        tenantFacts: [],
        tenantNote: t("postponement.tenant.forbidden", { permission: settings.permission }),
      };
    case "notFound":
      return { tenantFacts: [], tenantNote: t("postponement.tenant.notFound") };
    case "unavailable":
      return {
        tenantFacts: [],
        tenantNote: t("postponement.tenant.unavailable", {
          message: t(settings.busy ? "postponement.tenant.busy" : "postponement.tenant.unexpected"),
        }),
      };
  }
}

export function answerCardData(
  settings: TenantSettings,
  now: Date,
  locale: Locale = ENGLISH,
): AnswerCardData {
  const t = textsFor(locale);
  const phases = allPhasePostponements(now);
  const open = phases.filter((phase) => phase.open);
  const allClosed = open.length === 0;
  const headline = allClosed
    ? t("postponement.answer.headlineClosed")
    : open.length === 1
      ? t("postponement.answer.headlineOpenOne", { phase: open[0]?.phase })
      : t("postponement.answer.headlineOpenBoth");
  const summary = allClosed
    ? t("postponement.answer.summaryClosed", {
        phase1: dayIn(locale, phases[0]?.lastSelfServiceDate ?? ""),
        phase2: dayIn(locale, phases[1]?.lastSelfServiceDate ?? ""),
      })
    : t("postponement.answer.summaryOpen");
  return {
    headline,
    summary,
    tone: allClosed ? "attention" : "warning",
    phases: phases.map((phase) => phaseView(phase, locale)),
    ...tenantView(settings, locale),
    allClosed,
    anyClosed: open.length < phases.length,
    closedText: t("postponement.answer.closedText"),
    formTitle: t(allClosed ? "postponement.answer.formTitleClosed" : "postponement.answer.formTitleOpen"),
    asOf: t("postponement.answer.asOf", { date: dayIn(locale, now) }),
  };
}
