import { randomUUID } from "node:crypto";

import { appVersion } from "./app-version";
import { type ActivityEndpoint, type BotAdapterOptions, connectBot, createBot } from "./bot";
import { createBroadcastConnector } from "./bot/broadcast-connector";
import type { Recognize } from "./bot/handlers/message";
import type { Config } from "./config";
import { createAuthorizer } from "./features/authz/authorize";
import { type BroadcastFeature, createBroadcastFeature } from "./features/broadcast/create-broadcast-feature";
import { verdictsFromScans } from "./features/broadcast/scan-verdicts";
import { recognize } from "./features/conversation/recognizer";
import { createPostponementService } from "./features/postponement/postponement-service";
import { createRegistrationFor } from "./features/registration/registration-for-service";
import { createReportFeature, type ReportFeature } from "./features/report/create-report-feature";
import { createScheduler, type Scheduler } from "./features/scheduler/scheduler";
import { assessmentScope } from "./features/status/assessment-scope";
import { createStatusService } from "./features/status/create-status-service";
import { lookUpStatus } from "./features/status/status-lookup";
import type { Logger } from "./logger";
import { type DirectoryHandle, openDirectory } from "./open-directory";
import { openStores } from "./open-stores";
import type { ProductStores } from "./product-stores";
import { createServer } from "./server";

/** How long a shutdown waits for turns already running. */
export const SHUTDOWN_DRAIN_MS = 10_000;

export type ServiceStores = ProductStores;

/** Everything the service is built from; tests pass their own stores, token endpoints and clock. */
export interface ServiceParts {
  config: Config;
  logger: Logger;
  stores: ServiceStores;
  /** Every feature needs it; tests hand in the Graph simulator's (faults injected through its admin endpoints). */
  directory: DirectoryHandle;
  auth?: BotAdapterOptions;
  recognize?: Recognize;
  now?: () => Date;
  /** Report tuning for tests: how often progress cards update, the HTTP client of the CSV upload. */
  report?: { progressIntervalMs?: number; fetch?: typeof fetch };
  /** Broadcast tuning for tests: progress card cadence, the lease and how often other instances' jobs are looked for. */
  broadcast?: { progressEveryMs?: number; leaseMs?: number; resumeEveryMs?: number };
  /** How long a card action may take before its invoke is answered without it (tests shorten Teams' 10 s). */
  invokeBudgetMs?: number;
}

export interface RunningService {
  url: string;
  endpoint: ActivityEndpoint;
  /** Scheduled jobs (reminders…); tests run what is due with runDue() after moving their clock. */
  scheduler: Scheduler;
  report: ReportFeature;
  broadcast: BroadcastFeature;
  /** Stops accepting, waits for turns in flight (bounded), then closes the directory and the stores. */
  stop(drainMs?: number): Promise<{ drained: boolean }>;
}

/** Composition: stores + directory -> bot -> HTTP server, listening. No logic of its own. */
export async function startService(parts: ServiceParts): Promise<RunningService> {
  const { config, logger, stores, directory } = parts;
  // One clock for every feature (tests hand in their own).
  const now = parts.now ?? (() => new Date());
  const connection = connectBot({
    config,
    conversationReferences: stores.conversationReferences,
    directory: directory.directory,
    logger,
    now,
    auth: parts.auth,
  });
  // Features register their scheduled kinds (reminders, daily scans, follow-ups) before it starts.
  const scheduler = createScheduler({
    store: stores.scheduledJobs,
    logger: logger.child({ component: "scheduler" }),
    now,
  });
  const status = createStatusService(config, logger, directory.status, {
    clock: now,
    liveMethods: stores.liveMethods,
  });
  // The one permissions table (DOMAIN.md "Who may do what"): every feature asks it, each answer audited.
  const authz = createAuthorizer({
    directory: directory.directory,
    auditLog: stores.auditLog,
    logger: logger.child({ component: "authz" }),
    settings: assessmentScope(config, directory.status).settings,
    broadcastSenders: config.authz.broadcastSenders,
  });
  const report = createReportFeature({
    config,
    directory: directory.directory,
    authz,
    tenantId: directory.status.tenantId,
    snapshot: directory.status.snapshot,
    stores,
    messenger: connection.messenger,
    scheduler,
    logger,
    now,
    ...parts.report,
  });
  const broadcast = createBroadcastFeature({
    jobs: stores.broadcastJobs,
    ledger: stores.broadcastLedger,
    directory: directory.directory,
    authz,
    verdicts: verdictsFromScans(report.scans, stores.liveMethods),
    conversationReferences: stores.conversationReferences,
    auditLog: stores.auditLog,
    transport: createBroadcastConnector({
      bot: config.bot,
      endpoints: parts.auth?.endpoints,
      credentialsFactory: parts.auth?.credentialsFactory,
      timeoutMs: config.directory.timeoutMs,
    }),
    scheduler,
    assess: async (tenantId, userId) => {
      const view = await status.check({ tenantId, userId }, { fresh: true });
      return view.template === "status" ? view.verdict : undefined;
    },
    teams: {
      appId: config.teams.appId,
      serviceUrl: config.teams.serviceUrl,
      tenantRps: config.teams.tenantRps,
    },
    logger,
    now,
    timeZone: config.locale.timeZone,
    defaultLocale: config.locale.defaultLocale,
    ...parts.broadcast,
  });
  const endpoint = createBot({
    connection,
    config,
    tenantId: directory.status.tenantId,
    storage: stores.storage,
    conversationReferences: stores.conversationReferences,
    recognize: parts.recognize ?? recognize,
    locale: config.locale,
    logger,
    now,
    auth: parts.auth,
    ...(parts.invokeBudgetMs === undefined ? {} : { invokeBudgetMs: parts.invokeBudgetMs }),
    status,
    lookUpStatus: (actor, query) =>
      lookUpStatus({ status, authz, directory: directory.directory }, actor, query),
    // The help card's admin part: shown to those the table lets read the report (not audited: it acts on nothing).
    showAdminJobs: async (actor) =>
      (await authz.authorize(actor, "readinessReport", { audit: false })).allowed,
    report,
    broadcast: broadcast.service,
    registration: createRegistrationFor(
      config,
      logger,
      stores,
      directory.directory,
      authz,
      connection.messenger,
      directory.status,
      {
        now,
        onVerified: (actor) => status.forget(actor),
        // Demo mode only: the verify step offers "Simulate registering a passkey" in the simulator.
        demo: directory.demo,
      },
    ),
    postponement: createPostponementService({
      directory: directory.directory,
      authz,
      store: stores.postponementRequests,
      auditLog: stores.auditLog,
      messenger: connection.messenger,
      scheduler,
      conversationReferences: stores.conversationReferences,
      logger: logger.child({ feature: "postponement" }),
      locale: config.locale,
      now,
      newId: randomUUID,
    }),
  });
  const { name, version } = appVersion();
  const server = createServer({
    endpoint,
    logger,
    health: {
      name,
      version,
      mode: config.directory.mode,
      startedAt: Date.now(),
      now: Date.now,
      storageKind: stores.kind,
      storage: () => stores.ping(),
      directory: () => directory.health(),
    },
  });
  const url = await server.listen(config.port, config.host);
  scheduler.start();
  await broadcast.resumeUnfinished();
  logger.info({ url: `${url}/api/messages`, mode: config.directory.mode, version }, "MFA Ready listening");
  if (config.unauthenticated) {
    logger.warn(
      { host: config.host },
      "BOT_ID is not set: requests are NOT authenticated; for local clients only (Agents Playground)",
    );
  }
  return {
    url,
    endpoint,
    scheduler,
    report,
    broadcast,
    async stop(drainMs = SHUTDOWN_DRAIN_MS) {
      const result = await server.close(drainMs);
      await broadcast.close();
      await report.close();
      await scheduler.stop();
      await directory.close();
      stores.close();
      logger.info({ drained: result.drained }, "MFA Ready stopped");
      return result;
    },
  };
}

/** config -> stores -> directory -> service; what opened before a failure is closed again. */
export async function runService(config: Config, logger: Logger): Promise<RunningService> {
  const stores = await openStores(config);
  let directory: DirectoryHandle | undefined;
  try {
    directory = await openDirectory(config, logger);
    return await startService({ config, logger, stores, directory });
  } catch (error) {
    await directory?.close();
    stores.close();
    throw error;
  }
}
