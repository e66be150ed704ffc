import type { Storage } from "botbuilder";

import type { AuditLog } from "./features/authz/audit-log";
import type { BroadcastJobStore } from "./features/broadcast/broadcast-job-store";
import type { BroadcastLedger } from "./features/broadcast/broadcast-ledger";
import type { ConversationReferenceStore } from "./features/messaging/conversation-reference-store";
import type { PostponementRequestStore } from "./features/postponement/postponement-store";
import type { TapRequestStore } from "./features/registration/tap-request-store";
import type { WalkthroughStore } from "./features/registration/walkthrough-store";
import type { LiveMethodsStore } from "./features/report/live-methods-store";
import type { ReportScanStore } from "./features/report/report-scan-store";
import type { ReportSubscriptionStore } from "./features/report/report-subscription-store";
import type { ScanClaimStore } from "./features/report/scan-claim-store";
import type { ScheduledJobStore } from "./features/scheduler/scheduled-job-store";
import type { EmbeddedStores } from "./storage";
import type { AzureStores } from "./storage/azure";

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
  /** Typed methods the product read live or verified, per user (newer than the registration report). */
  liveMethods: LiveMethodsStore;
  /** True when the backend answers (for /healthz). */
  ping(): boolean | Promise<boolean>;
  /** Releases the backend; safe to call more than once. */
  close(): void;
}

/** Both backends, typed against the features' interfaces: a store that no longer fits fails to compile here. */
export function asProductStores(stores: EmbeddedStores | AzureStores): ProductStores {
  return stores;
}
