import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { Directory } from "../../src/directory/directory";
import type { UnifiedRoleAssignment } from "../../src/directory/graph-types";
import { ROLE_TEMPLATE_IDS } from "../../src/domain/roles";
import { readRoles } from "../../src/features/authz/roles";

function directoryWith(assignments: UnifiedRoleAssignment[]): { directory: Directory; calls: string[] } {
  const calls: string[] = [];
  const directory = {
    async *listRoleAssignments(principalId?: string) {
      calls.push(principalId ?? "*");
      yield* assignments.filter(
        (assignment) => principalId === undefined || assignment.principalId === principalId,
      );
    },
  } as unknown as Directory;
  return { directory, calls };
}

describe("readRoles", () => {
  it("names the tenant-wide roles it knows and counts every role", async () => {
    const { directory, calls } = directoryWith([
      {
        id: "1",
        principalId: "u1",
        roleDefinitionId: ROLE_TEMPLATE_IDS.globalAdministrator.toUpperCase(),
        directoryScopeId: "/",
      },
      {
        id: "2",
        principalId: "u1",
        roleDefinitionId: ROLE_TEMPLATE_IDS.authenticationAdministrator,
        directoryScopeId: "/administrativeUnits/au1",
      },
      {
        id: "3",
        principalId: "u1",
        roleDefinitionId: "00000000-1111-2222-3333-444444444444",
        directoryScopeId: "/",
      },
      { id: "4", principalId: "u2", roleDefinitionId: ROLE_TEMPLATE_IDS.globalReader, directoryScopeId: "/" },
    ]);
    const roles = await readRoles(directory, "u1");
    assert.deepEqual(calls, ["u1"]);
    assert.deepEqual(roles.roles, ["globalAdministrator"]);
    assert.equal(roles.templateIds.length, 3);
    assert.equal(roles.holdsAnyDirectoryRole, true);
    assert.equal(roles.roles.includes("globalAdministrator"), true);
    assert.equal(
      roles.roles.includes("authenticationAdministrator"),
      false,
      "a role scoped to an administrative unit grants no tenant-wide action",
    );
  });

  it("reads afresh each time: a role removed in Graph is gone at the next action", async () => {
    const assignments: UnifiedRoleAssignment[] = [
      {
        id: "1",
        principalId: "u1",
        roleDefinitionId: ROLE_TEMPLATE_IDS.globalAdministrator,
        directoryScopeId: "/",
      },
    ];
    const { directory } = directoryWith(assignments);
    assert.equal((await readRoles(directory, "u1")).roles.includes("globalAdministrator"), true);
    assignments.pop();
    const after = await readRoles(directory, "u1");
    assert.equal(after.roles.includes("globalAdministrator"), false);
    assert.equal(after.holdsAnyDirectoryRole, false);
  });
});
