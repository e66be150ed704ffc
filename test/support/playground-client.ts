import WebSocket from "ws";

import type { AdaptiveCardJson } from "../../src/cards/types";

/** A message as the Playground's web client receives it over its conversation stream. */
export interface PlaygroundMessage {
  messageId: string;
  from: { id: string };
  text?: string;
  attachments: { contentType: string; content: unknown }[];
}

/** The Teams context the Playground loaded from .m365agentsplayground.yml (GET /_internal/v1/config). */
export interface PlaygroundContext {
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: { id: string; name: string; aadObjectId: string; userPrincipleName: string };
  personalChat: { id: string };
}

const ADAPTIVE = "application/vnd.microsoft.card.adaptive";

/** The root Adaptive Card of a message, if it carries one. */
export function cardOf(message: PlaygroundMessage): AdaptiveCardJson | undefined {
  const attachment = message.attachments.find((item) => item.contentType === ADAPTIVE);
  return attachment?.content as AdaptiveCardJson | undefined;
}

/**
 * Plays the Playground's own web client over HTTP and its WebSocket: installs the app, types messages,
 * presses Action.Execute buttons, and reads what the bot posted back (the Playground is its connector).
 */
export class PlaygroundClient {
  readonly received: PlaygroundMessage[] = [];
  /** The action of every event on the stream, for failure messages. */
  readonly actions: string[] = [];
  private waiters: (() => void)[] = [];

  private constructor(
    readonly url: string,
    private readonly socket: WebSocket,
  ) {
    socket.on("message", (data) => {
      const event = JSON.parse(String(data)) as { action?: string; message?: PlaygroundMessage };
      this.actions.push(event.action ?? "");
      // A card the bot updates in place (a progress card becoming the report) arrives again, updated.
      if ((event.action === "createMessage" || event.action === "updateMessage") && event.message) {
        this.received.push(event.message);
        this.waiters.forEach((wake) => wake());
      }
    });
  }

  static async connect(url: string): Promise<PlaygroundClient> {
    const socket = new WebSocket(`${url.replace(/^http/, "ws")}/_ws_conversation/v1/conversations/stream`);
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
    return new PlaygroundClient(url, socket);
  }

  async context(): Promise<PlaygroundContext> {
    const body = (await this.call("GET", "/_internal/v1/config")) as { config: PlaygroundContext };
    return body.config;
  }

  /** What the web client does when it opens a chat: installationUpdate + conversationUpdate to the bot. */
  async install(conversationId: string): Promise<void> {
    await this.call("POST", `/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {});
  }

  async say(conversationId: string, fromId: string, text: string): Promise<void> {
    const body = { from: { id: fromId }, text, textFormat: "plain" };
    await this.call(
      "POST",
      `/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`,
      body,
    );
  }

  /** Presses an Action.Execute button on a message; resolves to the bot's invoke response. */
  async execute(conversationId: string, fromId: string, replyToId: string, action: object): Promise<unknown> {
    const value = { action: { type: "Action.Execute", ...action }, trigger: "manual" };
    const body = {
      name: "adaptiveCard/action",
      value,
      from: { id: fromId },
      conversation: { id: conversationId },
      replyToId,
    };
    return this.call("POST", "/_conversation/v1/invoke", body);
  }

  /** The first message from `from` after index `since` whose root card has this id. */
  async waitForCard(
    rootId: string,
    since: number,
    timeoutMs = 10_000,
  ): Promise<{ message: PlaygroundMessage; card: AdaptiveCardJson }> {
    const find = () => this.received.slice(since).find((message) => cardOf(message)?.id === rootId);
    const deadline = Date.now() + timeoutMs;
    for (let found = find(); ; found = find()) {
      if (found) {
        return { message: found, card: cardOf(found) as AdaptiveCardJson };
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        const got = this.received
          .slice(since)
          .map((message) => cardOf(message)?.id ?? `text: ${message.text ?? ""}`);
        throw new Error(
          `no "${rootId}" card within ${timeoutMs} ms; received after #${since}: ${JSON.stringify(got)}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      this.waiters = [];
    }
  }

  close(): void {
    this.socket.close();
  }

  /** One call to the Playground's HTTP API; a non-2xx answer is an error with its body. */
  async call(method: string, path: string, body?: object): Promise<unknown> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: body ? { "content-type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`${method} ${path}: ${response.status} ${text}`);
    }
    return text === "" ? undefined : (JSON.parse(text) as unknown);
  }
}
