import { TurnContext } from "botbuilder";

import type { ConversationReferenceStore } from "../../features/messaging/conversation-reference-store";
import { isPersonalChat } from "../conversation-kind";
import { tenantOf } from "../tenant";
import { turnLogger } from "../turn-logger";

export interface ConversationReferenceOptions {
  store: ConversationReferenceStore;
  now: () => Date;
}

/** Tenant and Entra object id of the user in a personal chat, or undefined when the activity lacks them. */
function personalChatOwner(context: TurnContext): { tenantId: string; userId: string } | undefined {
  const tenantId = tenantOf(context.activity);
  const userId = context.activity.from?.aadObjectId;
  if (!isPersonalChat(context) || tenantId === undefined || !userId) {
    return undefined;
  }
  return { tenantId, userId };
}

/**
 * Saves how to reach this user later (broadcasts, postponement answers). Called on install and on every
 * personal message, so a moved conversation or service URL is picked up.
 */
export async function rememberPersonalChat(
  context: TurnContext,
  options: ConversationReferenceOptions,
): Promise<void> {
  const owner = personalChatOwner(context);
  if (!owner) {
    return;
  }
  const reference = TurnContext.getConversationReference(context.activity);
  await options.store.save({
    ...owner,
    conversationId: context.activity.conversation.id,
    serviceUrl: context.activity.serviceUrl,
    reference,
    updatedAt: options.now().toISOString(),
  });
  turnLogger(context).debug({ userId: owner.userId }, "conversation reference saved");
}

/** The user uninstalled the app: the bot may no longer write to them. */
export async function forgetPersonalChat(
  context: TurnContext,
  options: ConversationReferenceOptions,
): Promise<void> {
  const owner = personalChatOwner(context);
  if (!owner) {
    return;
  }
  const removed = await options.store.remove(owner.tenantId, owner.userId);
  turnLogger(context).info({ userId: owner.userId, removed }, "conversation reference removed on uninstall");
}
