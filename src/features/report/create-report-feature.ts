import type { Config } from "../../config";
import type { Directory } from "../../directory/directory";
import type { ProductTenantSettings } from "../../directory/graph-types";
import type { Logger } from "../../logger";
import type { Authorizer } from "../authz/authorize";
import type { ConversationReferenceStore } from "../messaging/conversation-reference-store";
import type { Messenger } from "../messaging/messenger";
import type { Scheduler } from "../scheduler/scheduler";
import { assessmentScope } from "../status/assessment-scope";
import { DailyReport } from "./daily-report";
import type { LiveMethodsStore } from "./live-methods-store";
import type { ReportScanStore } from "./report-scan-store";
import { ReportService } from "./report-service";
import type { ReportSubscriptionStore } from "./report-subscription-store";
import type { ScanClaimStore } from "./scan-claim-store";
import { ScanService } from "./scan-service";
import { ScanWatchers } from "./scan-watchers";

/** The readiness report: the service the bot calls, and the scans broadcasts read their audience from. */
export interface ReportFeature {
  service: ReportService;
  scans: ScanService;
  close(): Promise<void>;
}

export interface ReportFeatureOptions {
  config: Pick<Config, "assessment" | "report" | "locale">;
  directory: Directory;
  authz: Authorizer;
  tenantId?: string;
  /** Demo mode: the window ends at the snapshot's capture time; its settings fill the gaps. */
  snapshot?: { capturedAt: string; settings: ProductTenantSettings };
  stores: {
    reportScans: ReportScanStore;
    reportSubscriptions: ReportSubscriptionStore;
    scanClaims?: ScanClaimStore;
    /** Typed methods the product read live or verified (the status checks, the walkthroughs). */
    liveMethods?: Pick<LiveMethodsStore, "list">;
    /** Where each daily report's reader left their language. */
    conversationReferences: Pick<ConversationReferenceStore, "get">;
  };
  messenger: Messenger;
  scheduler: Scheduler;
  logger: Logger;
  now?: () => Date;
  progressIntervalMs?: number;
  fetch?: typeof fetch;
}

export function createReportFeature(options: ReportFeatureOptions): ReportFeature {
  const now = options.now ?? (() => new Date());
  const logger = options.logger.child({ feature: "report" });
  const scans = new ScanService({
    directory: options.directory,
    store: options.stores.reportScans,
    claims: options.stores.scanClaims,
    liveMethods: options.stores.liveMethods,
    ...assessmentScope(options.config, options),
    logger,
    clock: now,
  });
  const daily = new DailyReport({
    dailyAt: options.config.report.dailyAt,
    scheduler: options.scheduler,
    subscriptions: options.stores.reportSubscriptions,
    scans,
    messenger: options.messenger,
    conversationReferences: options.stores.conversationReferences,
    locale: options.config.locale,
    authz: options.authz,
    logger,
    now,
  });
  const watchers = new ScanWatchers({
    messenger: options.messenger,
    isSubscribed: (tenantId, userId) => daily.isSubscribed(tenantId, userId),
    logger,
    clock: now,
    intervalMs: options.progressIntervalMs,
  });
  return {
    service: new ReportService({ scans, watchers, daily, authz: options.authz, now, fetch: options.fetch }),
    scans,
    async close() {
      await scans.close();
      watchers.close();
    },
  };
}
