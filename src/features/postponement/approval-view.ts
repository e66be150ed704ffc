import { userText } from "../../cards/markdown";
import { phasePostponement } from "../../domain/postponement";
import type { PostponementRequest } from "../../domain/postponement-request";
import { readableDay } from "../status/readable-date";
import { answerCardData, type Fact } from "./answer-view";
import { portalSteps, SUPPORT_HOW_TO_URL, SUPPORT_STEPS } from "./portal-steps";
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
}

function statusOf(
  request: PostponementRequest,
  now: Date,
): Pick<ApprovalCardData, "statusLine" | "statusColor"> {
  if (request.status === "pending") {
    const closed = request.route === "selfService" && !selfServiceStillOpen(request, now);
    return {
      statusLine: closed
        ? `Waiting for a decision. Note: self-service postponement for phase ${request.phase} closed on ${readableDay(phasePostponement(request.phase, now).lastSelfServiceDate)}; approving now means a Microsoft Support request.`
        : "Waiting for a decision. The first Global Administrator to decide settles it for everyone.",
      statusColor: "Warning",
    };
  }
  return {
    statusLine: decisionLine(request),
    statusColor: request.status === "approved" ? "Good" : "Attention",
  };
}

function stepsTitle(approved: boolean, open: boolean): string {
  if (open) {
    return approved ? "To set it in the Azure portal" : "If you approve: the portal steps";
  }
  return approved ? "Next: a Microsoft Support request" : "If you approve: a Microsoft Support request";
}

export function approvalCardData(input: ApprovalViewInput): ApprovalCardData {
  const { request, settings, now } = input;
  const open = selfServiceStillOpen(request, now);
  const declined = request.status === "declined";
  const tenant = answerCardData(settings, now);
  return {
    requestId: request.id,
    title: `Postponement request from ${userText(request.requesterName ?? "a colleague")}`,
    pending: request.status === "pending",
    ...statusOf(request, now),
    facts: requestFacts(request),
    justification: userText(request.justification),
    affectedSystems: userText(request.affectedSystems),
    tenantFacts: tenant.tenantFacts,
    tenantNote: tenant.tenantNote,
    canApply: request.status === "pending" && open && settings.kind === "read",
    showSteps: !declined,
    stepsTitle: stepsTitle(request.status === "approved", open),
    steps: (open ? portalSteps(request.phase, request.wantedDate, now) : SUPPORT_STEPS).map(
      (text, index) => ({
        number: index + 1,
        text,
      }),
    ),
    showSupport: !open && !declined,
    supportText: open
      ? ""
      : supportRequestText({ request, tenantId: request.tenantId, tenantName: input.tenantName, now }),
    supportHowToUrl: SUPPORT_HOW_TO_URL,
    appliedText: appliedLine(request.applied),
    refreshUserIds: input.refreshUserIds,
  };
}
