import type { Storage } from "botbuilder";
import type { AuditLog } from "./audit-log";
import type { BroadcastJobStore } from "./broadcast-jobs";
import type { BroadcastLedger } from "./broadcast-ledger";
import type { ConversationReferenceStore } from "./conversation-references";
import type { PostponementRequestStore } from "./postponement-requests";
import type { ReportScanStore } from "./report-scans";
import type { ReportSubscriptionStore } from "./report-subscriptions";
import type { ScanClaimStore } from "./scan-claims";
import type { ScheduledJobStore } from "./scheduled-jobs";
import type { TapRequestStore } from "./tap-request-store";
import type { WalkthroughStore } from "./walkthrough-store";

/** Every store the service is built from, whichever backend holds them (embedded SQLite or Azure Storage). */
export interface ProductStores {
  kind: "sqlite" | "azure";
  /** botbuilder's bot state (eTag-checked). */
  storage: Storage;
  conversationReferences: ConversationReferenceStore;
  auditLog: AuditLog;
  walkthroughs: WalkthroughStore;
  tapRequests: TapRequestStore;
  scheduledJobs: ScheduledJobStore;
  postponementRequests: PostponementRequestStore;
  reportScans: ReportScanStore;
  reportSubscriptions: ReportSubscriptionStore;
  /** One running scan per tenant across instances. */
  scanClaims: ScanClaimStore;
  broadcastJobs: BroadcastJobStore;
  broadcastLedger: BroadcastLedger;
  /** True when the backend answers (for /healthz). */
  ping(): boolean | Promise<boolean>;
  /** Releases the backend; safe to call more than once. */
  close(): void;
}
