import { mkdirSync } from "node:fs";
import path from "node:path";

import BetterSqlite3 from "better-sqlite3";

import { applyMigrations } from "./migrations";

export type Database = BetterSqlite3.Database;

/** How long a writer waits for another connection's lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (creating when needed) the embedded database and brings its schema up to date.
 * `":memory:"` gives a private in-memory database, for tests.
 */
export function openDatabase(file: string): Database {
  const db = connect(file);
  try {
    applyMigrations(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * One more connection to a database file openDatabase has already brought up to date (another thread's:
 * a connection cannot cross threads), with the same settings.
 */
export function connect(file: string): Database {
  const inMemory = file === ":memory:";
  if (!inMemory) {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  const db = new BetterSqlite3(file);
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (!inMemory) {
      // WAL lets readers run while one writer commits; NORMAL sync is durable across process crashes.
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
    }
    db.pragma("foreign_keys = ON");
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
