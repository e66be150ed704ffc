/**
 * When Microsoft enforces mandatory MFA for Azure, and until when a tenant can postpone it itself.
 * Source: learn.microsoft.com/entra/identity/authentication/concept-mandatory-multifactor-authentication
 * and how-to-mandatory-multifactor-authentication (shared/DOMAIN.md). Microsoft has moved these dates
 * before: update them here, nowhere else.
 */

export type PhaseId = "1" | "1b" | "2";

export interface EnforcementPhase {
  phase: PhaseId;
  /** In English; each language has it in the resources (common.phases.<phase>). */
  covers: string;
  /** Enforcement start (phase 1 rolled out gradually from this month). */
  enforcedFrom: string;
  /** When a gradual rollout finished: from here on it applies to every tenant (MC1215070 for 1b). */
  fullyEnforcedFrom?: string;
  /** The latest date a Global Administrator can postpone enforcement without Microsoft Support. */
  selfServicePostponementUntil: string;
  postponementUrl: string;
}

export const ENFORCEMENT_PHASES: readonly EnforcementPhase[] = [
  {
    phase: "1",
    covers: "Azure portal, Microsoft Entra admin center, Intune admin center",
    enforcedFrom: "2024-10-01",
    selfServicePostponementUntil: "2025-09-30",
    postponementUrl: "https://aka.ms/managemfaforazure",
  },
  {
    phase: "1b",
    covers: "Microsoft 365 admin center",
    enforcedFrom: "2025-02-01",
    fullyEnforcedFrom: "2026-02-09",
    // No postponement of its own: it followed phase 1's.
    selfServicePostponementUntil: "2025-09-30",
    postponementUrl: "https://aka.ms/managemfaforazure",
  },
  {
    phase: "2",
    covers:
      "Create, update and delete through Azure Resource Manager (CLI, PowerShell, mobile app, IaC, REST, SDKs)",
    enforcedFrom: "2025-10-01",
    selfServicePostponementUntil: "2026-07-01",
    postponementUrl: "https://aka.ms/postponePhase2MFA",
  },
];

/** The client tool versions that handle phase 2's MFA claims challenge. */
export const MINIMUM_CLIENT_TOOLS = { azureCli: "2.76", azurePowerShell: "14.3" } as const;

/** Whether a phase is enforced everywhere at `now` (its rollout, if gradual, has finished). */
export function isFullyEnforced(phase: PhaseId, now: Date): boolean {
  const entry = ENFORCEMENT_PHASES.find((candidate) => candidate.phase === phase);
  return entry !== undefined && Date.parse(entry.fullyEnforcedFrom ?? entry.enforcedFrom) <= now.getTime();
}

/** Whether any self-service postponement date is still in the future at `now`. */
export function canStillPostpone(now: Date): boolean {
  const time = now.getTime();
  return ENFORCEMENT_PHASES.some((phase) => Date.parse(phase.selfServicePostponementUntil) > time);
}
