import path from "node:path";

import { SqliteAuditLog } from "./audit-log";
import { SqliteBroadcastJobStore } from "./broadcast-jobs";
import { SqliteBroadcastLedger } from "./broadcast-ledger";
import { SqliteConversationReferenceStore } from "./conversation-references";
import { type Database, openDatabase } from "./database";
import { SqliteLiveMethodsStore } from "./live-methods";
import { SqlitePostponementRequestStore } from "./postponement-requests";
import { SqliteReportScanStore } from "./report-scans";
import { SqliteReportSubscriptionStore } from "./report-subscriptions";
import { SqliteScanClaimStore } from "./scan-claims";
import { SqliteScheduledJobStore } from "./scheduled-jobs";
import { SqliteStorage } from "./sqlite-storage";
import { SqliteTapRequestStore } from "./tap-request-store";
import { SqliteWalkthroughStore } from "./walkthrough-store";

export { SqliteAuditLog } from "./audit-log";
export { SqliteConversationReferenceStore } from "./conversation-references";
export { type Database, openDatabase } from "./database";
export { SqliteScheduledJobStore } from "./scheduled-jobs";
export { SqliteStorage } from "./sqlite-storage";
export { StorageConflictError } from "./storage-errors";

/** The file under DATA_DIR that holds every embedded store. */
export const DATABASE_FILE = "mfa-ready.sqlite";

/**
 * The embedded stores as their SQLite classes. They conform to the features' store interfaces
 * structurally; src/product-stores.ts is where the compiler checks that they fit.
 */
export interface EmbeddedStores {
  kind: "sqlite";
  database: Database;
  storage: SqliteStorage;
  conversationReferences: SqliteConversationReferenceStore;
  auditLog: SqliteAuditLog;
  walkthroughs: SqliteWalkthroughStore;
  tapRequests: SqliteTapRequestStore;
  /** The SQLite class itself: it answers synchronously, which tests lean on. */
  scheduledJobs: SqliteScheduledJobStore;
  postponementRequests: SqlitePostponementRequestStore;
  reportScans: SqliteReportScanStore;
  reportSubscriptions: SqliteReportSubscriptionStore;
  scanClaims: SqliteScanClaimStore;
  broadcastJobs: SqliteBroadcastJobStore;
  broadcastLedger: SqliteBroadcastLedger;
  liveMethods: SqliteLiveMethodsStore;
  /** True when the database answers (for /healthz). */
  ping(): boolean;
  /** Closes the database; safe to call more than once. */
  close(): void;
}

/** Opens the embedded stores under `dataDir` (`":memory:"` for a throw-away database). */
export function openEmbeddedStores(dataDir: string): EmbeddedStores {
  const database = openDatabase(dataDir === ":memory:" ? dataDir : path.join(dataDir, DATABASE_FILE));
  const ping = database.prepare<[], { ok: number }>("SELECT 1 AS ok");
  return {
    kind: "sqlite",
    database,
    storage: new SqliteStorage(database),
    conversationReferences: new SqliteConversationReferenceStore(database),
    auditLog: new SqliteAuditLog(database),
    walkthroughs: new SqliteWalkthroughStore(database),
    tapRequests: new SqliteTapRequestStore(database),
    scheduledJobs: new SqliteScheduledJobStore(database),
    postponementRequests: new SqlitePostponementRequestStore(database),
    reportScans: new SqliteReportScanStore(database),
    reportSubscriptions: new SqliteReportSubscriptionStore(database),
    scanClaims: new SqliteScanClaimStore(database),
    broadcastJobs: new SqliteBroadcastJobStore(database),
    broadcastLedger: new SqliteBroadcastLedger(database),
    liveMethods: new SqliteLiveMethodsStore(database),
    ping() {
      if (!database.open) {
        return false;
      }
      try {
        return ping.get()?.ok === 1;
      } catch {
        // A health probe answers "not healthy" rather than throwing; the server logs its own failures.
        return false;
      }
    },
    close() {
      if (database.open) {
        database.close();
      }
    },
  };
}
