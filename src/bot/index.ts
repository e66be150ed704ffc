import type { Storage } from "botbuilder";

import type { Config } from "../config";
import type { Directory } from "../directory/directory";
import type { BroadcastService } from "../features/broadcast/broadcast-service";
import type { ConversationReferenceStore } from "../features/messaging/conversation-reference-store";
import type { Messenger } from "../features/messaging/messenger";
import type { PostponementService } from "../features/postponement/postponement-service";
import type { Registration } from "../features/registration/create-registration";
import type { ReportFeature } from "../features/report/create-report-feature";
import type { StatusService } from "../features/status/status-service";
import type { Logger } from "../logger";
import { type ActivityEndpoint, createActivityEndpoint } from "./activity-endpoint";
import { type BotAdapter, type BotAdapterOptions, createBotAdapter } from "./adapter";
import { createBotApplication } from "./application";
import type { ShowAdminJobs } from "./handlers/help";
import type { Recognize } from "./handlers/message";
import type { LookUpStatus } from "./handlers/status";
import { ProactiveMessenger } from "./proactive-messenger";
import type { LocaleDefaults } from "./turn-locale";

/** The bot's link to Teams: the adapter for incoming turns and the messenger for messages it starts. */
export interface BotConnection {
  adapter: BotAdapter;
  messenger: Messenger;
}

export interface ConnectOptions {
  config: Pick<Config, "bot" | "teams">;
  conversationReferences: ConversationReferenceStore;
  /** To install the bot for users it cannot reach yet. */
  directory?: Directory;
  logger: Logger;
  now?: () => Date;
  auth?: BotAdapterOptions;
}

/** Made before the features, which need the messenger; then handed to createBot. */
export function connectBot(options: ConnectOptions): BotConnection {
  const adapter = createBotAdapter(options.config.bot, options.auth);
  const messenger = new ProactiveMessenger({
    adapter,
    botAppId: options.config.bot.appId,
    conversationReferences: options.conversationReferences,
    directory: options.directory,
    teamsAppId: options.config.teams.appId,
    serviceUrl: options.config.teams.serviceUrl,
    logger: options.logger.child({ component: "messenger" }),
    now: options.now,
  });
  return { adapter, messenger };
}

export interface BotOptions {
  config: Pick<Config, "bot" | "allowedTenants">;
  /** The tenant the directory reads; senders from any other tenant are no actor. */
  tenantId?: string;
  storage: Storage;
  conversationReferences: ConversationReferenceStore;
  recognize: Recognize;
  logger: Logger;
  /** The one clock every feature is given. */
  now: () => Date;
  status: StatusService;
  /** Another user's status, for the admins the permissions table allows. */
  lookUpStatus: LookUpStatus;
  /** Whether the help card lists the admin jobs. */
  showAdminJobs: ShowAdminJobs;
  /** Postponement answers, requests and approvals. */
  postponement: PostponementService;
  /** Walkthroughs, Temporary Access Passes, the audit log. */
  registration: Registration;
  /** The readiness report. */
  report: ReportFeature;
  broadcast: BroadcastService;
  /** The tenant's default language and time zone (DEFAULT_LOCALE, TIME_ZONE). */
  locale?: LocaleDefaults;
  /** Token endpoints and outgoing credentials; tests point them at local servers. */
  auth?: BotAdapterOptions;
  /** The adapter (and messenger) made by connectBot; absent: a fresh adapter from config and auth. */
  connection?: BotConnection;
  /** Tests shorten Teams' invoke budget (answer-in-time.ts) to see a late answer quickly. */
  invokeBudgetMs?: number;
}

/** The whole bot behind one function: a parsed request body and its Authorization header in, an HTTP answer out. */
export function createBot(options: BotOptions): ActivityEndpoint {
  const adapter = options.connection?.adapter ?? createBotAdapter(options.config.bot, options.auth);
  const app = createBotApplication({
    adapter,
    storage: options.storage,
    botAppId: options.config.bot.appId,
    services: {
      conversationReferences: options.conversationReferences,
      recognize: options.recognize,
      now: options.now,
      status: options.status,
      lookUpStatus: options.lookUpStatus,
      showAdminJobs: options.showAdminJobs,
      postponement: options.postponement,
      registration: options.registration,
      report: options.report,
      broadcast: options.broadcast,
      ...(options.locale ? { locale: options.locale } : {}),
    },
    logger: options.logger,
    ...(options.invokeBudgetMs === undefined ? {} : { invokeBudgetMs: options.invokeBudgetMs }),
  });
  return createActivityEndpoint({
    adapter,
    run: (context) => app.run(context),
    allowedTenants: options.config.allowedTenants,
    tenantId: options.tenantId,
    locale: options.locale,
    logger: options.logger,
  });
}

export type { ActivityEndpoint } from "./activity-endpoint";
export type { BotAdapter, BotAdapterOptions } from "./adapter";
export type { BotAuthEndpoints } from "./auth-options";
