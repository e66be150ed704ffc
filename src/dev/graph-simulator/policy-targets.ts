import type { AuthenticationMethodConfiguration } from "../../directory/graph-types";
import type { TenantState } from "./tenant-state";

/** Whether a method configuration's include targets cover the user and its exclude targets do not. */
export function isTargeted(
  state: TenantState,
  config: AuthenticationMethodConfiguration,
  userId: string,
): boolean {
  const covers = (target: { id: string }) =>
    target.id === "all_users" ||
    target.id.toLowerCase() === userId.toLowerCase() ||
    state.transitiveMembers(target.id).has(userId.toLowerCase());
  return (config.includeTargets ?? []).some(covers) && !(config.excludeTargets ?? []).some(covers);
}
