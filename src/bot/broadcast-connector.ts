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
import type { BroadcastTransport, SendOutcome, SendTarget } from "../features/broadcast/transport";
import { type BotAuthEndpoints, botAuthOptions } from "./auth-options";
import { createConnectorHttp } from "./connector-http";
import { connectorOutcome } from "./connector-outcome";

export interface BroadcastConnectorOptions {
  bot: Config["bot"];
  endpoints?: BotAuthEndpoints;
  credentialsFactory?: ServiceClientCredentialsFactory;
  /** Per-call timeout (HTTP_TIMEOUT_MS). */
  timeoutMs?: number;
}

interface SigningCredentials {
  signRequest(request: { headers: { set(name: string, value: string): void } }): Promise<unknown>;
}

/**
 * The Bot Connector calls a broadcast makes (send to a conversation, update an activity), with the
 * bot's own identity. botbuilder's connector factory supplies the credentials (secret, certificate or
 * managed identity, and the right token authority); the calls themselves are plain keep-alive HTTP, which costs a
 * fraction of the SDK client's CPU and memory per message at broadcast rates. Errors become typed
 * outcomes; nothing is retried here: the dispatcher owns retries and limits.
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
  const credentials = new Map<string, Promise<SigningCredentials | undefined>>();
  const credentialsFor = (serviceUrl: string): Promise<SigningCredentials | undefined> => {
    let found = credentials.get(serviceUrl);
    if (!found) {
      found = factory
        .create(serviceUrl, AuthenticationConstants.ToChannelFromBotOAuthScope)
        .then((client: ConnectorClient) => (client as unknown as { credentials?: SigningCredentials }).credentials);
      found.catch(() => credentials.delete(serviceUrl));
      credentials.set(serviceUrl, found);
    }
    return found;
  };
  const timeout = options.timeoutMs ?? 30_000;
  const request = createConnectorHttp(timeout);
  const call = async (method: "POST" | "PUT", target: SendTarget, path: string, activity: object): Promise<SendOutcome> => {
    try {
      const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8" };
      await (await credentialsFor(target.serviceUrl))?.signRequest({ headers: { set: (name, value) => (headers[name.toLowerCase()] = value) } });
      const base = target.serviceUrl.endsWith("/") ? target.serviceUrl : `${target.serviceUrl}/`;
      const url = `${base}v3/conversations/${encodeURIComponent(target.conversationId)}/activities${path}`;
      const answer = await request(method, url, headers, JSON.stringify(activity));
      if (answer.status >= 200 && answer.status < 300) {
        const id = (answer.body ? (JSON.parse(answer.body) as { id?: string }) : {}).id;
        return { kind: "sent", activityId: id ?? "" };
      }
      return connectorOutcome(answer.status, answer.retryAfter, answer.body.slice(0, 2_000), Date.now());
    } catch (error) {
      // No answer (timeout, connection refused or reset): Teams may or may not have it.
      return { kind: "retryable", reason: error instanceof Error ? error.message.slice(0, 40) : "network" };
    }
  };
  const activityOf = (target: SendTarget, card: AdaptiveCardJson, summary?: string) => ({
    ...MessageFactory.attachment(CardFactory.adaptiveCard(card)),
    ...(summary ? { summary } : {}),
    conversation: { id: target.conversationId, tenantId: target.tenantId, isGroup: false, conversationType: "personal", name: "" },
    channelData: { tenant: { id: target.tenantId } },
  });

  return {
    send: (target, card, summary) => call("POST", target, "", activityOf(target, card, summary)),
    update: (target, card) => call("PUT", target, `/${encodeURIComponent(target.activityId)}`, { ...activityOf(target, card), id: target.activityId, type: "message" }),
  };
}
