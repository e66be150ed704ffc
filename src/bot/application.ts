import { ActivityTypes, type Storage, type TurnContext } from "botbuilder";

import { buildErrorCard } from "../cards/error-card";
import type { Logger } from "../logger";
import type { BotAdapter } from "./adapter";
import { INVOKE_BUDGET_MS } from "./answer-in-time";
import { cardMessage, replacingCard } from "./cards";
import { errorView } from "./error-view";
import { type BotServices, createBotHandlers } from "./handlers";
import { readTurn } from "./read-turn";
import { registerRoutes } from "./routes";
import { safeError } from "./safe-error";
import { Application } from "./teams-ai";
import { turnLogger } from "./turn-logger";

export interface BotApplicationOptions {
  adapter: BotAdapter;
  /** Bot state (teams-ai turn state), with eTags. */
  storage: Storage;
  botAppId?: string;
  services: BotServices;
  logger: Logger;
  /** How long an Action.Execute handler may run before the invoke is answered without it (answer-in-time.ts). */
  invokeBudgetMs?: number;
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
  registerRoutes(app, createBotHandlers(options.services), {
    budgetMs: options.invokeBudgetMs ?? INVOKE_BUDGET_MS,
  });

  // The one error boundary of a turn, through the one errorView: a typed failure of Graph or Teams (a
  // throttled role read, a refused send) is answered with its card and the turn succeeds; a bug is logged,
  // the user told, and rethrown so the endpoint answers 500 (Teams must not take a half-done turn for a success).
  app.error(async (context: TurnContext, error: Error) => {
    const log = turnLogger(context, options.logger);
    const { locale } = readTurn(context);
    const view = errorView(error, context.activity.id, locale);
    const card = buildErrorCard(view.data, locale.language);
    log[view.known ? "warn" : "error"]({ err: safeError(error), known: view.known }, "turn error");
    const invoke =
      context.activity.type === ActivityTypes.Invoke && context.activity.name === "adaptiveCard/action";
    const answer = async () => {
      if (invoke) {
        await context.sendActivity({
          type: ActivityTypes.InvokeResponse,
          value: {
            status: 200,
            body: {
              statusCode: 200,
              type: "application/vnd.microsoft.card.adaptive",
              value: replacingCard(card),
            },
          },
        });
      } else if (context.activity.type === ActivityTypes.Message && !context.responded) {
        await context.sendActivity(cardMessage(card));
      }
    };
    await answer().catch((sendError: unknown) =>
      log.warn({ err: safeError(sendError) }, "error card not delivered"),
    );
    if (!view.known) {
      throw error;
    }
  });
  return app;
}
