import { Application } from "./teams-ai";
import type { Storage, TurnContext } from "botbuilder";
import type { Logger } from "../logger";
import type { BotAdapter } from "./adapter";
import { buildErrorCard } from "../cards/error-card";
import { cardMessage } from "./cards";
import { type BotServices, createBotHandlers } from "./handlers";
import { registerRoutes } from "./routes";
import { safeError } from "./safe-error";
import { turnLogger } from "./turn-logger";

export interface BotApplicationOptions {
  adapter: BotAdapter;
  /** Bot state (teams-ai turn state), with eTags. */
  storage: Storage;
  botAppId?: string;
  services: BotServices;
  logger: Logger;
}

/** The teams-ai Application with every route wired; `run(context)` is one turn. */
export function createBotApplication(options: BotApplicationOptions): Application {
  const app = new Application({
    adapter: options.adapter,
    storage: options.storage,
    botAppId: options.botAppId,
    // The library's typing timer is one per Application, shared by concurrent turns: off.
    startTypingTimer: false,
    removeRecipientMention: true,
    longRunningMessages: false,
  });
  registerRoutes(app, createBotHandlers(options.services));

  // The one error boundary of a turn: log it, tell the user in a message turn, and let the endpoint
  // answer 500 (so Teams does not take a half-done turn for a success).
  app.error(async (context: TurnContext, error: Error) => {
    turnLogger(context, options.logger).error({ err: safeError(error) }, "turn error");
    if (context.activity.type === "message" && !context.responded) {
      await context
        .sendActivity(
          cardMessage(
            buildErrorCard({
              title: "Something went wrong",
              whatHappened: "I could not finish that request.",
              whatToDo: "Try again in a minute. If it keeps happening, give your IT team the reference below.",
              reference: context.activity.id,
            }),
          ),
        )
        .catch((sendError: unknown) => turnLogger(context, options.logger).warn({ err: safeError(sendError) }, "error card not delivered"));
    }
    throw error;
  });
  return app;
}
