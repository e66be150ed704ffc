import {
  AuthenticationConstants,
  ClaimsIdentity,
  type ConnectorClient,
  type ConnectorFactory,
  type ServiceClientCredentialsFactory,
} from "botframework-connector";
import { CardFactory, ConfigurationBotFrameworkAuthentication, MessageFactory } from "botbuilder";
import type { AdaptiveCardJson } from "../cards/types";
import type { Config } from "../config";
import type { BroadcastTransport, FinalReason, SendOutcome, SendTarget } from "../features/broadcast/transport";
import { headerValue, parseRetryAfter } from "../throttle";
import { type BotAuthEndpoints, botAuthOptions } from "./auth-options";

export interface BroadcastConnectorOptions {
  bot: Config["bot"];
  endpoints?: BotAuthEndpoints;
  credentialsFactory?: ServiceClientCredentialsFactory;
  /** Per-call timeout (HTTP_TIMEOUT_MS). */
  timeoutMs?: number;
}

interface RestErrorLike {
  statusCode?: number;
  code?: string;
  message?: string;
  response?: { headers?: { get(name: string): string | undefined | null }; bodyAsText?: string | null };
}

/** Teams says why a 403 happened in the error code; a blocked user and a disabled bot read differently. */
function forbiddenReason(error: RestErrorLike): FinalReason {
  const text = `${error.code ?? ""} ${error.response?.bodyAsText ?? ""} ${error.message ?? ""}`.toLowerCase();
  if (text.includes("blocked")) {
    return "blocked";
  }
  if (text.includes("disabled")) {
    return "botDisabled";
  }
  return "forbidden";
}

export function outcomeOfError(error: unknown, now: number): SendOutcome {
  const rest = error as RestErrorLike;
  const status = typeof rest?.statusCode === "number" ? rest.statusCode : undefined;
  if (status === undefined) {
    return { kind: "retryable", reason: rest?.code ?? "network" };
  }
  if (status === 429 || status === 412 || status >= 500) {
    const retryAfterMs = parseRetryAfter(headerValue(rest.response?.headers as never, "retry-after") ?? undefined, now);
    return { kind: "retryable", status, retryAfterMs, reason: `http${status}` };
  }
  const reason: FinalReason =
    status === 403 ? forbiddenReason(rest) : status === 404 ? "notFound" : status === 401 ? "unauthorized" : status === 400 ? "badRequest" : "failed";
  return { kind: "final", status, reason };
}

/**
 * The Bot Connector calls a broadcast makes (send to a conversation, update an activity), with the
 * bot's own identity and one client per service URL. Errors become typed outcomes; nothing is retried
 * here: the dispatcher owns retries and limits.
 */
export function createBroadcastConnector(options: BroadcastConnectorOptions): BroadcastTransport {
  const auth = new ConfigurationBotFrameworkAuthentication(botAuthOptions(options.bot, options.endpoints), options.credentialsFactory);
  const appId = options.bot.appId ?? "";
  const identity = new ClaimsIdentity(
    [
      { type: AuthenticationConstants.AudienceClaim, value: appId },
      { type: AuthenticationConstants.AppIdClaim, value: appId },
    ],
    true,
  );
  const factory: ConnectorFactory = auth.createConnectorFactory(identity);
  const clients = new Map<string, Promise<ConnectorClient>>();
  const client = (serviceUrl: string): Promise<ConnectorClient> => {
    let found = clients.get(serviceUrl);
    if (!found) {
      found = factory.create(serviceUrl, AuthenticationConstants.ToChannelFromBotOAuthScope);
      found.catch(() => clients.delete(serviceUrl));
      clients.set(serviceUrl, found);
    }
    return found;
  };
  const activityOf = (target: SendTarget, card: AdaptiveCardJson, summary?: string) => ({
    ...MessageFactory.attachment(CardFactory.adaptiveCard(card)),
    ...(summary ? { summary } : {}),
    conversation: { id: target.conversationId, tenantId: target.tenantId, isGroup: false, conversationType: "personal", name: "" },
    channelData: { tenant: { id: target.tenantId } },
  });
  const timeout = options.timeoutMs ?? 30_000;

  return {
    async send(target, card, summary) {
      try {
        const connector = await client(target.serviceUrl);
        const answer = await connector.conversations.sendToConversation(target.conversationId, activityOf(target, card, summary) as never, {
          abortSignal: AbortSignal.timeout(timeout),
        } as never);
        return { kind: "sent", activityId: answer.id ?? "" };
      } catch (error) {
        return outcomeOfError(error, Date.now());
      }
    },
    async update(target, card) {
      try {
        const connector = await client(target.serviceUrl);
        const activity = { ...activityOf(target, card), id: target.activityId, type: "message" };
        await connector.conversations.updateActivity(target.conversationId, target.activityId, activity as never);
        return { kind: "sent", activityId: target.activityId };
      } catch (error) {
        return outcomeOfError(error, Date.now());
      }
    },
  };
}
