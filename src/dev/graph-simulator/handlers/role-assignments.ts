import { notReadable } from "../errors";
import { parseEqClauses } from "../filter-tokens";
import { allowOptions, page, parseSelect, parseTop, project, selectFragment } from "../odata";
import type { Handler } from "../types";

const PROPERTIES: ReadonlySet<string> = new Set([
  "id",
  "principalId",
  "roleDefinitionId",
  "directoryScopeId",
  "appScopeId",
]);

/** GET /roleManagement/directory/roleAssignments[?$filter=principalId eq 'X' | roleDefinitionId eq 'Y'] */
export const listRoleAssignments: Handler = ({ request, state }) => {
  if (state.roleAssignments === undefined) {
    throw notReadable("roleAssignments");
  }
  allowOptions(request, ["$filter", "$select", "$top", "$skiptoken"]);
  const select = parseSelect(request, PROPERTIES, "microsoft.graph.unifiedRoleAssignment");
  const text = request.query.get("$filter");
  const clauses =
    text === null ? [] : parseEqClauses(text, ["principalId", "roleDefinitionId", "directoryScopeId"], "and");
  const items = state.roleAssignments.filter((assignment) =>
    clauses.every((clause) => {
      const value =
        assignment[clause.property as "principalId" | "roleDefinitionId" | "directoryScopeId"] ?? "";
      return value.toLowerCase() === clause.value.toLowerCase();
    }),
  );
  return page(request, {
    items,
    top: parseTop(request, { max: 999, fallback: 100 }),
    context: selectFragment("roleManagement/directory/roleAssignments", select),
    map: (assignment) => project(assignment, select),
  });
};
