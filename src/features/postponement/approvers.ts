import type { Directory } from "../../directory/directory";
import { ROLE_TEMPLATE_IDS } from "../../domain/roles";
import type { ConversationReferenceStore } from "../../storage/conversation-references";

export interface Approver {
  id: string;
  displayName?: string;
}

const GLOBAL_ADMINISTRATOR = ROLE_TEMPLATE_IDS.globalAdministrator;

/**
 * Every enabled user who holds Global Administrator tenant-wide, read from the role assignments now.
 * Principals that are not users (role-assignable groups, service principals) are skipped.
 */
export async function listGlobalAdministrators(directory: Directory): Promise<Approver[]> {
  const ids = new Set<string>();
  for await (const assignment of directory.listRoleAssignments()) {
    if (
      assignment.roleDefinitionId.toLowerCase() === GLOBAL_ADMINISTRATOR &&
      (assignment.directoryScopeId ?? "/") === "/"
    ) {
      ids.add(assignment.principalId.toLowerCase());
    }
  }
  const approvers: Approver[] = [];
  for (const id of [...ids].sort()) {
    const user = await directory.getUser(id);
    if (user && user.accountEnabled !== false) {
      approvers.push({ id, displayName: user.displayName ?? undefined });
    }
  }
  return approvers;
}

/**
 * Teams ids for a card's refresh.userIds: the id Teams gave each approver in their chat with the bot when
 * known, else the `8:orgid:` id Teams derives from the Entra object id. Teams refreshes for at most 60.
 */
export async function teamsIdsOf(
  references: ConversationReferenceStore,
  tenantId: string,
  userIds: readonly string[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const userId of userIds.slice(0, 60)) {
    const reference = await references.get(tenantId, userId);
    const known = reference?.reference.user?.id;
    ids.push(known && known !== userId ? known : `8:orgid:${userId}`);
  }
  return ids;
}
