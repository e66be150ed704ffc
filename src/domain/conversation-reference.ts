/**
 * A Bot Framework account as a conversation reference names it: botbuilder's ChannelAccount, restated
 * structurally (the fields the product keeps) so the domain needs no botbuilder types.
 */
export interface ReferencedAccount {
  id: string;
  name: string;
  aadObjectId?: string;
  role?: string;
}

/**
 * Where to reach a conversation proactively: botbuilder's `Partial<ConversationReference>`, structurally.
 * Either converts to the other without a cast; only src/bot hands it to the Bot Framework.
 */
export interface ConversationAddress {
  activityId?: string;
  user?: ReferencedAccount;
  bot?: ReferencedAccount;
  conversation?: {
    id: string;
    name: string;
    isGroup: boolean;
    conversationType: string;
    tenantId?: string;
    aadObjectId?: string;
  };
  channelId?: string;
  locale?: string;
  serviceUrl?: string;
}

/** How to reach one user proactively: saved on install and on each message, used by broadcasts. */
export interface StoredConversationReference {
  tenantId: string;
  /** The user's Microsoft Entra object id (aadObjectId). */
  userId: string;
  conversationId: string;
  serviceUrl: string;
  reference: ConversationAddress;
  /** ISO 8601. */
  updatedAt: string;
}
