import type { Directory } from "../../directory/directory";
import { DirectoryError } from "../../directory/errors";
import type { Delivery } from "../../storage/broadcast-types";
import type { ConversationReferenceStore } from "../messaging/conversation-reference-store";
import type { SendTarget } from "./transport";

export type TargetResolution =
  | { kind: "target"; target: SendTarget }
  | { kind: "fail"; reason: string }
  | { kind: "retry"; reason: string };

export interface TargetResolverOptions {
  conversationReferences: Pick<ConversationReferenceStore, "get">;
  directory: Pick<Directory, "installAppForUser">;
  /** The Teams app id of the manifest; without it users who never talked to the bot cannot be reached. */
  teamsAppId?: string;
  /** TEAMS_SERVICE_URL: where chats created through Graph live (the tenant's region). */
  serviceUrl?: string;
}

/** `fallbackServiceUrl`: the admin's own service URL (same tenant, same region) when none is configured. */
export type TargetResolver = (tenantId: string, delivery: Delivery, fallbackServiceUrl?: string) => Promise<TargetResolution>;

/**
 * The chat a recipient is reached in: the one a crashed attempt already used, else the stored
 * conversation reference, else the bot installed for them through Graph (409: already there) and its chat.
 */
export function createTargetResolver(options: TargetResolverOptions): TargetResolver {
  return async (tenantId, delivery, fallbackServiceUrl) => {
    const base = { tenantId, userId: delivery.userId };
    if (delivery.conversationId && delivery.serviceUrl) {
      return { kind: "target", target: { ...base, conversationId: delivery.conversationId, serviceUrl: delivery.serviceUrl } };
    }
    const stored = await options.conversationReferences.get(tenantId, delivery.userId);
    if (stored) {
      return { kind: "target", target: { ...base, conversationId: stored.conversationId, serviceUrl: stored.serviceUrl } };
    }
    const serviceUrl = options.serviceUrl ?? fallbackServiceUrl;
    if (!options.teamsAppId || !serviceUrl) {
      return { kind: "fail", reason: "noConversation" };
    }
    try {
      const { chatId } = await options.directory.installAppForUser(delivery.userId, options.teamsAppId);
      return { kind: "target", target: { ...base, conversationId: chatId, serviceUrl } };
    } catch (error) {
      if (error instanceof DirectoryError) {
        return error.retryable ? { kind: "retry", reason: `install:${error.reason}` } : { kind: "fail", reason: `install:${error.reason}` };
      }
      throw error;
    }
  };
}
