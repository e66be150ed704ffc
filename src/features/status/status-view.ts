import type { TFunction } from "i18next";

import { userText, type Verb, VERBS } from "../../cards";
import { AZURE_SERVICE_MANAGEMENT_NAME, IN_SCOPE_APPS } from "../../domain/apps";
import type { DataGap } from "../../domain/facts";
import { ENGLISH, type Locale } from "../../domain/language";
import { ENFORCEMENT_PHASES } from "../../domain/timeline";
import type { EvidenceEntry, PhaseVerdict, Verdict, VerdictCode } from "../../domain/verdict";
import { textsFor } from "../../i18n/i18n";
import { CODE_VERBS, codeText } from "./code-texts";
import { dataGapText } from "./data-gap-text";
import { headlineFor, type Tone } from "./headline";
import { type MethodFact, methodFacts } from "./method-facts";
import { readableDay, readableMonth, readableTime } from "./readable-date";

export interface PhaseView {
  id: "phase1" | "phase2";
  title: string;
  verdict: string;
  /** Adaptive Card TextBlock colour. */
  color: "good" | "attention" | "warning" | "default";
  explanation: string;
  evidence: Array<{ text: string }>;
}

export interface CodeView {
  code: VerdictCode;
  /** The Action.Execute verb of its button, from the one VERBS map. */
  verb: Verb;
  title: string;
  text: string;
}

/** Data for adaptiveCards/status.json; `refreshUserIds` is filled in by the bot, which knows the MRI. */
export interface StatusCardData {
  tone: Tone;
  headline: string;
  summary: string;
  userLine: string;
  phase1: PhaseVerdict;
  phase2: PhaseVerdict;
  mfaReady: boolean;
  phases: PhaseView[];
  methods: MethodFact[];
  noMethodsText: string;
  actions: CodeView[];
  suggestions: CodeView[];
  dataGaps: Array<{ text: string }>;
  checkedLine: string;
}

export interface StatusViewOptions {
  lookbackDays: number;
  /** When the facts were read from the directory. */
  checkedAt: Date;
  fromCache: boolean;
  /** The reader's language, Intl tag and the tenant's time zone; English in UTC when absent. */
  locale?: Locale;
}

const VERDICT_COLORS: Readonly<Record<PhaseVerdict, PhaseView["color"]>> = {
  affected: "attention",
  likely: "warning",
  unknown: "default",
  no: "good",
};

const ENFORCED_FROM = {
  phase1: ENFORCEMENT_PHASES.find((phase) => phase.phase === "1")?.enforcedFrom,
  phase2: ENFORCEMENT_PHASES.find((phase) => phase.phase === "2")?.enforcedFrom,
};

/** The in-scope apps by id (apps.ts) -> their key under status.apps. */
const APP_KEYS: Readonly<Record<string, string>> = {
  "c44b4083-3bb0-49c1-b47d-974e53cbdf3c": "portal",
  "618dd325-23f6-4b6f-8380-4df78026e39b": "m365",
  "04b07795-8ddb-461a-bbee-02f9e1bf7b46": "cli",
  "1950a258-227b-4e31-a9cf-717495945fc2": "powershell",
  "0c1307d4-29d6-4389-a11c-5cbe7f65d7fa": "mobile",
};

/** An app's name in the reader's language: the domain's name only when it is one of the in-scope apps. */
function appName(t: TFunction, entry: EvidenceEntry): string {
  const app = IN_SCOPE_APPS.find((known) => known.appId === entry.appId);
  const key =
    app !== undefined && app.name === entry.app
      ? APP_KEYS[app.appId]
      : entry.app === AZURE_SERVICE_MANAGEMENT_NAME
        ? "arm"
        : undefined;
  return key === undefined ? userText(entry.app) : t(`status.apps.${key}`);
}

/** What one view is written with: the reader's strings and their locale for dates. */
interface Writer {
  t: TFunction;
  locale: Locale;
}

function evidenceLine({ t, locale }: Writer, entry: EvidenceEntry): string {
  const times = t("status.evidence.signIns", { count: entry.count });
  // Silent token refreshes are why a daily CLI user is affected though they rarely type a password.
  const silent =
    entry.silent === 0
      ? undefined
      : entry.count === 1
        ? t("status.evidence.oneSilent")
        : entry.silent === entry.count
          ? t("status.evidence.allSilent")
          : t("status.evidence.someSilent", { silent: entry.silent, count: entry.silent });
  const parts = { app: appName(t, entry), times, day: readableDay(entry.lastSignIn, locale) };
  return silent === undefined
    ? t("status.evidence.line", parts)
    : t("status.evidence.lineSilent", { ...parts, silent });
}

function explanation(
  { t, locale }: Writer,
  id: PhaseView["id"],
  verdict: PhaseVerdict,
  lookbackDays: number,
  now: Date,
): string {
  const from = ENFORCED_FROM[id];
  const since =
    from === undefined
      ? ""
      : t(Date.parse(from) <= now.getTime() ? "status.phase.since" : "status.phase.from", {
          month: readableMonth(from, locale),
        });
  const days = { days: lookbackDays, count: lookbackDays };
  const join = (first: string) => (since === "" ? first : t("status.sentences", { first, second: since }));
  switch (verdict) {
    case "affected":
      return join(t("status.phase.explainAffected", days));
    case "likely":
      return join(t("status.phase.explainLikely"));
    case "unknown":
      return t("status.phase.explainUnknown");
    case "no":
      return t("status.phase.explainNo", days);
  }
}

function phaseView(
  writer: Writer,
  id: PhaseView["id"],
  verdict: Verdict,
  lookbackDays: number,
  now: Date,
): PhaseView {
  return {
    id,
    title: writer.t(id === "phase1" ? "status.phase.title1" : "status.phase.title2"),
    verdict: writer.t(`status.phase.${verdict[id]}`),
    color: VERDICT_COLORS[verdict[id]],
    explanation: explanation(writer, id, verdict[id], lookbackDays, now),
    evidence: verdict.evidence[id].map((entry) => ({ text: evidenceLine(writer, entry) })),
  };
}

function codeViews(codes: readonly VerdictCode[], locale: Locale): CodeView[] {
  return codes.map((code) => {
    const text = codeText(code, locale);
    return { code, verb: VERBS[CODE_VERBS[code]], title: text.button, text: text.line };
  });
}

function gapViews(gaps: readonly DataGap[], locale: Locale): Array<{ text: string }> {
  return [...new Set(gaps.map((gap) => dataGapText(gap, locale)))].map((text) => ({ text }));
}

/** The status card's data for one verdict: what it means in plain words, the evidence, what to do. */
export function buildStatusView(verdict: Verdict, options: StatusViewOptions): StatusCardData {
  const locale = options.locale ?? ENGLISH;
  const t = textsFor(locale);
  const writer = { t, locale };
  const top = headlineFor(verdict, options.lookbackDays, options.checkedAt, locale);
  const name = verdict.displayName
    ? t("status.card.userLine", {
        name: userText(verdict.displayName),
        upn: userText(verdict.userPrincipalName),
      })
    : userText(verdict.userPrincipalName);
  const time = readableTime(options.checkedAt, locale);
  return {
    ...top,
    userLine: verdict.breakGlass ? t("status.card.breakGlassLine", { name }) : name,
    phase1: verdict.phase1,
    phase2: verdict.phase2,
    mfaReady: verdict.mfaReady,
    phases: [
      phaseView(writer, "phase1", verdict, options.lookbackDays, options.checkedAt),
      phaseView(writer, "phase2", verdict, options.lookbackDays, options.checkedAt),
    ],
    methods: methodFacts(verdict.methods, locale),
    noMethodsText: t("status.card.noMethods"),
    actions: codeViews(verdict.actions, locale),
    suggestions: codeViews(verdict.suggestions, locale),
    dataGaps: gapViews(verdict.dataGaps, locale),
    checkedLine: t(options.fromCache ? "status.card.checkedCached" : "status.card.checked", { time }),
  };
}
