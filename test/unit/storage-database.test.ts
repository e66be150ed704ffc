import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";

import BetterSqlite3 from "better-sqlite3";

import { openDatabase } from "../../src/storage/database";
import { openEmbeddedStores } from "../../src/storage/index";
import { applyMigrations, type Migration, MIGRATIONS, schemaVersion } from "../../src/storage/migrations";

const root = mkdtempSync(path.join(tmpdir(), "mfa-ready-db-"));
after(() => rmSync(root, { recursive: true, force: true }));

describe("openDatabase", () => {
  it("creates the parent folder and opens in WAL mode with foreign keys and a busy timeout", () => {
    const file = path.join(root, "nested", "deeper", "db.sqlite");
    const db = openDatabase(file);
    try {
      assert.ok(existsSync(file));
      assert.equal(db.pragma("journal_mode", { simple: true }), "wal");
      assert.equal(db.pragma("foreign_keys", { simple: true }), 1);
      assert.equal(db.pragma("busy_timeout", { simple: true }), 5000);
      assert.equal(schemaVersion(db), MIGRATIONS.length);
    } finally {
      db.close();
    }
  });

  it("applies migrations once: reopening the file applies nothing and keeps the data", async () => {
    const dir = path.join(root, "restart");
    const first = openEmbeddedStores(dir);
    await first.storage.write({ k: { v: "kept" } });
    const eTag = (await first.storage.read(["k"])).k!.eTag;
    first.close();

    const second = openEmbeddedStores(dir);
    try {
      assert.deepEqual(applyMigrations(second.database), []);
      assert.equal(schemaVersion(second.database), MIGRATIONS.length);
      assert.deepEqual(await second.storage.read(["k"]), { k: { v: "kept", eTag } });
    } finally {
      second.close();
    }
  });

  it("refuses a database written by a newer program", () => {
    const file = path.join(root, "newer.sqlite");
    const db = openDatabase(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    assert.throws(() => openDatabase(file), /newer than this program knows/);
  });
});

describe("applyMigrations", () => {
  const steps: Migration[] = [
    { version: 1, name: "one", sql: "CREATE TABLE a (x INTEGER);" },
    { version: 2, name: "two", sql: "CREATE TABLE b (y INTEGER);" },
  ];

  it("applies only what is pending, in order", () => {
    const db = openDatabase(":memory:");
    db.pragma("user_version = 0");
    db.exec("DROP TABLE bot_state; DROP TABLE conversation_references;");
    try {
      assert.deepEqual(applyMigrations(db, steps.slice(0, 1)), [1]);
      assert.deepEqual(applyMigrations(db, [...steps].reverse()), [2]);
      assert.deepEqual(applyMigrations(db, steps), []);
      assert.equal(schemaVersion(db), 2);
    } finally {
      db.close();
    }
  });

  it("rolls a failing step back entirely, schema version included", () => {
    const db = new BetterSqlite3(":memory:"); // no migrations applied
    try {
      const broken = [...steps, { version: 3, name: "broken", sql: "CREATE TABLE c (z INTEGER); NOT SQL;" }];
      assert.throws(() => applyMigrations(db, broken), /syntax error/);
      assert.equal(schemaVersion(db), 0);
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
      assert.deepEqual(tables, []);
    } finally {
      db.close();
    }
  });

  it("rejects a list with a gap in its versions", () => {
    const db = openDatabase(":memory:");
    try {
      assert.throws(() => applyMigrations(db, [steps[0]!, { ...steps[1]!, version: 3 }]), /must run 1, 2, 3/);
    } finally {
      db.close();
    }
  });
});

describe("openEmbeddedStores", () => {
  it("pings while open; close is idempotent and ping then says false", () => {
    const stores = openEmbeddedStores(":memory:");
    assert.equal(stores.ping(), true);
    stores.close();
    stores.close();
    assert.equal(stores.ping(), false);
  });
});
