import type { Storage } from "botbuilder";
import type { Config } from "../config";
import type { StatusService } from "../features/status/status-service";
import type { Logger } from "../logger";
import type { ConversationReferenceStore } from "../storage/conversation-references";
import { type ActivityEndpoint, createActivityEndpoint } from "./activity-endpoint";
import { type BotAdapterOptions, createBotAdapter } from "./adapter";
import { createBotApplication } from "./application";
import type { Recognize } from "./handlers/message";

export interface BotOptions {
  config: Pick<Config, "bot" | "allowedTenants">;
  storage: Storage;
  conversationReferences: ConversationReferenceStore;
  recognize: Recognize;
  logger: Logger;
  now?: () => Date;
  /** Status checks against the tenant's directory (absent: the status verbs say "not available yet"). */
  status?: StatusService;
  /** Token endpoints and outgoing credentials; tests point them at local servers. */
  auth?: BotAdapterOptions;
}

/** The whole bot behind one function: a parsed request body and its Authorization header in, an HTTP answer out. */
export function createBot(options: BotOptions): ActivityEndpoint {
  const adapter = createBotAdapter(options.config.bot, options.auth);
  const app = createBotApplication({
    adapter,
    storage: options.storage,
    botAppId: options.config.bot.appId,
    services: {
      conversationReferences: options.conversationReferences,
      recognize: options.recognize,
      now: options.now ?? (() => new Date()),
      status: options.status,
    },
    logger: options.logger,
  });
  return createActivityEndpoint({
    adapter,
    run: (context) => app.run(context),
    allowedTenants: options.config.allowedTenants,
    logger: options.logger,
  });
}

export type { ActivityEndpoint } from "./activity-endpoint";
export type { BotAdapterOptions } from "./adapter";
export type { BotAuthEndpoints } from "./auth-options";
