import type { Directory } from "../../directory/directory";
import { type RoleName, roleName } from "../../domain/roles";

/** A user's active directory roles, read from Graph at the moment of an action. */
export interface UserRoles {
  userId: string;
  /** Roles the product knows by name, held tenant-wide (directoryScopeId "/"). */
  roles: RoleName[];
  /** Every role template id the user holds, at any scope. */
  templateIds: string[];
  /** Holds any directory role at all, at any scope (DOMAIN.md: such a user is `likely` affected). */
  holdsAnyDirectoryRole: boolean;
}

/**
 * Reads the user's role assignments now, without a cache: authorisation is decided per action from Graph,
 * never from card data or an earlier answer. A role scoped to an administrative unit does not grant a
 * tenant-wide action.
 */
export async function readRoles(
  directory: Pick<Directory, "listRoleAssignments">,
  userId: string,
): Promise<UserRoles> {
  const roles = new Set<RoleName>();
  const templateIds = new Set<string>();
  for await (const assignment of directory.listRoleAssignments(userId)) {
    if (assignment.principalId.toLowerCase() !== userId.toLowerCase()) {
      continue;
    }
    const templateId = assignment.roleDefinitionId.toLowerCase();
    templateIds.add(templateId);
    const name = roleName(templateId);
    if (name && (assignment.directoryScopeId ?? "/") === "/") {
      roles.add(name);
    }
  }
  return {
    userId,
    roles: [...roles],
    templateIds: [...templateIds],
    holdsAnyDirectoryRole: templateIds.size > 0,
  };
}
