import assert from "node:assert/strict";
import { it } from "node:test";

import type { Directory, Readable } from "../../src/directory/directory";
import { readDirectorySnapshot } from "../../src/directory/directory-snapshot";
import { DirectoryError } from "../../src/directory/errors";
import { loadSnapshot } from "../../src/directory/snapshot";
import { snapshotFacts } from "../../src/directory/snapshot-facts";
import { assessTenant } from "../../src/domain/assess-tenant";
import { CONTOSO_SMALL } from "../support/shared-examples";

const example = loadSnapshot(CONTOSO_SMALL);
const GROUP = "f0000000-0000-0000-0000-0000000000dd";

async function* stream<T>(items: readonly T[]): AsyncIterable<T> {
  yield* items;
}
const noPremium = <T>(data: string): Readable<T> => ({
  available: false,
  gap: { data, reason: "noPremium" },
});

/** A tenant without Entra ID P1 and no Policy.Read.All, answering through the Directory port. */
const directory = {
  listUsers: () => stream(example.users),
  listRegistrationDetails: async () => noPremium("registrationDetails"),
  listSignIns: async () => noPremium("signIns"),
  listRoleAssignments: () => stream(example.roleAssignments!),
  listGroupMembers: (id: string) => stream(id === GROUP ? [example.users[1]!.id] : []),
  getMethodsPolicy: async () => {
    throw new DirectoryError("forbidden", "403", { permission: "Policy.Read.All" });
  },
} as unknown as Directory;

it("reads a live tenant through the Directory port into the same join, keeping what could not be read", async () => {
  const end = new Date("2026-11-20T09:00:00Z");
  const { snapshot, gaps } = await readDirectorySnapshot(directory, {
    tenantId: example.tenant.id,
    window: { start: new Date(end.getTime() - 30 * 86_400_000), end },
    settings: { breakGlassAccounts: [GROUP], serviceAccounts: [] },
  });
  assert.equal(snapshot.tenant.premium, false);
  const joined = snapshotFacts(snapshot, { gaps });
  assert.deepEqual(joined.tenant.dataGaps, [
    { data: "policy", reason: "forbidden", permission: "Policy.Read.All" },
  ]);
  const [alice, bob, breakGlass] = [...assessTenant(joined)];
  assert.equal(alice!.phase1, "likely", "a Global Administrator without sign-in data");
  assert.equal(bob!.phase1, "unknown");
  assert.equal(bob!.breakGlass, true, "through the group's members");
  assert.equal(breakGlass!.breakGlass, false);
  assert.deepEqual(
    alice!.dataGaps.map((gap) => `${gap.data}:${gap.reason}`),
    ["signIns:noPremium", "methods:notReadInBulk", "registrationDetails:noPremium", "policy:forbidden"],
  );
});
