import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A Bot Connector that enforces Teams' published limits the way Teams answers them: per conversation
 * 7 / 1 s, 8 / 2 s, 60 / 30 s, 1,800 / h, and per tenant `tenantRps` requests (sends, updates, new
 * chats) in any second; above any, 429 with Retry-After. Blocked chats answer 403, unknown ones 404.
 * `POST /v3/conversations` opens a user's 1:1 chat when the app is installed for them, else 403 "bot not
 * in the conversation roster". It counts what it accepted per conversation, so a test or the benchmark
 * can prove every recipient got exactly one message.
 */
export interface TeamsLimitsStubOptions {
  tenantRps: number;
  /** Conversation ids whose user blocked the bot (403). */
  blocked?: Iterable<string>;
  /** Conversation ids that do not exist (404). */
  missing?: Iterable<string>;
  /** Answer delay in ms (Teams takes some). */
  latencyMs?: number;
  retryAfterSeconds?: number;
  /** Whether the app is installed for a user (AAD id); default everyone. */
  isInstalled?: (userId: string) => boolean | Promise<boolean>;
  /** The chat id Teams gives a user's 1:1 chat with the bot; default `a:chat-{userId}`. */
  chatOf?: (userId: string) => string;
}

export interface TeamsLimitsStub {
  serviceUrl: string;
  /** Accepted POSTs per conversation id. */
  accepted: Map<string, number>;
  /** Accepted POST times (ms, process clock), in order. */
  acceptedAt: number[];
  /** 429s answered, with the time of each. */
  throttledAt: number[];
  /** PUT (card update) count. */
  updates: number;
  /** Whether the app is installed for a user (settable after start, e.g. to ask the Graph simulator). */
  isInstalled?: (userId: string) => boolean | Promise<boolean>;
  /** Chats opened (`POST /v3/conversations` answered 201) per user. */
  created: Map<string, number>;
  /** Chats refused because the app is not installed for the user. */
  refusedNotInstalled: number;
  /** Every request the tenant limit counted and accepted (sends, updates, new chats), times in ms. */
  requestsAt: number[];
  /** The last activity posted to each conversation (tests read the card). */
  lastActivity: Map<string, Record<string, unknown>>;
  blocked: Set<string>;
  missing: Set<string>;
  /** Answers every send with 429 until released (to test the job pausing itself). */
  throttleAll(on: boolean): void;
  close(): Promise<void>;
}

const CONVERSATION_RULES = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
];

/** Accepted times per key, checked against rules (sliding windows, exact). */
class Windows {
  private readonly times = new Map<string, number[]>();
  constructor(private readonly rules: { limit: number; windowMs: number }[]) {}
  admit(key: string, now: number): boolean {
    const list = this.times.get(key) ?? [];
    const longest = Math.max(...this.rules.map((rule) => rule.windowMs));
    while (list.length > 0 && list[0]! <= now - longest) {
      list.shift();
    }
    for (const rule of this.rules) {
      let inWindow = 0;
      for (let i = list.length - 1; i >= 0 && list[i]! > now - rule.windowMs; i--) {
        inWindow += 1;
      }
      if (inWindow >= rule.limit) {
        return false;
      }
    }
    list.push(now);
    this.times.set(key, list);
    return true;
  }
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function startTeamsLimitsStub(options: TeamsLimitsStubOptions): Promise<TeamsLimitsStub> {
  const perConversation = new Windows(CONVERSATION_RULES);
  const perTenant = new Windows([{ limit: options.tenantRps, windowMs: 1_000 }]);
  const accepted = new Map<string, number>();
  const lastActivity = new Map<string, Record<string, unknown>>();
  const acceptedAt: number[] = [];
  const requestsAt: number[] = [];
  const created = new Map<string, number>();
  const chatOf = options.chatOf ?? ((userId: string) => `a:chat-${userId}`);
  const throttledAt: number[] = [];
  const blocked = new Set(options.blocked ?? []);
  const missing = new Set(options.missing ?? []);
  let throttleEverything = false;
  let counter = 0;
  const state: {
    updates: number;
    refusedNotInstalled: number;
    isInstalled?: (userId: string) => boolean | Promise<boolean>;
  } = {
    updates: 0,
    refusedNotInstalled: 0,
    isInstalled: options.isInstalled,
  };

  const server: Server = createServer(async (req, res) => {
    // Counted when the request arrives, as a service would, not after this process got round to its body.
    const now = performance.now();
    const body = await readBody(req);
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? "");
    res.setHeader("content-type", "application/json");
    const answer = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      const send = () => {
        res.writeHead(status, headers);
        res.end(JSON.stringify(payload));
      };
      if (options.latencyMs) {
        setTimeout(send, options.latencyMs);
      } else {
        send();
      }
    };
    if (req.method === "POST" && /^\/v3\/conversations\/?$/.test(req.url ?? "")) {
      const tenantOf = (
        (body.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ??
        (body.tenantId as string | undefined) ??
        "unknown"
      ).toLowerCase();
      const member = ((body.members ?? []) as Array<{ id?: string }>)[0]?.id;
      if (throttleEverything || !perTenant.admit(tenantOf, now)) {
        throttledAt.push(now);
        answer(
          429,
          { error: { code: "TooManyRequests", message: "Too many requests" } },
          { "retry-after": String(options.retryAfterSeconds ?? 1) },
        );
        return;
      }
      requestsAt.push(now);
      if (!member) {
        answer(400, { error: { code: "BadArgument", message: "members is required" } });
        return;
      }
      if (state.isInstalled && !(await state.isInstalled(member))) {
        state.refusedNotInstalled += 1;
        answer(403, {
          error: {
            code: "BotNotInConversationRoster",
            message: "The bot is not part of the conversation roster.",
          },
        });
        return;
      }
      created.set(member, (created.get(member) ?? 0) + 1);
      answer(201, { id: chatOf(member) });
      return;
    }
    if (!match) {
      answer(404, { error: { code: "NotFound", message: req.url } });
      return;
    }
    const conversationId = decodeURIComponent(match[1]!);
    const tenant = (
      (body.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? "unknown"
    ).toLowerCase();
    if (blocked.has(conversationId)) {
      answer(403, {
        error: { code: "ConversationBlockedByUser", message: "User blocked the conversation with the bot." },
      });
      return;
    }
    if (missing.has(conversationId)) {
      answer(404, { error: { code: "ConversationNotFound", message: "Conversation not found." } });
      return;
    }
    if (throttleEverything || !perTenant.admit(tenant, now) || !perConversation.admit(conversationId, now)) {
      throttledAt.push(now);
      answer(
        429,
        { error: { code: "TooManyRequests", message: "Too many requests" } },
        { "retry-after": String(options.retryAfterSeconds ?? 1) },
      );
      return;
    }
    counter += 1;
    requestsAt.push(now);
    if (req.method === "PUT") {
      state.updates += 1;
      lastActivity.set(conversationId, body);
      answer(200, { id: match[2] });
      return;
    }
    accepted.set(conversationId, (accepted.get(conversationId) ?? 0) + 1);
    acceptedAt.push(now);
    lastActivity.set(conversationId, body);
    answer(201, { id: `act-${counter}` });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    accepted,
    acceptedAt,
    throttledAt,
    get updates() {
      return state.updates;
    },
    get refusedNotInstalled() {
      return state.refusedNotInstalled;
    },
    get isInstalled() {
      return state.isInstalled;
    },
    set isInstalled(check) {
      state.isInstalled = check;
    },
    created,
    requestsAt,
    lastActivity,
    blocked,
    missing,
    throttleAll(on) {
      throttleEverything = on;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
