import type { RoleName } from "./roles";

/** The actions DOMAIN.md "Who may do what" lists; each is decided from Graph roles at the moment it is taken. */
export type Action =
  | "readinessReport"
  | "broadcast"
  | "auditLog"
  | "otherUserStatus"
  | "issueTemporaryAccessPass"
  | "decidePostponement";

export interface Permission {
  /** Roles (held tenant-wide) that grant the action, whoever the subject is. */
  roles: readonly RoleName[];
  /** Roles that grant it only for a subject who holds no directory role at all. */
  rolesForUnprivilegedSubject?: readonly RoleName[];
  /** The actor may not be the subject: their own pass, their own request. */
  notForOneself?: boolean;
  /** Members of the group this setting names are allowed too, when it is set. */
  memberGroupSetting?: "broadcastSenders";
}

/** DOMAIN.md "Who may do what", as data: action -> roles. */
/** (A refusal's title, per action, is in the resources: common.refusal.titles.) */
export const WHO_MAY: Readonly<Record<Action, Permission>> = {
  readinessReport: {
    roles: [
      "globalAdministrator",
      "globalReader",
      "securityAdministrator",
      "securityReader",
      "reportsReader",
      "authenticationPolicyAdministrator",
      "privilegedAuthenticationAdministrator",
    ],
  },
  broadcast: {
    roles: ["globalAdministrator", "securityAdministrator", "authenticationPolicyAdministrator"],
    memberGroupSetting: "broadcastSenders",
  },
  auditLog: {
    roles: ["globalAdministrator", "globalReader", "securityAdministrator", "securityReader"],
  },
  otherUserStatus: {
    roles: [
      "globalAdministrator",
      "globalReader",
      "securityAdministrator",
      "securityReader",
      "privilegedAuthenticationAdministrator",
    ],
    rolesForUnprivilegedSubject: ["authenticationAdministrator", "helpdeskAdministrator"],
  },
  issueTemporaryAccessPass: {
    roles: ["privilegedAuthenticationAdministrator"],
    rolesForUnprivilegedSubject: ["authenticationAdministrator"],
    notForOneself: true,
  },
  decidePostponement: {
    roles: ["globalAdministrator"],
    notForOneself: true,
  },
};

/** What is known when deciding: read from Graph now by the caller. */
export interface AuthorizationFacts {
  actorId: string;
  /** Roles the actor holds tenant-wide (directoryScopeId "/"); a role scoped to an administrative unit is not here. */
  actorRoles: readonly RoleName[];
  /** The user the action is about, when there is one. */
  subject?: { id: string; holdsAnyDirectoryRole: boolean };
  /** The actor is a member of the permission's group setting (false when unset). */
  inMemberGroup?: boolean;
}

export type Refusal = "noRole" | "subjectHoldsRole" | "oneself";

export type Decision =
  | { allowed: true; by: RoleName | "memberGroup" }
  | { allowed: false; reason: Refusal; rolesThatWouldDo: RoleName[] };

/** Whether the table allows the action, and if not, why and which roles would. Pure. */
export function decide(action: Action, facts: AuthorizationFacts): Decision {
  const permission = WHO_MAY[action];
  const subjectPrivileged = facts.subject?.holdsAnyDirectoryRole ?? false;
  const usable = [
    ...permission.roles,
    ...(subjectPrivileged ? [] : (permission.rolesForUnprivilegedSubject ?? [])),
  ];
  if (
    permission.notForOneself &&
    facts.subject !== undefined &&
    facts.subject.id.toLowerCase() === facts.actorId.toLowerCase()
  ) {
    return { allowed: false, reason: "oneself", rolesThatWouldDo: usable };
  }
  const held = usable.find((role) => facts.actorRoles.includes(role));
  if (held !== undefined) {
    return { allowed: true, by: held };
  }
  if (facts.inMemberGroup) {
    return { allowed: true, by: "memberGroup" };
  }
  const heldForUnprivileged =
    subjectPrivileged &&
    (permission.rolesForUnprivilegedSubject ?? []).some((role) => facts.actorRoles.includes(role));
  return {
    allowed: false,
    reason: heldForUnprivileged ? "subjectHoldsRole" : "noRole",
    rolesThatWouldDo: usable,
  };
}
