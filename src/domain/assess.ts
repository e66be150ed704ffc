import type { Evidence } from "./evidence";
import type { Window } from "./evidence";
import { collectEvidence, lookbackWindow } from "./evidence";
import type { TenantFacts, UserFacts } from "./facts";
import { NON_INTERACTIVE_SIGN_INS } from "./facts";
import { allowanceFor, findMethods } from "./methods";
import { nextSteps } from "./next-steps";
import type { PreparedTenant } from "./prepare-tenant";
import { isListed, prepareTenant } from "./prepare-tenant";
import { roleName } from "./roles";
import type { PhaseVerdict, Verdict } from "./verdict";

export type { PreparedTenant } from "./prepare-tenant";
export { prepareTenant } from "./prepare-tenant";

export interface AssessOptions {
  /** Look-back window for sign-in evidence, ending at `now` (default 30 days). */
  lookbackDays?: number;
}

const DEFAULT_LOOKBACK_DAYS = 30;
const NO_EVIDENCE: Evidence = { phase1: [], phase2: [], ropc: false, counted: 0, interactive: 0 };

/** Rule 2: affected / no from the evidence; likely / unknown when no sign-in could be read. */
function phaseVerdict(readable: boolean, entries: readonly unknown[], holdsRole: boolean): PhaseVerdict {
  if (!readable) {
    return holdsRole ? "likely" : "unknown";
  }
  return entries.length > 0 ? "affected" : "no";
}

/**
 * Rule 6's last test: counted in-scope sign-ins, none interactive. It needs the non-interactive sign-ins to
 * have been read (else every v1.0-only user would look interactive-only or not at all), and it spares a
 * person whose signInActivity shows an interactive sign-in to anything in the window: a script never signs
 * in to Teams or Outlook.
 */
function onlySilentSignIns(facts: UserFacts, evidence: Evidence, window: Window): boolean {
  if (facts.signIns === undefined || evidence.counted === 0 || evidence.interactive > 0) {
    return false;
  }
  if (facts.dataGaps.some((gap) => gap.data === NON_INTERACTIVE_SIGN_INS)) {
    return false;
  }
  const last = facts.user.signInActivity?.lastSignInDateTime;
  return !(typeof last === "string" && Date.parse(last) >= window.startMs);
}

/**
 * The verdict for one user (shared/DOMAIN.md "The verdict for one user", rules 1-8). Pure: everything it
 * knows arrives in the arguments. `tenant` may be the TenantFacts (prepared once and cached) or a
 * PreparedTenant from prepareTenant().
 */
export function assess(
  facts: UserFacts,
  tenant: TenantFacts | PreparedTenant,
  now: Date,
  options: AssessOptions = {},
): Verdict {
  const context = "prepared" in tenant ? tenant : prepareTenant(tenant);
  const { user } = facts;
  const userId = user.id.toLowerCase();
  const groupIds = (facts.groupIds ?? []).map((id) => id.toLowerCase());

  const roleIds = (facts.roleAssignments ?? []).map((assignment) => assignment.roleDefinitionId);
  const roles = [...new Set(roleIds.map((id) => roleName(id) ?? id))];
  // When role assignments could not be read, the registration report's isAdmin is the next best source.
  const isAdmin =
    facts.roleAssignments !== undefined ? roleIds.length > 0 : facts.registration?.isAdmin === true;

  const window = lookbackWindow(now, options.lookbackDays ?? DEFAULT_LOOKBACK_DAYS);
  const evidence = facts.signIns !== undefined ? collectEvidence(facts.signIns, window) : NO_EVIDENCE;
  const phase1 = phaseVerdict(facts.signIns !== undefined, evidence.phase1, isAdmin);
  const phase2 = phaseVerdict(facts.signIns !== undefined, evidence.phase2, isAdmin);

  const allowanceOf = allowanceFor(context.policy, userId, groupIds);
  const { methods, gaps } = findMethods(facts, allowanceOf, context.policy.externalIds);

  const upn = user.userPrincipalName.toLowerCase();
  const breakGlass = isListed(context.breakGlass, upn, userId, groupIds);
  const serviceAccountSuspect =
    isListed(context.serviceAccounts, upn, userId, groupIds) ||
    evidence.ropc ||
    onlySilentSignIns(facts, evidence, window);

  const hasStrong = methods.strongIndependent.length > 0;
  // Rule 5: a break-glass account needs a device-bound strong method: a synced passkey lives in one
  // person's consumer cloud account, an external provider is not independent of a service.
  const hasDeviceBound = methods.strongIndependent.some((method) => method.synced !== true);
  const mfaReady = breakGlass
    ? hasDeviceBound
    : hasStrong || methods.mfaService.length > 0 || methods.external.length > 0;
  const userType = user.userType ?? facts.registration?.userType ?? "member";

  const { actions, suggestions } = nextSteps({
    phase1,
    phase2,
    mfaReady,
    breakGlass,
    serviceAccountSuspect,
    hasStrong: breakGlass ? hasDeviceBound : hasStrong,
    isGuest: userType.toLowerCase() === "guest",
    fido2Enabled: allowanceOf("Fido2") === "allowed",
    certificateEnabled: allowanceOf("X509Certificate") === "allowed",
    now,
  });

  return {
    userId: user.id,
    userPrincipalName: user.userPrincipalName,
    displayName: user.displayName ?? facts.registration?.userDisplayName ?? user.userPrincipalName,
    userType,
    isAdmin,
    roles,
    phase1,
    phase2,
    mfaReady,
    breakGlass,
    serviceAccountSuspect,
    methods,
    actions,
    suggestions,
    evidence: { phase1: evidence.phase1, phase2: evidence.phase2 },
    dataGaps: [...facts.dataGaps, ...context.dataGaps, ...gaps],
  };
}
