import { userText, type Verb, VERBS } from "../../cards";
import type { DataGap } from "../../domain/facts";
import { ENFORCEMENT_PHASES } from "../../domain/timeline";
import type { EvidenceEntry, PhaseVerdict, Verdict, VerdictCode } from "../../domain/verdict";
import { CODE_TEXTS, CODE_VERBS } from "./code-texts";
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
}

const PHASE_TITLES = {
  phase1: "Phase 1: Azure portal and admin centers",
  phase2: "Phase 2: Azure CLI, PowerShell, SDKs and other Azure Resource Manager tools",
} as const;

const VERDICT_WORDS: Readonly<Record<PhaseVerdict, { verdict: string; color: PhaseView["color"] }>> = {
  affected: { verdict: "Affected", color: "attention" },
  likely: { verdict: "Probably affected", color: "warning" },
  unknown: { verdict: "Unknown", color: "default" },
  no: { verdict: "Not affected", color: "good" },
};

const ENFORCED_FROM = {
  phase1: ENFORCEMENT_PHASES.find((phase) => phase.phase === "1")?.enforcedFrom,
  phase2: ENFORCEMENT_PHASES.find((phase) => phase.phase === "2")?.enforcedFrom,
};

function evidenceLine(entry: EvidenceEntry): string {
  const times = entry.count === 1 ? "1 sign-in" : `${entry.count} sign-ins`;
  // Silent token refreshes are why a daily CLI user is affected though they rarely type a password.
  const silent =
    entry.silent === 0
      ? ""
      : entry.count === 1
        ? ", a silent refresh"
        : entry.silent === entry.count
          ? ", all of them silent refreshes"
          : `, ${entry.silent} of them silent refreshes`;
  return `${userText(entry.app)}: ${times}${silent}, last on ${readableDay(entry.lastSignIn)}`;
}

function explanation(id: PhaseView["id"], verdict: PhaseVerdict, lookbackDays: number, now: Date): string {
  const from = ENFORCED_FROM[id];
  const since =
    from === undefined
      ? ""
      : Date.parse(from) <= now.getTime()
        ? ` MFA has been required here since ${readableMonth(from)}.`
        : ` MFA will be required here from ${readableMonth(from)}.`;
  switch (verdict) {
    case "affected":
      return `You signed in to these in the last ${lookbackDays} days.${since}`;
    case "likely":
      return `Sign-in history could not be read, and you hold an admin role, so this probably applies to you.${since}`;
    case "unknown":
      return "Sign-in history could not be read, so we cannot tell.";
    case "no":
      return `No sign-ins to these in the last ${lookbackDays} days.`;
  }
}

function phaseView(id: PhaseView["id"], verdict: Verdict, lookbackDays: number, now: Date): PhaseView {
  return {
    id,
    title: PHASE_TITLES[id],
    ...VERDICT_WORDS[verdict[id]],
    explanation: explanation(id, verdict[id], lookbackDays, now),
    evidence: verdict.evidence[id].map((entry) => ({ text: evidenceLine(entry) })),
  };
}

function codeViews(codes: readonly VerdictCode[]): CodeView[] {
  return codes.map((code) => ({
    code,
    verb: VERBS[CODE_VERBS[code]],
    title: CODE_TEXTS[code].button,
    text: CODE_TEXTS[code].line,
  }));
}

function gapViews(gaps: readonly DataGap[]): Array<{ text: string }> {
  return [...new Set(gaps.map(dataGapText))].map((text) => ({ text }));
}

/** The status card's data for one verdict: what it means in plain words, the evidence, what to do. */
export function buildStatusView(verdict: Verdict, options: StatusViewOptions): StatusCardData {
  const top = headlineFor(verdict, options.lookbackDays, options.checkedAt);
  const name = verdict.displayName
    ? `${userText(verdict.displayName)} (${userText(verdict.userPrincipalName)})`
    : userText(verdict.userPrincipalName);
  const methods = methodFacts(verdict.methods);
  const checked = `Checked ${readableTime(options.checkedAt)}`;
  return {
    ...top,
    userLine: verdict.breakGlass ? `${name}, emergency access account` : name,
    phase1: verdict.phase1,
    phase2: verdict.phase2,
    mfaReady: verdict.mfaReady,
    phases: [
      phaseView("phase1", verdict, options.lookbackDays, options.checkedAt),
      phaseView("phase2", verdict, options.lookbackDays, options.checkedAt),
    ],
    methods,
    noMethodsText: "No sign-in methods were found.",
    actions: codeViews(verdict.actions),
    suggestions: codeViews(verdict.suggestions),
    dataGaps: gapViews(verdict.dataGaps),
    checkedLine: options.fromCache ? `${checked}. Press Refresh to check again now.` : `${checked}.`,
  };
}
