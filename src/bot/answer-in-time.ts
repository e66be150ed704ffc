/**
 * Teams waits about 15 s for the answer to an Action.Execute invoke and then shows the person an error,
 * even if the bot answers a moment later. A handler that has not finished within the budget gets its
 * invoke answered at once with a "working on it" card (the endpoint sends that HTTP answer while the turn
 * goes on, early-answer.ts); when the work ends, the clicked card is replaced through the Bot Connector
 * with the card the handler returns, or with the error card for its failure.
 */
import type { AdaptiveCard } from "@microsoft/teams-ai";
import { CardFactory, MessageFactory, type TurnContext } from "botbuilder";

import { buildErrorCard } from "../cards/error-card";
import { renderCard } from "../cards/render";
import type { AdaptiveCardJson } from "../cards/types";
import { answerEarly } from "./early-answer";
import { errorView } from "./error-view";
import { readTurn } from "./read-turn";
import { safeError } from "./safe-error";
import { actorLocale } from "./turn-locale";

type CardHandler = (context: TurnContext) => Promise<AdaptiveCard>;

export interface InvokeBudget {
  /** How long a handler may take before the invoke is answered without it (Teams gives up at ~15 s). */
  budgetMs: number;
}

/** Ten seconds leave the connector and Teams five of the fifteen. */
export const INVOKE_BUDGET_MS = 10_000;

const CARD = "application/vnd.microsoft.card.adaptive";

export function answerInTime(handler: CardHandler, budget: InvokeBudget): CardHandler {
  return async (context) => {
    const work = handler(context);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), budget.budgetMs);
    });
    const first = await Promise.race([work, late]).finally(() => clearTimeout(timer));
    if (first !== "late") {
      return first;
    }
    const { actor, log } = readTurn(context);
    const working = renderCard("working", {}, actor?.locale?.language);
    if (!answerEarly(context, { status: 200, body: { statusCode: 200, type: CARD, value: working } })) {
      return work;
    }
    log.info(
      { event: "invoke.answeredEarly", budgetMs: budget.budgetMs },
      "invoke answered before its work ended",
    );
    const cardId = context.activity.replyToId;
    const replace = async (card: AdaptiveCardJson) => {
      if (typeof cardId !== "string" || cardId === "") {
        log.warn({ event: "invoke.lateCardLost" }, "late answer not shown: the invoke named no card");
        return;
      }
      await context
        .updateActivity({ ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), id: cardId })
        .catch((error: unknown) => log.warn({ err: safeError(error) }, "late card not delivered"));
    };
    try {
      const card = await work;
      await replace(card as AdaptiveCardJson);
      return card;
    } catch (error) {
      const locale = actorLocale(context);
      await replace(buildErrorCard(errorView(error, context.activity.id, locale).data, locale.language));
      throw error;
    }
  };
}
