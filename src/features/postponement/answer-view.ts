import { userText } from "../../cards/markdown";
import { allPhasePostponements, type PhasePostponement } from "../../domain/postponement";
import { readableDay, readableMonth } from "../status/readable-date";
import type { TenantSettings } from "./tenant-settings";

export interface Fact {
  title: string;
  value: string;
}

/** Data for adaptiveCards/postponement-answer.json: the truth as of today. */
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

const PHASE_TITLES = {
  "1": "Phase 1: Azure portal, Entra and Intune admin centers (and the Microsoft 365 admin center)",
  "2": "Phase 2: Azure CLI, PowerShell, mobile app, IaC and REST (Azure Resource Manager)",
} as const;

function phaseView(phase: PhasePostponement): AnswerCardData["phases"][number] {
  const last = readableDay(phase.lastSelfServiceDate);
  return {
    id: `phase-${phase.phase}`,
    title: PHASE_TITLES[phase.phase],
    status: phase.open
      ? `A Global Administrator can still postpone it: until ${last} (${phase.days} ${phase.days === 1 ? "day" : "days"} left).`
      : `Self-service postponement closed on ${last}.`,
    color: phase.open ? "Good" : "Attention",
    facts: [
      {
        title: "Enforced from",
        value: phase.phase === "1" ? readableMonth(phase.enforcedFrom) : readableDay(phase.enforcedFrom),
      },
      { title: "Latest self-service date", value: last },
      { title: "Portal page", value: phase.postponementUrl },
    ],
  };
}

function tenantView(settings: TenantSettings): Pick<AnswerCardData, "tenantFacts" | "tenantNote"> {
  switch (settings.kind) {
    case "read": {
      const date = (value: string | null) => (value ? readableDay(value) : "not set (Microsoft's schedule)");
      return {
        tenantFacts: [
          { title: "Enforcement setting", value: userText(settings.portalEnforcement) },
          { title: "Phase 1 date", value: date(settings.dates["1"]) },
          { title: "Phase 2 date", value: date(settings.dates["2"]) },
        ],
        tenantNote: "Read just now from Azure Resource Manager (Microsoft.PortalServices/settings/default).",
      };
    }
    case "forbidden":
      return {
        tenantFacts: [],
        tenantNote: `MFA Ready may not read your tenant's enforcement settings in Azure. To show them here, a Global Administrator grants MFA Ready's app this Azure permission: ${settings.permission}.`,
      };
    case "notFound":
      return {
        tenantFacts: [],
        tenantNote: "Your tenant has no enforcement settings in Azure yet: Microsoft's schedule applies.",
      };
    case "unavailable":
      return {
        tenantFacts: [],
        tenantNote: `Your tenant's enforcement settings could not be read: ${settings.message}`,
      };
  }
}

export function answerCardData(settings: TenantSettings, now: Date): AnswerCardData {
  const phases = allPhasePostponements(now);
  const open = phases.filter((phase) => phase.open);
  const allClosed = open.length === 0;
  const headline = allClosed
    ? "Self-service postponement has closed"
    : `Phase ${open.map((phase) => phase.phase).join(" and ")} can still be postponed`;
  const summary = allClosed
    ? `Both windows have closed (phase 1 on ${readableDay(phases[0]?.lastSelfServiceDate ?? "")}, phase 2 on ${readableDay(phases[1]?.lastSelfServiceDate ?? "")}). MFA is enforced, and no one in your organisation can postpone it in the portal any more.`
    : "Only a Global Administrator can postpone, for the whole tenant. Ask for more time below: your request goes to every Global Administrator.";
  return {
    headline,
    summary,
    tone: allClosed ? "attention" : "warning",
    phases: phases.map(phaseView),
    ...tenantView(settings),
    allClosed,
    anyClosed: open.length < phases.length,
    closedText:
      "What is left: a Global Administrator can ask Microsoft Support to lift enforcement temporarily. Fill in the request and MFA Ready routes it to your Global Administrators with a ready-to-paste support request. The lasting fix is next to it: set up MFA, and move scripts to workload identities.",
    formTitle: allClosed ? "Draft a support request" : "Request a postponement",
    asOf: `As of ${readableDay(now)}.`,
  };
}
