import type { Directory } from "../../directory/directory";
import { ROLES_FOR, ROLE_TEMPLATE_IDS, type RoleName } from "../../domain/roles";

/**
 * Everyone who may issue a Temporary Access Pass, found through the tenant's role assignments (tenant-wide
 * scope only): Authentication Administrators and Privileged Authentication Administrators, or only the
 * latter when the requester holds a directory role. The requester is never among them.
 */
export async function findApprovers(
  directory: Pick<Directory, "listRoleAssignments">,
  requesterId: string,
  needsPrivileged: boolean,
): Promise<string[]> {
  const allowed: readonly RoleName[] = needsPrivileged ? ROLES_FOR.issueTemporaryAccessPassForAdmin : ROLES_FOR.issueTemporaryAccessPass;
  const templateIds: ReadonlySet<string> = new Set(allowed.map((name) => ROLE_TEMPLATE_IDS[name]));
  const approvers = new Set<string>();
  for await (const assignment of directory.listRoleAssignments()) {
    if (templateIds.has(assignment.roleDefinitionId.toLowerCase()) && (assignment.directoryScopeId ?? "/") === "/") {
      approvers.add(assignment.principalId.toLowerCase());
    }
  }
  approvers.delete(requesterId.toLowerCase());
  return [...approvers].sort();
}
