import type { SnapshotGroup } from "../../../directory/graph-types";
import { notFound, notReadable } from "../errors";
import { allowOptions, page, parseSelect, parseTop, project, selectFragment, wantsCount } from "../odata";
import type { TenantState } from "../tenant-state";
import type { Handler } from "../types";
import { projectUser, requireUser, USER_PROPERTIES } from "./users";

const CODE = "Request_BadRequest";
const GROUP_PROPERTIES: ReadonlySet<string> = new Set([
  "id",
  "displayName",
  "description",
  "mail",
  "mailEnabled",
  "securityEnabled",
  "groupTypes",
]);
const USER_TYPE = "#microsoft.graph.user";
const GROUP_TYPE = "#microsoft.graph.group";

function groups(state: TenantState): Map<string, SnapshotGroup> {
  if (state.groups === undefined) {
    throw notReadable("groups");
  }
  return state.groups;
}

function projectGroup(group: SnapshotGroup, select: readonly string[] | undefined): Record<string, unknown> {
  const { members: _members, ...rest } = group;
  return project(rest, select ?? ["id", "displayName"]);
}

/** /groups/{id}/members and /transitiveMembers, optionally cast to microsoft.graph.user. */
export const listGroupMembers: Handler = ({ request, params, state }) => {
  const group = groups(state).get(params.id!.toLowerCase());
  if (group === undefined) {
    throw notFound(params.id!);
  }
  allowOptions(request, ["$select", "$top", "$count", "$skiptoken"], CODE);
  const usersOnly = params.cast === "microsoft.graph.user";
  const select = parseSelect(
    request,
    usersOnly ? USER_PROPERTIES : new Set([...USER_PROPERTIES, ...GROUP_PROPERTIES]),
    usersOnly ? "microsoft.graph.user" : "microsoft.graph.directoryObject",
    CODE,
  );
  const ids =
    params.relation === "transitiveMembers" ? [...state.transitiveMembers(group.id)] : group.members;
  const items: Array<Record<string, unknown>> = [];
  for (const id of ids) {
    const user = state.user(id);
    const nested = state.groups?.get(id.toLowerCase());
    if (user !== undefined) {
      items.push(
        usersOnly ? projectUser(user, select) : { "@odata.type": USER_TYPE, ...projectUser(user, select) },
      );
    } else if (nested !== undefined && !usersOnly) {
      items.push({ "@odata.type": GROUP_TYPE, ...projectGroup(nested, select) });
    }
  }
  return page(request, {
    items,
    top: parseTop(request, { max: 999, fallback: 100 }, CODE),
    count: wantsCount(request, CODE),
    context: selectFragment(usersOnly ? "users" : "directoryObjects", select),
    map: (item) => item,
    errorCode: CODE,
  });
};

/** /users/{id}/memberOf and /transitiveMemberOf, optionally cast to microsoft.graph.group. */
export const listMemberOf: Handler = ({ request, params, state }) => {
  const all = groups(state);
  const user = requireUser(state, params.id!);
  allowOptions(request, ["$select", "$top", "$count", "$skiptoken"], CODE);
  const select = parseSelect(request, GROUP_PROPERTIES, "microsoft.graph.group", CODE);
  const containing =
    params.relation === "transitiveMemberOf"
      ? state.transitiveMemberOf(user.id)
      : [...all.values()].filter((group) =>
          group.members.some((id) => id.toLowerCase() === user.id.toLowerCase()),
        );
  const typed = params.cast === "microsoft.graph.group";
  return page(request, {
    items: containing,
    top: parseTop(request, { max: 999, fallback: 100 }, CODE),
    count: wantsCount(request, CODE),
    context: selectFragment(typed ? "groups" : "directoryObjects", select),
    map: (group) =>
      typed ? projectGroup(group, select) : { "@odata.type": GROUP_TYPE, ...projectGroup(group, select) },
    errorCode: CODE,
  });
};
