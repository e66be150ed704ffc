import type { Database } from "./database";
import { migration as botState } from "./migrations/0001-bot-state";
import { migration as conversationReferences } from "./migrations/0002-conversation-references";
import { migration as auditAndSchedule } from "./migrations/0003-audit-and-schedule";
import { migration as walkthroughs } from "./migrations/0004-walkthroughs";
import { migration as postponement } from "./migrations/0005-postponement";
import { migration as report } from "./migrations/0006-report";
import { migration as broadcast } from "./migrations/0007-broadcast";
import { migration as scanClaims } from "./migrations/0008-scan-claims";
import { migration as broadcastAcknowledgements } from "./migrations/0009-broadcast-acknowledgements";
import { migration as liveMethods } from "./migrations/0010-live-methods";
import { migration as workloadIdentity } from "./migrations/0011-workload-identity";
import { migration as verdictsWithoutUserIndex } from "./migrations/0012-verdicts-without-user-index";
import type { Migration } from "./migrations/migration";

export type { Migration } from "./migrations/migration";

/** Every step of the schema, one file each under migrations/, in version order. */
export const MIGRATIONS: readonly Migration[] = [
  botState,
  conversationReferences,
  auditAndSchedule,
  walkthroughs,
  postponement,
  report,
  broadcast,
  scanClaims,
  broadcastAcknowledgements,
  liveMethods,
  workloadIdentity,
  verdictsWithoutUserIndex,
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
