import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";

import { loadSnapshot, parseSnapshot, SnapshotError } from "../../src/directory/snapshot";
import { CONTOSO_SMALL } from "../support/shared-examples";

const example = CONTOSO_SMALL;
const base = () =>
  JSON.parse(readFileSync(example, "utf8")) as Record<string, unknown> & {
    users: Array<Record<string, unknown>>;
  };

function problem(mutate: (snapshot: ReturnType<typeof base>) => void): SnapshotError {
  const snapshot = base();
  mutate(snapshot);
  try {
    parseSnapshot(JSON.stringify(snapshot), "t.json");
  } catch (error) {
    assert.ok(error instanceof SnapshotError);
    return error;
  }
  assert.fail("expected a SnapshotError");
}

describe("loadSnapshot / parseSnapshot", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "snapshot-"));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("loads the shared example as is", () => {
    const snapshot = loadSnapshot(example);
    assert.equal(snapshot.users.length, 4);
    assert.equal(snapshot.tenant.premium, true);
  });

  it("names the file for an unreadable file and for text that is not JSON, in one line", () => {
    assert.throws(() => loadSnapshot(path.join(dir, "missing.json")), {
      name: "SnapshotError",
      message: `${path.join(dir, "missing.json")}: $: cannot read the file (ENOENT)`,
    });
    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, "{ not json");
    assert.throws(
      () => loadSnapshot(bad),
      (error: SnapshotError) => {
        assert.equal(error.file, bad);
        assert.equal(error.jsonPath, "$");
        assert.match(error.problem, /^not valid JSON/);
        assert.doesNotMatch(error.message, /\n/);
        return true;
      },
    );
  });

  it("names the JSONPath of a required key of the wrong type or missing", () => {
    const wrongType = problem((s) => (s.users[1]!.userPrincipalName = 42));
    assert.equal(wrongType.message, "t.json: $.users[1].userPrincipalName: expected a string, got number");
    assert.equal(problem((s) => delete s.users[0]!.id).jsonPath, "$.users[0].id");
    assert.equal(
      problem((s) => delete s.capturedAt).message,
      "t.json: $.capturedAt: required key is missing",
    );
    assert.equal(problem((s) => (s.capturedAt = "yesterday")).jsonPath, "$.capturedAt");
    assert.equal(
      problem((s) => ((s.tenant as Record<string, unknown>).premium = "yes")).jsonPath,
      "$.tenant.premium",
    );
    assert.equal(
      problem((s) => ((s.settings as Record<string, unknown>).breakGlassAccounts = [1])).jsonPath,
      "$.settings.breakGlassAccounts[0]",
    );
    assert.equal(problem((s) => (s.users = {} as never)).message, "t.json: $.users: expected an array");
    assert.throws(() => parseSnapshot("[]", "t.json"), {
      message: "t.json: $: expected an object, got array",
    });
  });

  it("checks optional keys by type when present", () => {
    assert.equal(
      problem((s) => ((s.signIns as Array<Record<string, unknown>>)[1]!.createdDateTime = "soon")).jsonPath,
      "$.signIns[1].createdDateTime",
    );
    assert.equal(
      problem((s) => ((s.signIns as Array<Record<string, unknown>>)[0]!.status = { errorCode: "0" }))
        .jsonPath,
      "$.signIns[0].status.errorCode",
    );
    assert.equal(
      problem(
        (s) =>
          ((s.authenticationMethods as Record<string, Array<Record<string, unknown>>>)[
            "a0000000-0000-0000-0000-000000000001"
          ]![1]!["@odata.type"] = 3),
      ).jsonPath,
      '$.authenticationMethods["a0000000-0000-0000-0000-000000000001"][1]["@odata.type"]',
    );
    assert.equal(problem((s) => (s.groups = [{ id: "g" }])).jsonPath, "$.groups[0].members");
    assert.equal(
      problem(
        (s) =>
          ((
            s.authenticationMethodsPolicy as {
              authenticationMethodConfigurations: Array<Record<string, unknown>>;
            }
          ).authenticationMethodConfigurations[0]!.includeTargets = [{}]),
      ).jsonPath,
      "$.authenticationMethodsPolicy.authenticationMethodConfigurations[0].includeTargets[0].id",
    );
  });

  it("accepts a snapshot without any optional key (nothing readable but users)", () => {
    const snapshot = base();
    for (const key of [
      "userRegistrationDetails",
      "authenticationMethods",
      "signIns",
      "roleAssignments",
      "groups",
      "authenticationMethodsPolicy",
    ]) {
      delete snapshot[key];
    }
    assert.equal(parseSnapshot(JSON.stringify(snapshot), "t.json").signIns, undefined);
  });
});
