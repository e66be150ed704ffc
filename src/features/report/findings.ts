import type { FindingKey, FindingPerson, ReadinessBucket } from "../../domain/report-types";
import { ROLE_TEMPLATE_IDS, type RoleName } from "../../domain/roles";
import type { Verdict } from "../../domain/verdict";

/** A phase is affected or likely: the user is (or may be) in scope of the enforcement. */
export function inScope(verdict: Verdict): boolean {
  return [verdict.phase1, verdict.phase2].some((phase) => phase === "affected" || phase === "likely");
}

/** The chart's bucket: affected first, then likely, unknown, not affected. */
export function bucketOf(verdict: Verdict): ReadinessBucket {
  const phases = [verdict.phase1, verdict.phase2];
  if (phases.includes("affected")) {
    return verdict.mfaReady ? "affectedReady" : "affectedNotReady";
  }
  if (phases.includes("likely")) {
    return "likely";
  }
  return phases.includes("unknown") ? "unknown" : "notAffected";
}

const notInScopeAtAll = (verdict: Verdict) => verdict.phase1 === "no" && verdict.phase2 === "no";

/**
 * The one finding a user belongs to, by priority (the first that matches), or undefined. Break-glass
 * accounts count whatever their sign-ins say: they exist for the day everything else fails.
 */
export function findingOf(verdict: Verdict): FindingKey | undefined {
  if (verdict.breakGlass && !verdict.mfaReady) {
    return "breakGlassNotReady";
  }
  if (verdict.isAdmin && !verdict.mfaReady && !notInScopeAtAll(verdict)) {
    return "adminsNotReady";
  }
  if (verdict.serviceAccountSuspect) {
    return "serviceAccounts";
  }
  if (inScope(verdict) && !verdict.mfaReady) {
    return "affectedNotReady";
  }
  if (inScope(verdict) && verdict.mfaReady && verdict.methods.strongIndependent.length === 0) {
    return "mfaServiceOnly";
  }
  return undefined;
}

const knownRoles = (verdict: Verdict): RoleName[] => [
  ...new Set(verdict.roles.filter((role): role is RoleName => Object.hasOwn(ROLE_TEMPLATE_IDS, role))),
];
const apps = (verdict: Verdict) =>
  [...new Set([...verdict.evidence.phase1, ...verdict.evidence.phase2].map((entry) => entry.app))].join(", ");

/**
 * The line shown for a user under a finding: who, and the one fact that explains why they are there (data,
 * or a note the view writes in the reader's language: summaries are stored, readers vary).
 */
export function findingPerson(key: FindingKey, verdict: Verdict): FindingPerson {
  const person = { name: verdict.displayName, upn: verdict.userPrincipalName };
  switch (key) {
    case "breakGlassNotReady":
      return { ...person, note: "noStrongMethod" };
    case "adminsNotReady":
      return knownRoles(verdict).length > 0
        ? { ...person, roles: knownRoles(verdict) }
        : { ...person, ...(verdict.roles.length > 0 ? { note: "directoryRole" as const } : {}) };
    case "serviceAccounts":
      return apps(verdict)
        ? { ...person, detail: apps(verdict) }
        : { ...person, note: "listedServiceAccount" };
    case "affectedNotReady":
      return apps(verdict) ? { ...person, detail: apps(verdict) } : { ...person, note: "likelyRoleHolder" };
    case "mfaServiceOnly":
      return { ...person, methods: verdict.methods.mfaService };
  }
}
