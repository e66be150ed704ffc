import { userText } from "../../cards/markdown";
import { ENGLISH, type Locale } from "../../domain/language";
import { phasePostponement } from "../../domain/postponement";
import type { PostponementRequest } from "../../domain/postponement-request";
import { textsFor } from "../../i18n/i18n";
import { type Fact, tenantView } from "./answer-view";
import { portalSteps, SUPPORT_HOW_TO_URL, supportSteps } from "./portal-steps";
import { dayIn } from "./readable";
import { appliedLine, decisionLine, requestFacts, selfServiceStillOpen } from "./request-facts";
import { supportRequestText } from "./support-request-text";
import type { TenantSettings } from "./tenant-settings";

/** Data for adaptiveCards/postponement-approval.json, the card every Global Administrator gets. */
export interface ApprovalCardData {
  requestId: string;
  title: string;
  pending: boolean;
  statusLine: string;
  statusColor: "Warning" | "Good" | "Attention";
  facts: Fact[];
  justification: string;
  affectedSystems: string;
  tenantFacts: Fact[];
  tenantNote: string;
  /** Offer "apply it in Azure for me": pending, self-service still open, and the bot can read the setting. */
  canApply: boolean;
  /** Show the steps (self-service approved or pending) and the support text (support route). */
  showSteps: boolean;
  stepsTitle: string;
  steps: Array<{ number: number; text: string }>;
  showSupport: boolean;
  supportText: string;
  supportHowToUrl: string;
  appliedText: string;
  refreshUserIds: string[];
}

export interface ApprovalViewInput {
  request: PostponementRequest;
  settings: TenantSettings;
  tenantName?: string;
  /** Teams user ids (MRIs) of the approvers, for Universal Actions refresh. */
  refreshUserIds: string[];
  now: Date;
  /** The approver's language (each approver gets the card in theirs). */
  locale?: Locale;
}

function statusOf(
  request: PostponementRequest,
  now: Date,
  locale: Locale,
): Pick<ApprovalCardData, "statusLine" | "statusColor"> {
  const t = textsFor(locale);
  if (request.status === "pending") {
    const closed = request.route === "selfService" && !selfServiceStillOpen(request, now);
    return {
      statusLine: closed
        ? t("postponement.approval.waitingClosed", {
            phase: request.phase,
            date: dayIn(locale, phasePostponement(request.phase, now).lastSelfServiceDate),
          })
        : t("postponement.approval.waiting"),
      statusColor: "Warning",
    };
  }
  return {
    statusLine: decisionLine(request, locale),
    statusColor: request.status === "approved" ? "Good" : "Attention",
  };
}

function stepsTitle(approved: boolean, open: boolean, locale: Locale): string {
  const route = open ? "Portal" : "Support";
  return textsFor(locale)(`postponement.approval.steps${route}${approved ? "Approved" : "Pending"}`);
}

/** The approval card's title (the name escaped for the card's Markdown). */
function approvalTitle(request: PostponementRequest, locale: Locale): string {
  const t = textsFor(locale);
  return t("postponement.approval.title", {
    name: userText(request.requesterName ?? t("postponement.approval.colleague")),
  });
}

/** The notification's summary of the approval card: plain text, the name as it is. */
export function approvalSummary(request: PostponementRequest, locale: Locale = ENGLISH): string {
  const t = textsFor(locale);
  return t("postponement.approval.title", {
    name: request.requesterName ?? t("postponement.approval.colleague"),
  });
}

export function approvalCardData(input: ApprovalViewInput): ApprovalCardData {
  const { request, settings, now } = input;
  const locale = input.locale ?? ENGLISH;
  const open = selfServiceStillOpen(request, now);
  const declined = request.status === "declined";
  const tenant = tenantView(settings, locale);
  return {
    requestId: request.id,
    title: approvalTitle(request, locale),
    pending: request.status === "pending",
    ...statusOf(request, now, locale),
    facts: requestFacts(request, locale),
    justification: userText(request.justification),
    affectedSystems: userText(request.affectedSystems),
    tenantFacts: tenant.tenantFacts,
    tenantNote: tenant.tenantNote,
    canApply: request.status === "pending" && open && settings.kind === "read",
    showSteps: !declined,
    stepsTitle: stepsTitle(request.status === "approved", open, locale),
    steps: (open ? portalSteps(request.phase, request.wantedDate, now, locale) : supportSteps(locale)).map(
      (text, index) => ({
        number: index + 1,
        text,
      }),
    ),
    showSupport: !open && !declined,
    supportText: open
      ? ""
      : supportRequestText({
          request,
          tenantId: request.tenantId,
          tenantName: input.tenantName,
          now,
          locale,
        }),
    supportHowToUrl: SUPPORT_HOW_TO_URL,
    appliedText: appliedLine(request.applied, locale),
    refreshUserIds: input.refreshUserIds,
  };
}
