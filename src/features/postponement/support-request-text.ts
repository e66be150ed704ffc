import { phasePostponement } from "../../domain/postponement";
import type { PostponementRequest } from "../../domain/postponement-request";
import { readableDay } from "../status/readable-date";

export interface SupportTextInput {
  request: Pick<PostponementRequest, "phase" | "wantedDate" | "justification" | "affectedSystems">;
  tenantId: string;
  tenantName?: string;
  now: Date;
}

/**
 * The ready-to-paste text of a Microsoft Support request to lift mandatory MFA enforcement for a while,
 * once self-service postponement has closed. Plain text: it goes into a support form, not a card's Markdown,
 * and the requester's words are quoted as typed.
 */
export function supportRequestText(input: SupportTextInput): string {
  const { request, tenantId, tenantName, now } = input;
  const phase = phasePostponement(request.phase, now);
  const what =
    request.phase === "1"
      ? "phase 1 (sign-in to the Azure portal, Microsoft Entra admin center and Intune admin center)"
      : "phase 2 (create, update and delete operations through Azure Resource Manager: Azure CLI, Azure PowerShell, IaC tools, REST and SDKs)";
  return [
    "Subject: Temporary exemption from mandatory MFA enforcement for Azure",
    "",
    `Tenant: ${tenantName ? `${tenantName} (${tenantId})` : tenantId}`,
    `Scope: ${what}`,
    `Requested until: ${readableDay(request.wantedDate)} (${request.wantedDate})`,
    "",
    `The self-service postponement for this phase ended on ${readableDay(phase.lastSelfServiceDate)}. We ask Microsoft Support to lift enforcement for our tenant temporarily, until the date above, while we finish moving the affected accounts to multifactor authentication.`,
    "",
    "Business justification:",
    request.justification,
    "",
    "Affected systems:",
    request.affectedSystems,
    "",
    "What we are doing meanwhile: registering MFA methods (passkeys, Windows Hello for Business, Microsoft Authenticator) for every affected user, and moving scripts that sign in as users to workload identities (service principals, managed identities).",
  ].join("\n");
}
