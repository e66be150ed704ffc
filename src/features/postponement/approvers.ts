import type { Directory } from "../../directory/directory";
import type { Authorizer } from "../authz/authorize";
import type { ConversationReferenceStore } from "../messaging/conversation-reference-store";
import { preferredLanguageOf } from "./reader-locale";

export interface Approver {
  id: string;
  displayName?: string;
  /** Graph's preferredLanguage, when the directory read it: the approver's language if no chat says one. */
  preferredLanguage?: string;
}

/**
 * Every enabled user who may decide the requester's postponement (the permissions table: Global
 * Administrators tenant-wide, read now), never the requester (when given) and never a break-glass account.
 * Principals that are not users (role-assignable groups, service principals) are skipped.
 */
export async function listGlobalAdministrators(
  directory: Pick<Directory, "getUser">,
  authz: Authorizer,
  requesterId?: string,
): Promise<Approver[]> {
  const approvers: Approver[] = [];
  for (const id of await authz.approvers("decidePostponement", {
    id: requesterId ?? "",
    holdsAnyDirectoryRole: false,
  })) {
    const user = await directory.getUser(id);
    if (user && user.accountEnabled !== false) {
      const preferredLanguage = preferredLanguageOf(user);
      approvers.push({
        id,
        displayName: user.displayName ?? undefined,
        ...(preferredLanguage ? { preferredLanguage } : {}),
      });
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
