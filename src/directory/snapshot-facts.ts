import type { DataGap, TenantFacts, UserFacts } from "../domain/facts";
import { NON_INTERACTIVE_SIGN_INS } from "../domain/facts";
import type {
  ProductTenantSettings,
  SignIn,
  TenantSnapshot,
  UnifiedRoleAssignment,
  UserRegistrationDetails,
} from "./graph-types";

/** A snapshot joined per user: the tenant's shared facts, the end of the look-back window, each user's facts. */
export interface SnapshotFacts {
  tenant: TenantFacts;
  /** capturedAt: the look-back window ends here. */
  capturedAt: Date;
  userCount: number;
  /** Built lazily, one user at a time, so a 100k-user tenant never holds all facts at once. */
  users(): Iterable<UserFacts>;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const item of items) {
    const id = key(item).toLowerCase();
    const list = index.get(id);
    if (list === undefined) {
      index.set(id, [item]);
    } else {
      list.push(item);
    }
  }
  return index;
}

/** Groups the settings and the method policy name: only their memberships matter to the assessment. */
function referencedGroups(snapshot: TenantSnapshot, settings: ProductTenantSettings): Set<string> {
  const ids = new Set<string>();
  for (const entry of [...settings.breakGlassAccounts, ...settings.serviceAccounts]) {
    if (!entry.includes("@")) {
      ids.add(entry.trim().toLowerCase());
    }
  }
  for (const configuration of snapshot.authenticationMethodsPolicy?.authenticationMethodConfigurations ??
    []) {
    for (const target of [...(configuration.includeTargets ?? []), ...(configuration.excludeTargets ?? [])]) {
      if (target.targetType === "group" && target.id !== "all_users") {
        ids.add(target.id.toLowerCase());
      }
    }
  }
  return ids;
}

function membershipIndex(snapshot: TenantSnapshot, referenced: Set<string>): Map<string, string[]> {
  const byUser = new Map<string, string[]>();
  for (const group of snapshot.groups ?? []) {
    if (!referenced.has(group.id.toLowerCase())) {
      continue;
    }
    for (const member of group.members) {
      const id = member.toLowerCase();
      byUser.set(id, [...(byUser.get(id) ?? []), group.id]);
    }
  }
  return byUser;
}

export interface SnapshotFactsOptions {
  /** Overrides the snapshot's own product settings. */
  settings?: ProductTenantSettings;
  /** Why a missing key is missing, by key name ("signIns", "policy", …), when the caller knows better. */
  gaps?: Readonly<Record<string, DataGap>>;
}

/**
 * Joins a tenant snapshot into the assessment's inputs (pure). A key missing from the snapshot becomes an
 * undefined fact and a DataGap: "noPremium" for the P1-only reports when the tenant has no premium licence,
 * else "notInSnapshot". `settings` overrides the snapshot's own product settings.
 */
export function snapshotFacts(snapshot: TenantSnapshot, options: SnapshotFactsOptions = {}): SnapshotFacts {
  const settings = options.settings ?? snapshot.settings;
  const premiumGap = snapshot.tenant.premium ? "notInSnapshot" : "noPremium";
  const gap = (data: string, reason = "notInSnapshot"): DataGap => options.gaps?.[data] ?? { data, reason };

  const sharedGaps: DataGap[] = [];
  if (snapshot.signIns === undefined) {
    sharedGaps.push(gap("signIns", premiumGap));
  }
  if (snapshot.roleAssignments === undefined) {
    sharedGaps.push(gap("roleAssignments"));
  }
  // A live read whose beta summary failed: the sign-ins are v1.0's interactive ones only.
  for (const data of [NON_INTERACTIVE_SIGN_INS, "signInActivity"]) {
    const known = options.gaps?.[data];
    if (snapshot.signIns !== undefined && known !== undefined) {
      sharedGaps.push(known);
    }
  }
  const referenced = referencedGroups(snapshot, settings);
  const groupsUnreadable = snapshot.groups === undefined && referenced.size > 0;
  if (groupsUnreadable) {
    sharedGaps.push(gap("groups"));
  }

  const signIns = snapshot.signIns && groupBy<SignIn>(snapshot.signIns, (signIn) => signIn.userId);
  const roles =
    snapshot.roleAssignments &&
    groupBy<UnifiedRoleAssignment>(snapshot.roleAssignments, (role) => role.principalId);
  const registrations =
    snapshot.userRegistrationDetails &&
    new Map<string, UserRegistrationDetails>(
      snapshot.userRegistrationDetails.map((detail) => [detail.id.toLowerCase(), detail]),
    );
  const memberships = membershipIndex(snapshot, referenced);
  const methodsById = snapshot.authenticationMethods;
  const registrationGap = gap(
    "registrationDetails",
    registrations === undefined ? premiumGap : "notInSnapshot",
  );
  const methodsGap = gap("methods");

  function factsFor(user: TenantSnapshot["users"][number]): UserFacts {
    const id = user.id.toLowerCase();
    const dataGaps = [...sharedGaps];
    const registration = registrations?.get(id);
    const methods =
      methodsById === undefined ? undefined : methodsById[Object.hasOwn(methodsById, user.id) ? user.id : id];
    if (methods === undefined) {
      dataGaps.push(methodsGap);
      if (registration === undefined) {
        dataGaps.push(registrationGap);
      }
    }
    return {
      user,
      registration,
      methods,
      signIns: signIns === undefined ? undefined : (signIns.get(id) ?? []),
      roleAssignments: roles === undefined ? undefined : (roles.get(id) ?? []),
      groupIds: groupsUnreadable ? undefined : (memberships.get(id) ?? []),
      dataGaps,
    };
  }

  return {
    tenant: {
      policy: snapshot.authenticationMethodsPolicy,
      settings,
      dataGaps: snapshot.authenticationMethodsPolicy === undefined ? [gap("policy")] : [],
    },
    capturedAt: new Date(snapshot.capturedAt),
    userCount: snapshot.users.length,
    *users() {
      for (const user of snapshot.users) {
        yield factsFor(user);
      }
    },
  };
}
