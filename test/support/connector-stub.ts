import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One call the bot made to the Bot Connector. */
export interface ConnectorCall {
  method: string;
  path: string;
  conversationId?: string;
  /** The activity id in the path: the one replied to (POST) or updated (PUT). */
  activityId?: string;
  authorization?: string;
  body: Record<string, unknown>;
}

export interface ConnectorStub {
  /** The serviceUrl to put in incoming activities (ends with "/", like Teams'). */
  serviceUrl: string;
  calls: ConnectorCall[];
  /** Activities the bot sent (POST .../activities[/replyTo]), in order. */
  sentActivities(): Record<string, unknown>[];
  /** Root `id` of every Adaptive Card the bot sent, in order. */
  sentCardIds(): string[];
  /**
   * Whether the bot's app is installed for a user (AAD id): Teams opens a 1:1 chat only then, else 403
   * "bot not in the conversation roster". Unset: installed for everyone.
   */
  isInstalled?: (userId: string) => boolean;
  /** Holds every answer until `release()`: to keep a turn in flight. */
  hold(): { release(): void };
  reset(): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export function cardIdsOf(activity: Record<string, unknown>): string[] {
  const attachments = (activity.attachments ?? []) as { contentType?: string; content?: { id?: string } }[];
  return attachments
    .filter((attachment) => attachment.contentType === "application/vnd.microsoft.card.adaptive")
    .map((attachment) => attachment.content?.id ?? "(no id)");
}

/** The Bot Connector REST endpoints the bot calls (v3), answering as the real service does. */
export async function startConnectorStub(): Promise<ConnectorStub> {
  const calls: ConnectorCall[] = [];
  const self: { isInstalled?: (userId: string) => boolean } = {};
  let gate: Promise<void> | undefined;
  let counter = 0;

  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = (req.url ?? "").split("?")[0] ?? "";
    const match = /^\/v3\/conversations(?:\/([^/]+)\/activities(?:\/([^/]+))?)?$/.exec(path);
    calls.push({
      method: req.method ?? "",
      path,
      conversationId: match?.[1] ? decodeURIComponent(match[1]) : undefined,
      activityId: match?.[2] ? decodeURIComponent(match[2]) : undefined,
      authorization: req.headers.authorization,
      body,
    });
    if (gate) {
      await gate;
    }
    res.setHeader("content-type", "application/json");
    counter += 1;
    const member = ((body.members ?? []) as Array<{ id?: string }>)[0]?.id;
    if (
      match &&
      match[1] === undefined &&
      req.method === "POST" &&
      member &&
      self.isInstalled &&
      !self.isInstalled(member)
    ) {
      res.statusCode = 403;
      res.end(
        JSON.stringify({
          error: {
            code: "BotNotInConversationRoster",
            message: "The bot is not part of the conversation roster.",
          },
        }),
      );
    } else if (match && match[1] === undefined && req.method === "POST") {
      res.statusCode = 201;
      res.end(
        JSON.stringify({
          id: member && !body.activity ? `a:stub-chat-${member}` : `a:stub-conversation-${counter}`,
          activityId: `stub-${counter}`,
        }),
      );
    } else if (match?.[1] && (req.method === "POST" || req.method === "PUT")) {
      res.statusCode = req.method === "POST" ? 201 : 200;
      res.end(JSON.stringify({ id: match[2] && req.method === "PUT" ? match[2] : `stub-${counter}` }));
    } else {
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { code: "NotFound", message: `${req.method} ${path}` } }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  const sentActivities = () =>
    calls
      .filter((call) => call.method === "POST" && call.conversationId !== undefined)
      .map((call) => call.body);

  return {
    get isInstalled() {
      return self.isInstalled;
    },
    set isInstalled(check) {
      self.isInstalled = check;
    },
    serviceUrl,
    calls,
    sentActivities,
    sentCardIds: () => sentActivities().flatMap(cardIdsOf),
    hold() {
      let release = () => {};
      gate = new Promise<void>((resolve) => {
        release = () => {
          gate = undefined;
          resolve();
        };
      });
      return { release };
    },
    reset() {
      calls.length = 0;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
