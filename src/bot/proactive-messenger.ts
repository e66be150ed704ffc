import {
  type Activity,
  CardFactory,
  type ConversationReference,
  MessageFactory,
  TurnContext,
} from "botbuilder";

import type { AdaptiveCardJson } from "../cards/types";
import type { Directory } from "../directory/directory";
import type { ConversationReferenceStore } from "../features/messaging/conversation-reference-store";
import { type Messenger, MessengerError, type SentCard } from "../features/messaging/messenger";
import type { Logger } from "../logger";
import {
  type Clock,
  decideRetry,
  DEFAULT_RETRY_OPTIONS,
  type RetryOptions,
  systemClock,
  TEAMS_RETRY_STATUSES,
} from "../throttle";
import type { BotAdapter } from "./adapter";
import { connectorFailure } from "./connector-failure";

export interface ProactiveMessengerOptions {
  adapter: BotAdapter;
  /** The bot's app id; undefined for the unauthenticated local bot. */
  botAppId?: string;
  conversationReferences: ConversationReferenceStore;
  /** To install the bot for users it cannot reach yet. */
  directory?: Directory;
  teamsAppId?: string;
  /** Teams service URL for users without a stored conversation (else the tenant's last known one). */
  serviceUrl?: string;
  logger: Logger;
  now?: () => Date;
  clock?: Clock;
  retry?: Partial<RetryOptions>;
}

const BOT_FRAMEWORK_AUDIENCE = "https://api.botframework.com";

/**
 * Sends as a new message in the conversation (POST …/activities), not as a reply to the synthetic
 * activity that starts a proactive turn.
 */
async function sendNew(context: TurnContext, activity: Partial<Activity>): Promise<string> {
  context.onSendActivities(async (_context, activities, next) => {
    for (const outgoing of activities) {
      delete outgoing.replyToId;
    }
    return next();
  });
  return (await context.sendActivity(activity))?.id ?? "";
}

/**
 * Runs `logic` in the proactive turn `start` opens. The adapter would hand a failure inside the turn to
 * the app's turn-error handler, which logs it at error level as a failed turn; but a person the bot
 * cannot reach is expected. So the failure is carried out of the adapter, to withRetries (which types and
 * logs it once, as a warning) and on to the feature that asked.
 */
async function inProactiveTurn(
  start: (logic: (context: TurnContext) => Promise<void>) => Promise<void>,
  logic: (context: TurnContext) => Promise<void>,
): Promise<void> {
  let failure: { error: unknown } | undefined;
  await start(async (context) => {
    try {
      await logic(context);
    } catch (error) {
      failure = { error };
    }
  });
  if (failure) {
    throw failure.error;
  }
}

/** Sends and updates cards in users' personal chats, outside any turn, honouring Teams' retry rules. */
export class ProactiveMessenger implements Messenger {
  private readonly clock: Clock;
  private readonly retry: RetryOptions;

  constructor(private readonly options: ProactiveMessengerOptions) {
    this.clock = options.clock ?? systemClock;
    this.retry = {
      ...DEFAULT_RETRY_OPTIONS,
      retryStatuses: TEAMS_RETRY_STATUSES,
      maxAttempts: 4,
      ...options.retry,
    };
  }

  sendCard(
    tenantId: string,
    userId: string,
    card: AdaptiveCardJson,
    options: { summary?: string } = {},
  ): Promise<SentCard> {
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card), undefined, options.summary);
    if (options.summary) {
      activity.summary = options.summary;
    }
    return this.send(tenantId, userId, activity);
  }

  sendText(tenantId: string, userId: string, text: string): Promise<SentCard> {
    return this.send(tenantId, userId, MessageFactory.text(text));
  }

  async updateCard(sent: SentCard, card: AdaptiveCardJson): Promise<void> {
    const reference: Partial<ConversationReference> = {
      channelId: "msteams",
      serviceUrl: sent.serviceUrl,
      conversation: { id: sent.conversationId, isGroup: false, conversationType: "personal", name: "" },
    };
    const update: Partial<Activity> = {
      ...MessageFactory.attachment(CardFactory.adaptiveCard(card)),
      id: sent.activityId,
    };
    await this.withRetries("update", () =>
      this.continueWith(reference, async (context) => {
        await context.updateActivity(update);
      }),
    );
  }

  private async send(tenantId: string, userId: string, activity: Partial<Activity>): Promise<SentCard> {
    const stored = await this.options.conversationReferences.get(tenantId, userId);
    if (stored) {
      let activityId = "";
      await this.withRetries("send", () =>
        this.continueWith(stored.reference, async (context) => {
          activityId = await sendNew(context, activity);
        }),
      );
      return { conversationId: stored.conversationId, activityId, serviceUrl: stored.serviceUrl };
    }
    return this.createAndSend(tenantId, userId, activity);
  }

  /** No stored conversation: install the bot for the user (Graph), then open the 1:1 chat and send. */
  private async createAndSend(
    tenantId: string,
    userId: string,
    activity: Partial<Activity>,
  ): Promise<SentCard> {
    const { directory, teamsAppId, adapter, botAppId, logger } = this.options;
    // Without TEAMS_APP_ID the bot cannot install itself, so a chat it was never added to cannot take the
    // card (as the broadcast's target resolver decides): say so, without a call that can only fail.
    if (!directory || !teamsAppId) {
      throw new MessengerError("unreachable", {
        detail:
          "no conversation with this user is stored, and without TEAMS_APP_ID the bot cannot install itself",
      });
    }
    const installed = await directory.installAppForUser(userId, teamsAppId);
    logger.info(
      { userId, newlyInstalled: installed.newlyInstalled },
      "bot installed for a user to reach them",
    );
    const serviceUrl = this.options.serviceUrl ?? (await this.knownServiceUrl(tenantId));
    if (!serviceUrl) {
      throw new MessengerError("unreachable", {
        detail: "no Teams service URL is known for this tenant: set TEAMS_SERVICE_URL",
      });
    }
    let sent: SentCard | undefined;
    const parameters = {
      isGroup: false,
      bot: { id: botAppId ? `28:${botAppId}` : "bot", name: "MFA Ready" },
      members: [{ id: userId, name: "" }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
      activity: undefined as unknown as Activity,
    };
    await this.withRetries("create", () =>
      inProactiveTurn(
        (logic) =>
          adapter.createConversationAsync(
            botAppId ?? "",
            "msteams",
            serviceUrl,
            BOT_FRAMEWORK_AUDIENCE,
            parameters,
            logic,
          ),
        async (context) => {
          const conversationId = context.activity.conversation.id;
          const activityId = await sendNew(context, activity);
          sent = { conversationId, activityId, serviceUrl };
          await this.options.conversationReferences.save({
            tenantId,
            userId,
            conversationId,
            serviceUrl,
            reference: {
              ...TurnContext.getConversationReference(context.activity),
              user: { id: userId, name: "", aadObjectId: userId },
            },
            updatedAt: (this.options.now?.() ?? new Date()).toISOString(),
          });
        },
      ),
    );
    return sent!;
  }

  private async knownServiceUrl(tenantId: string): Promise<string | undefined> {
    for await (const reference of this.options.conversationReferences.list(tenantId)) {
      return reference.serviceUrl;
    }
    return undefined;
  }

  private continueWith(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const { adapter, botAppId } = this.options;
    return inProactiveTurn(
      (turn) => adapter.continueConversationAsync(botAppId ?? "", reference, turn),
      logic,
    );
  }

  /** One attempt per Teams call, retried on 429/412/5xx after Retry-After or a jittered backoff. */
  private async withRetries(what: string, attempt: () => Promise<void>): Promise<void> {
    for (let number = 1; ; number += 1) {
      try {
        await attempt();
        return;
      } catch (error) {
        const failure = connectorFailure(error);
        if (failure === undefined) {
          throw error;
        }
        if (!failure.retryable) {
          // Final by the one connector classifier (403 blocked or disabled, 404 gone, 400…): never retried.
          this.options.logger.warn(
            { what, status: failure.status, reason: failure.error.reason },
            "Teams call refused",
          );
          throw failure.error;
        }
        const decision = decideRetry(
          { status: failure.status, headers: failure.headers },
          { attempt: number, idempotent: what === "update", now: this.clock.now() },
          this.retry,
        );
        this.options.logger.warn(
          { what, status: failure.status, attempt: number, retry: decision.retry },
          "Teams call failed",
        );
        if (!decision.retry) {
          throw failure.error;
        }
        await this.clock.sleep(decision.delayMs);
      }
    }
  }
}
