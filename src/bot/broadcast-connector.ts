import { CardFactory, ConfigurationBotFrameworkAuthentication, MessageFactory } from "botbuilder";
import {
  AuthenticationConstants,
  ClaimsIdentity,
  type ConnectorClient,
  type ConnectorFactory,
  type ServiceClientCredentialsFactory,
} from "botframework-connector";

import type { AdaptiveCardJson } from "../cards/types";
import type { Config } from "../config";
import type {
  BroadcastTransport,
  ContactOutcome,
  ContactTarget,
  SendOutcome,
  SendTarget,
} from "../features/broadcast/transport";
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
  const auth = new ConfigurationBotFrameworkAuthentication(
    botAuthOptions(options.bot, options.endpoints),
    options.credentialsFactory,
  );
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
        .then(
          (client: ConnectorClient) =>
            (client as unknown as { credentials?: SigningCredentials }).credentials,
        );
      found.catch(() => credentials.delete(serviceUrl));
      credentials.set(serviceUrl, found);
    }
    return found;
  };
  const timeout = options.timeoutMs ?? 30_000;
  const request = createConnectorHttp(timeout);
  /** One signed JSON request; the answer's id on 2xx, else the classifier's outcome. */
  const exchange = async (
    method: "POST" | "PUT",
    serviceUrl: string,
    path: string,
    payload: object,
  ): Promise<{ kind: "ok"; id: string } | Exclude<SendOutcome, { kind: "sent" }>> => {
    try {
      const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8" };
      await (
        await credentialsFor(serviceUrl)
      )?.signRequest({ headers: { set: (name, value) => (headers[name.toLowerCase()] = value) } });
      const base = serviceUrl.endsWith("/") ? serviceUrl : `${serviceUrl}/`;
      const answer = await request(
        method,
        `${base}v3/conversations${path}`,
        headers,
        JSON.stringify(payload),
      );
      if (answer.status >= 200 && answer.status < 300) {
        const id = (answer.body ? (JSON.parse(answer.body) as { id?: string }) : {}).id;
        return { kind: "ok", id: id ?? "" };
      }
      return connectorOutcome(answer.status, answer.retryAfter, answer.body.slice(0, 2_000), Date.now());
    } catch (error) {
      // No answer (timeout, connection refused or reset): Teams may or may not have it.
      return { kind: "retryable", reason: error instanceof Error ? error.message.slice(0, 40) : "network" };
    }
  };
  const call = async (
    method: "POST" | "PUT",
    target: SendTarget,
    path: string,
    activity: object,
  ): Promise<SendOutcome> => {
    const answer = await exchange(
      method,
      target.serviceUrl,
      `/${encodeURIComponent(target.conversationId)}/activities${path}`,
      activity,
    );
    return answer.kind === "ok" ? { kind: "sent", activityId: answer.id } : answer;
  };
  /**
   * Teams answers a chat with a user who does not have the app with 403 "the bot is not part of the
   * conversation roster"; a blocked bot or one an admin disabled keeps its own final reason.
   */
  const createConversation = async (target: ContactTarget): Promise<ContactOutcome> => {
    const answer = await exchange("POST", target.serviceUrl, "", {
      isGroup: false,
      bot: { id: `28:${appId}` },
      members: [{ id: target.userId }],
      tenantId: target.tenantId,
      channelData: { tenant: { id: target.tenantId } },
    });
    if (answer.kind === "ok") {
      return answer.id ? { kind: "created", conversationId: answer.id } : { kind: "final", reason: "failed" };
    }
    return answer.kind === "final" && answer.status === 403 && answer.reason === "forbidden"
      ? { kind: "notInstalled" }
      : answer;
  };
  const activityOf = (target: SendTarget, card: AdaptiveCardJson, summary?: string) => ({
    ...MessageFactory.attachment(CardFactory.adaptiveCard(card)),
    ...(summary ? { summary } : {}),
    conversation: {
      id: target.conversationId,
      tenantId: target.tenantId,
      isGroup: false,
      conversationType: "personal",
      name: "",
    },
    channelData: { tenant: { id: target.tenantId } },
  });

  return {
    createConversation,
    send: (target, card, summary) => call("POST", target, "", activityOf(target, card, summary)),
    update: (target, card) =>
      call("PUT", target, `/${encodeURIComponent(target.activityId)}`, {
        ...activityOf(target, card),
        id: target.activityId,
        type: "message",
      }),
  };
}
