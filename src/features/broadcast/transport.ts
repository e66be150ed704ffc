import type { AdaptiveCardJson } from "../../cards/types";

/** Where one message goes: a Teams conversation at a Bot Connector service URL, in a tenant. */
export interface SendTarget {
  tenantId: string;
  userId: string;
  conversationId: string;
  serviceUrl: string;
  /** The client's language the stored conversation reference kept (BCP 47), when known. */
  locale?: string;
}

/**
 * One connector call's result, typed so the dispatcher never sees an SDK error:
 * - sent: Teams accepted it;
 * - retryable: 412/429/5xx or no answer; `retryAfterMs` when Teams said how long to wait;
 * - final: 403 (blocked, bot disabled), 404 (conversation gone), 400… never retried.
 */
export type SendOutcome =
  | { kind: "sent"; activityId: string }
  | { kind: "retryable"; status?: number; retryAfterMs?: number; reason: string }
  | { kind: "final"; status?: number; reason: FinalReason };

export type FinalReason =
  "blocked" | "botDisabled" | "notFound" | "forbidden" | "badRequest" | "unauthorized" | "failed";

/** Where a 1:1 chat would be opened: the user, their tenant, the Bot Connector of its region. */
export type ContactTarget = Omit<SendTarget, "conversationId">;

/**
 * Opening the 1:1 chat through the Bot Connector (`POST /v3/conversations`): created, or refused
 * because the app is not installed for the user (Teams' 403 "bot not in the conversation roster"), or
 * a send-like failure.
 */
export type ContactOutcome =
  | { kind: "created"; conversationId: string }
  | { kind: "notInstalled" }
  | Exclude<SendOutcome, { kind: "sent" }>;

/** The Bot Connector as broadcasts use it (src/bot/broadcast-connector.ts implements it). */
export interface BroadcastTransport {
  /** Opens (or finds) the bot's 1:1 chat with a user; one Bot Connector request, no Graph call. */
  createConversation(target: ContactTarget): Promise<ContactOutcome>;
  send(target: SendTarget, card: AdaptiveCardJson, summary: string): Promise<SendOutcome>;
  /** Replaces a card the bot sent earlier (the admin's progress card). */
  update(target: SendTarget & { activityId: string }, card: AdaptiveCardJson): Promise<SendOutcome>;
}
