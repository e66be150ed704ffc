import type { AdaptiveCardJson } from "../../cards/types";

/** Where a sent card lives, so it can be updated in place later. */
export interface SentCard {
  conversationId: string;
  activityId: string;
  serviceUrl: string;
}

/** Messages the bot starts itself (approvals, passes, reminders, progress), to one user's personal chat. */
export interface Messenger {
  /**
   * To the user's personal chat: through the stored conversation reference, else the bot is installed for
   * them through Graph (already installed is fine) and the 1:1 conversation is created.
   */
  sendCard(
    tenantId: string,
    userId: string,
    card: AdaptiveCardJson,
    options?: { summary?: string },
  ): Promise<SentCard>;
  sendText(tenantId: string, userId: string, text: string): Promise<SentCard>;
  /** Replaces a card the bot sent earlier. */
  updateCard(sent: SentCard, card: AdaptiveCardJson): Promise<void>;
}

export type MessengerFailure =
  "blocked" | "botDisabled" | "forbidden" | "notFound" | "throttled" | "unreachable" | "failed";

const EXPLANATIONS: Record<MessengerFailure, string> = {
  blocked: "The user blocked the bot.",
  botDisabled: "An admin disabled the bot for this user or the organisation.",
  forbidden: "Teams refused the message.",
  notFound: "The conversation no longer exists (the app may have been uninstalled).",
  throttled: "Teams is limiting the bot's messages right now.",
  unreachable: "The bot has no way to reach this user yet: it is not installed for them and could not be.",
  failed: "Teams did not accept the message.",
};

export class MessengerError extends Error {
  readonly retryable: boolean;

  constructor(
    readonly reason: MessengerFailure,
    /** `retryable` from the connector classifier (bot/connector-outcome.ts); else throttling is. */
    options: { status?: number; retryAfterMs?: number; detail?: string; retryable?: boolean } = {},
  ) {
    super(options.detail ? `${EXPLANATIONS[reason]} (${options.detail})` : EXPLANATIONS[reason]);
    this.name = "MessengerError";
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.retryable = options.retryable ?? reason === "throttled";
  }

  readonly status?: number;
  readonly retryAfterMs?: number;
}
