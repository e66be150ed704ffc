import type { Directory, Readable } from "../../directory/directory";
import { referencedGroupIds } from "../../directory/directory-snapshot";
import { DirectoryError } from "../../directory/errors";
import type {
  AuthenticationMethodsPolicy,
  ProductTenantSettings,
  UnifiedRoleAssignment,
} from "../../directory/graph-types";
import type { DataGap } from "../../domain/facts";
import { abortable } from "./abortable";

/** Adds an item to a key's list in an index by user. */
export function push<T>(index: Map<string, T[]>, key: string, item: T): void {
  const list = index.get(key);
  if (list === undefined) {
    index.set(key, [item]);
  } else {
    list.push(item);
  }
}

/** The items of a readable collection, or undefined with its gap recorded under `key`. */
export async function readable<T>(
  answer: Readable<T>,
  key: string,
  gaps: Record<string, DataGap>,
): Promise<AsyncIterable<T> | undefined> {
  if (!answer.available) {
    gaps[key] = { ...answer.gap, data: key };
    return undefined;
  }
  return answer.items;
}

/** The methods policy, or undefined with its gap recorded when it cannot be read. */
export async function readPolicy(
  directory: Pick<Directory, "getMethodsPolicy">,
  gaps: Record<string, DataGap>,
): Promise<AuthenticationMethodsPolicy | undefined> {
  try {
    return await directory.getMethodsPolicy();
  } catch (error) {
    if (!(error instanceof DirectoryError)) {
      throw error;
    }
    gaps.policy = { data: "policy", reason: error.reason, permission: error.permission };
    return undefined;
  }
}

/** Every role assignment, by lower-case principal id. */
export async function readRoles(
  directory: Pick<Directory, "listRoleAssignments">,
  signal: AbortSignal | undefined,
): Promise<Map<string, UnifiedRoleAssignment[]>> {
  const byUser = new Map<string, UnifiedRoleAssignment[]>();
  for await (const assignment of abortable(directory.listRoleAssignments(), signal)) {
    push(byUser, assignment.principalId.toLowerCase(), assignment);
  }
  return byUser;
}

/** The groups the settings and the policy name, by lower-case member id. */
export async function readGroups(
  directory: Pick<Directory, "listGroupMembers">,
  settings: ProductTenantSettings,
  policy: AuthenticationMethodsPolicy | undefined,
  signal: AbortSignal | undefined,
): Promise<Map<string, string[]>> {
  const byUser = new Map<string, string[]>();
  for (const groupId of referencedGroupIds(settings, { authenticationMethodsPolicy: policy })) {
    for await (const member of abortable(directory.listGroupMembers(groupId), signal)) {
      push(byUser, member.toLowerCase(), groupId);
    }
  }
  return byUser;
}
