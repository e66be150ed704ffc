import type { Database } from "./database";

/** One step of the schema. Steps are append-only: never edit a released one, add the next. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "bot state (botbuilder Storage) with eTags",
    sql: `
      CREATE TABLE bot_state (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL,
        etag       TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );`,
  },
  {
    version: 2,
    name: "conversation references, one per user and tenant",
    sql: `
      CREATE TABLE conversation_references (
        tenant_id       TEXT NOT NULL,
        user_id         TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        service_url     TEXT NOT NULL,
        reference       TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        PRIMARY KEY (tenant_id, user_id)
      ) WITHOUT ROWID;`,
  },
];

/** The schema version a database is at, kept in SQLite's own header (PRAGMA user_version). */
export function schemaVersion(db: Database): number {
  return db.pragma("user_version", { simple: true }) as number;
}

/**
 * Brings the schema up to the last migration. Runs under BEGIN IMMEDIATE and re-reads the version
 * inside it, so two processes opening the same file at once apply each step exactly once.
 * Returns the versions it applied (empty on an up-to-date database).
 */
export function applyMigrations(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  ordered.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration versions must run 1, 2, 3…: found ${migration.version} at position ${index + 1}`,
      );
    }
  });
  const run = db.transaction(() => {
    const current = schemaVersion(db);
    if (current > ordered.length) {
      throw new Error(
        `The database is at schema version ${current}, newer than this program knows (${ordered.length}): upgrade the program`,
      );
    }
    const pending = ordered.slice(current);
    for (const migration of pending) {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
    return pending.map((migration) => migration.version);
  });
  return run.immediate();
}
