import { phasePostponement, type RequestablePhase } from "../../domain/postponement";
import { readableDay } from "../status/readable-date";

/** Microsoft's documented steps for a Global Administrator to postpone one phase in the portal. */
export function portalSteps(phase: RequestablePhase, wantedDate: string, now: Date): string[] {
  const { postponementUrl } = phasePostponement(phase, now);
  return [
    "Sign in to the Azure portal as a Global Administrator and elevate access (Microsoft Entra ID > Properties > Access management for Azure resources: Yes).",
    `Open ${postponementUrl}.`,
    `Pick ${readableDay(wantedDate)} as the enforcement start date for phase ${phase}.`,
    "Select Apply. Then turn elevated access off again.",
  ];
}

/** What a Global Administrator does once self-service has closed: a Microsoft Support request. */
export const SUPPORT_STEPS: readonly string[] = [
  "Sign in to the Azure portal as a Global Administrator and open Help + support > Create a support request.",
  "Choose a technical issue for Microsoft Entra ID (sign-in and multifactor authentication).",
  "Paste the text below as the description and submit. Microsoft Support decides; a lift is temporary.",
];

export const SUPPORT_HOW_TO_URL =
  "https://learn.microsoft.com/azure/azure-portal/supportability/how-to-create-azure-support-request";
