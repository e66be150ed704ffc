import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";

import {
  findPersona,
  personaConfig,
  PersonaError,
  resolvePersonas,
  writePersonaConfig,
} from "../../scripts/playground-personas";
import { DEFAULT_DEMO_SNAPSHOT } from "../../src/config";
import { loadSnapshot } from "../../src/directory/snapshot";

const demo = loadSnapshot(DEFAULT_DEMO_SNAPSHOT);
const users = demo.users;

describe("Agents Playground personas (npm run playground -- --as …)", () => {
  it("finds a person by first name, display name, UPN or its start, in any case", () => {
    for (const name of ["ben", "Ben Carter", "BEN.CARTER", "ben.carter@contoso.example"]) {
      assert.equal(findPersona(users, name).userPrincipalName, "ben.carter@contoso.example", name);
    }
    assert.equal(findPersona(users, "priya").displayName, "Priya Shell");
  });

  it("refuses a name that is no one's, naming the README's personas", () => {
    assert.throws(
      () => findPersona(users, "zorro"),
      (error: unknown) => {
        assert.ok(error instanceof PersonaError);
        assert.match(error.message, /no one called "zorro".*adele, ben, dana, alex, megan, rita/);
        return true;
      },
    );
  });

  it("gives the README's personas fixed ports, others the ones after, each person once", () => {
    const launches = resolvePersonas(users, ["alex,ben", "priya", "Ben Carter"]);
    assert.deepEqual(
      launches.map(({ user, port }) => [user.givenName, port]),
      [
        ["Alex", 56153],
        ["Ben", 56151],
        ["Priya", 56160],
      ],
    );
    assert.equal(resolvePersonas(users, ["all"]).length, 6);
  });

  it("makes a Teams context with the person as current user and exactly five others", () => {
    const alex = findPersona(users, "alex");
    const config = personaConfig(demo.tenant.id, users, alex) as {
      tenantId: string;
      currentUser: { id: string; aadObjectId: string; name: string };
      users: { aadObjectId: string }[];
      personalChat: { id: string };
    };
    assert.equal(config.tenantId, demo.tenant.id);
    assert.deepEqual(
      [config.currentUser.id, config.currentUser.aadObjectId, config.currentUser.name],
      ["user-alex", alex.id, "Alex Wilber"],
    );
    assert.equal(config.personalChat.id, "personal-chat-alex");
    assert.equal(config.users.length, 5, "the Playground wants five users, no more, no fewer");
    assert.ok(!config.users.some((user) => user.aadObjectId === alex.id));
    const priya = personaConfig(demo.tenant.id, users, findPersona(users, "priya")) as { users: unknown[] };
    assert.equal(priya.users.length, 5);
  });

  it("writes it as JSON, which the Playground reads as YAML", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mfa-personas-"));
    try {
      const file = writePersonaConfig(dir, demo.tenant.id, users, findPersona(users, "ben"));
      assert.equal(path.basename(file), "ben.m365agentsplayground.yml");
      const written = JSON.parse(readFileSync(file, "utf8")) as { currentUser: { name: string } };
      assert.equal(written.currentUser.name, "Ben Carter");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
