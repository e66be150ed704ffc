import type { TokenCredential } from "@azure/identity";
import type { Storage } from "botbuilder";

import { type AzureStorageConfig, openAzureAccount } from "./account";
import { ApprovalCardTable } from "./approval-cards";
import { AzureAuditLog } from "./audit-log";
import { openBotState } from "./bot-state";
import { AzureBroadcastJobStore } from "./broadcast-jobs";
import { AzureBroadcastLedger } from "./broadcast-ledger";
import { AzureConversationReferenceStore } from "./conversation-references";
import { AzureLiveMethodsStore } from "./live-methods";
import { AzurePostponementRequestStore } from "./postponement-requests";
import { AzureReportScanStore } from "./report-scans";
import { AzureReportSubscriptionStore } from "./report-subscriptions";
import { AzureScanClaimStore } from "./scan-claims";
import { AzureScheduledJobStore } from "./scheduled-jobs";
import { ensureTable, statusOf } from "./tables";
import { AzureTapRequestStore } from "./tap-request-store";
import { AzureWalkthroughStore } from "./walkthrough-store";

export type { AzureStorageConfig } from "./account";

/**
 * The stores on Azure Storage as their classes. They conform to the features' store interfaces
 * structurally; src/product-stores.ts is where the compiler checks that they fit.
 */
export interface AzureStores {
  kind: "azure";
  storage: Storage;
  conversationReferences: AzureConversationReferenceStore;
  auditLog: AzureAuditLog;
  walkthroughs: AzureWalkthroughStore;
  tapRequests: AzureTapRequestStore;
  scheduledJobs: AzureScheduledJobStore;
  postponementRequests: AzurePostponementRequestStore;
  reportScans: AzureReportScanStore;
  reportSubscriptions: AzureReportSubscriptionStore;
  scanClaims: AzureScanClaimStore;
  broadcastJobs: AzureBroadcastJobStore;
  broadcastLedger: AzureBroadcastLedger;
  liveMethods: AzureLiveMethodsStore;
  ping(): Promise<boolean>;
  close(): void;
}

/** The tables the stores use (each `<prefix><name>`); created at start, idempotently, by whichever instance comes first. */
export const TABLES = [
  "convrefs",
  "audit",
  "jobs",
  "walkthroughs",
  "taprequests",
  "tapcards",
  "postponements",
  "postponementcards",
  "scans",
  "verdicts",
  "scanclaims",
  "subscriptions",
  "broadcasts",
  "deliveries",
  "livemethods",
] as const;

/**
 * Opens the product's stores on Azure Storage (tables, and a blob container for bot state), creating
 * what is missing. Fails, naming the setting, when the account does not answer or refuses.
 */
export async function openAzureStores(
  config: AzureStorageConfig,
  options: { credential?: TokenCredential } = {},
): Promise<AzureStores> {
  const account = openAzureAccount(config, options.credential);
  const tables = Object.fromEntries(TABLES.map((name) => [name, account.table(name)])) as Record<
    (typeof TABLES)[number],
    ReturnType<typeof account.table>
  >;
  await Promise.all(Object.values(tables).map(ensureTable));
  await account.blobs.getContainerClient(account.containerName).createIfNotExists();
  const ping = tables.audit;
  return {
    kind: "azure",
    storage: openBotState(account),
    conversationReferences: new AzureConversationReferenceStore(tables.convrefs),
    auditLog: new AzureAuditLog(tables.audit),
    walkthroughs: new AzureWalkthroughStore(tables.walkthroughs),
    tapRequests: new AzureTapRequestStore(tables.taprequests, new ApprovalCardTable(tables.tapcards)),
    scheduledJobs: new AzureScheduledJobStore(tables.jobs),
    postponementRequests: new AzurePostponementRequestStore(
      tables.postponements,
      new ApprovalCardTable(tables.postponementcards),
    ),
    reportScans: new AzureReportScanStore(tables.scans, tables.verdicts),
    reportSubscriptions: new AzureReportSubscriptionStore(tables.subscriptions),
    scanClaims: new AzureScanClaimStore(tables.scanclaims),
    broadcastJobs: new AzureBroadcastJobStore(tables.broadcasts),
    broadcastLedger: new AzureBroadcastLedger(tables.deliveries),
    liveMethods: new AzureLiveMethodsStore(tables.livemethods),
    async ping() {
      // A point read of a row that never exists: 404 means the account answered and let us in.
      try {
        await ping.getEntity("health", "ping");
        return true;
      } catch (error) {
        return statusOf(error) === 404;
      }
    },
    close() {
      // The SDK clients hold no sockets of their own beyond the shared keep-alive agent.
    },
  };
}
