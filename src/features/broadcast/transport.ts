import type { AdaptiveCardJson } from "../../cards/types";

/** Where one message goes: a Teams conversation at a Bot Connector service URL, in a tenant. */
export interface SendTarget {
  tenantId: string;
  userId: string;
  conversationId: string;
  serviceUrl: string;
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

export type FinalReason = "blocked" | "botDisabled" | "notFound" | "forbidden" | "badRequest" | "unauthorized" | "failed";

/** The Bot Connector as broadcasts use it (src/bot/broadcast-connector.ts implements it). */
export interface BroadcastTransport {
  send(target: SendTarget, card: AdaptiveCardJson, summary: string): Promise<SendOutcome>;
  /** Replaces a card the bot sent earlier (the admin's progress card). */
  update(target: SendTarget & { activityId: string }, card: AdaptiveCardJson): Promise<SendOutcome>;
}
