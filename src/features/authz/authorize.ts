import type { Directory } from "../../directory/directory";
import type { ProductTenantSettings } from "../../directory/graph-types";
import type { Actor } from "../../domain/actor";
import { type RoleName, roleName as roleNameOf } from "../../domain/roles";
import { type Action, decide, type Refusal, WHO_MAY } from "../../domain/who-may";
import type { Logger } from "../../logger";
import type { AuditLog } from "./audit-log";
import { breakGlassAccountIds } from "./break-glass-accounts";
import { readRoles } from "./roles";

export interface AuthorizerOptions {
  directory: Pick<Directory, "listRoleAssignments" | "listGroupMembers" | "getUser">;
  auditLog: AuditLog;
  logger: Logger;
  /** Break-glass accounts (never chosen as approvers). */
  settings: ProductTenantSettings;
  /** BROADCAST_SENDERS: a group whose members may broadcast without an admin role. */
  broadcastSenders?: string;
}

export interface AuthorizeRequest {
  /** The user the action is about (a pass's requester, a postponement's requester, the status looked up). */
  subjectId?: string;
  subjectName?: string;
  /** Which step of the action (compose, send, csv, daily…), for the audit log. */
  step?: string;
  /** False only to decide what to show (a help card's admin buttons): nothing is done, nothing is audited. */
  audit?: boolean;
}

export type Authorization =
  | { allowed: true; action: Action; by: RoleName | "memberGroup" }
  | { allowed: false; action: Action; reason: Refusal; rolesThatWouldDo: RoleName[] };

export interface Authorizer {
  /** Reads the actor's roles in Graph now (tenant-wide only), decides by the table, audits the answer. */
  authorize(actor: Actor, action: Action, request?: AuthorizeRequest): Promise<Authorization>;
  /**
   * Everyone who may take an approval action, from the tenant's role assignments now (tenant-wide only):
   * without break-glass accounts (nobody reads their chats) and without the subject.
   */
  approvers(
    action: "issueTemporaryAccessPass" | "decidePostponement",
    subject: { id: string; holdsAnyDirectoryRole: boolean },
  ): Promise<string[]>;
  /** Whether the user holds any directory role, at any scope (a subject fact of the table's rules). */
  holdsAnyDirectoryRole(userId: string): Promise<boolean>;
}

async function isMember(
  directory: AuthorizerOptions["directory"],
  groupId: string | undefined,
  userId: string,
): Promise<boolean> {
  if (groupId === undefined) {
    return false;
  }
  for await (const member of directory.listGroupMembers(groupId)) {
    if (member.toLowerCase() === userId.toLowerCase()) {
      return true;
    }
  }
  return false;
}

export function createAuthorizer(options: AuthorizerOptions): Authorizer {
  const { directory, auditLog, logger } = options;
  const holdsAnyDirectoryRole = async (userId: string) =>
    (await readRoles(directory, userId)).holdsAnyDirectoryRole;

  return {
    holdsAnyDirectoryRole,

    async authorize(actor, action, request = {}) {
      const permission = WHO_MAY[action];
      const roles = await readRoles(directory, actor.userId);
      const subjectId = request.subjectId?.toLowerCase();
      const needsSubjectRoles =
        subjectId !== undefined &&
        permission.rolesForUnprivilegedSubject !== undefined &&
        subjectId !== actor.userId.toLowerCase();
      const subject =
        subjectId === undefined
          ? undefined
          : {
              id: subjectId,
              holdsAnyDirectoryRole: needsSubjectRoles ? await holdsAnyDirectoryRole(subjectId) : false,
            };
      const needsGroup =
        permission.memberGroupSetting !== undefined &&
        !permission.roles.some((role) => roles.roles.includes(role));
      const inMemberGroup = needsGroup && (await isMember(directory, options.broadcastSenders, actor.userId));
      const decision = decide(action, {
        actorId: actor.userId,
        actorRoles: roles.roles,
        subject,
        inMemberGroup,
      });
      if (request.audit !== false) {
        await auditLog.record({
          tenantId: actor.tenantId,
          actorId: actor.userId,
          actorName: actor.name,
          action: decision.allowed ? "authz.granted" : "authz.refused",
          subjectId: request.subjectId,
          subjectName: request.subjectName,
          outcome: decision.allowed ? "success" : "refused",
          detail: {
            permission: action,
            ...(request.step ? { step: request.step } : {}),
            ...(decision.allowed ? { by: decision.by } : { reason: decision.reason }),
          },
        });
        logger[decision.allowed ? "info" : "warn"](
          {
            event: decision.allowed ? "authz.granted" : "authz.refused",
            permission: action,
            step: request.step,
            userId: actor.userId,
            ...(decision.allowed ? { by: decision.by } : { reason: decision.reason }),
          },
          decision.allowed ? "action allowed" : "action refused",
        );
      }
      return { action, ...decision };
    },

    async approvers(action, subject) {
      const permission = WHO_MAY[action];
      const usable = new Set<string>([
        ...permission.roles,
        ...(subject.holdsAnyDirectoryRole ? [] : (permission.rolesForUnprivilegedSubject ?? [])),
      ]);
      const ids = new Set<string>();
      for await (const assignment of directory.listRoleAssignments()) {
        const role = roleNameOf(assignment.roleDefinitionId);
        if (role !== undefined && usable.has(role) && (assignment.directoryScopeId ?? "/") === "/") {
          ids.add(assignment.principalId.toLowerCase());
        }
      }
      ids.delete(subject.id.toLowerCase());
      for (const id of await breakGlassAccountIds(directory, options.settings)) {
        ids.delete(id);
      }
      return [...ids].sort();
    },
  };
}
