import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, describe, it } from "node:test";

import pino from "pino";

import { createBotAdapter } from "../../src/bot/adapter";
import { ProactiveMessenger } from "../../src/bot/proactive-messenger";
import type { AdaptiveCardJson } from "../../src/cards/types";
import type { Directory } from "../../src/directory/directory";
import { MessengerError } from "../../src/features/messaging/messenger";
import { openEmbeddedStores } from "../../src/storage";
import type { Clock } from "../../src/throttle";

const tenantId = "c0ffee00-0000-4000-8000-00000000d3e0";
const card: AdaptiveCardJson = { type: "AdaptiveCard", version: "1.5", id: "sample", body: [] };

interface Recorded {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

/** A Bot Connector that answers from a script of statuses (or `pass`: as usual), then 201/200. */
function connector() {
  const calls: Recorded[] = [];
  const script: Array<{
    status: number;
    headers?: Record<string, string>;
    error?: { code: string; message: string };
    pass?: boolean;
  }> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      calls.push({
        method: req.method ?? "",
        path: req.url ?? "",
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      });
      const scripted = script.shift();
      res.setHeader("content-type", "application/json");
      if (scripted && !scripted.pass) {
        res.writeHead(scripted.status, scripted.headers);
        res.end(
          JSON.stringify({ error: scripted.error ?? { code: "Scripted", message: "scripted failure" } }),
        );
        return;
      }
      if (req.method === "POST" && req.url === "/v3/conversations") {
        res.writeHead(201).end(JSON.stringify({ id: "a:new-chat" }));
      } else if (req.method === "PUT") {
        res.writeHead(200).end(JSON.stringify({ id: req.url?.split("/").pop() }));
      } else {
        res.writeHead(201).end(JSON.stringify({ id: `activity-${calls.length}` }));
      }
    });
  });
  return { server, calls, script };
}

const instantClock: Clock = { now: () => Date.now(), sleep: async () => {} };

describe("ProactiveMessenger", () => {
  const stub = connector();
  let serviceUrl = "";
  const installs: string[] = [];
  const directory = {
    async installAppForUser(userId: string) {
      installs.push(userId);
      return { chatId: "19:chat", newlyInstalled: true };
    },
  } as unknown as Directory;
  let stores: ReturnType<typeof openEmbeddedStores>;
  let messenger: ProactiveMessenger;

  before(async () => {
    await new Promise<void>((resolve) => stub.server.listen(0, "127.0.0.1", resolve));
    serviceUrl = `http://127.0.0.1:${(stub.server.address() as AddressInfo).port}/`;
  });
  after(() => new Promise<void>((resolve) => stub.server.close(() => resolve())));
  beforeEach(() => {
    stub.calls.length = 0;
    stub.script.length = 0;
    installs.length = 0;
    stores = openEmbeddedStores(":memory:");
    messenger = new ProactiveMessenger({
      adapter: createBotAdapter({ appType: "SingleTenant" }),
      conversationReferences: stores.conversationReferences,
      directory,
      teamsAppId: "6d0f3f7e-2b1a-4c55-9a0e-5f2d8c1b7a43",
      serviceUrl,
      logger: pino({ level: "silent" }),
      clock: instantClock,
    });
  });

  it("installs the bot, opens the 1:1 chat, sends, and remembers the conversation", async () => {
    const sent = await messenger.sendCard(tenantId, "user-1", card, { summary: "Approval needed" });
    assert.deepEqual(installs, ["user-1"]);
    assert.equal(sent.conversationId, "a:new-chat");
    const [create, post] = stub.calls;
    assert.equal(create?.path, "/v3/conversations");
    assert.equal(create?.body.tenantId, tenantId);
    assert.deepEqual(
      (create?.body.members as Array<{ id: string }>).map((member) => member.id),
      ["user-1"],
    );
    assert.equal(post?.path, "/v3/conversations/a%3Anew-chat/activities");
    const attachments = post?.body.attachments as Array<{ content: { id: string } }>;
    assert.equal(attachments[0]?.content.id, "sample");
    const stored = await stores.conversationReferences.get(tenantId, "user-1");
    assert.equal(stored?.conversationId, "a:new-chat");

    // The next message goes straight to the stored conversation: no install, no create.
    await messenger.sendText(tenantId, "user-1", "hello again");
    assert.deepEqual(installs, ["user-1"]);
    assert.equal(stub.calls.at(-1)?.path, "/v3/conversations/a%3Anew-chat/activities");
  });

  it("retries 429 and 412, then delivers once", async () => {
    await messenger.sendText(tenantId, "user-2", "first");
    stub.calls.length = 0;
    stub.script.push({ status: 429, headers: { "retry-after": "1" } }, { status: 412 });
    const sent = await messenger.sendCard(tenantId, "user-2", card);
    assert.equal(stub.calls.length, 3);
    assert.match(sent.activityId, /^activity-/);
  });

  it("treats 403 as final, split by Teams' reason in the body (the same classifier as broadcasts)", async () => {
    await messenger.sendText(tenantId, "user-3", "first");
    const cases: Array<[{ code: string; message: string }, string]> = [
      [
        { code: "ConversationBlockedByUser", message: "User blocked the conversation with the bot." },
        "blocked",
      ],
      [{ code: "BotDisabledByAdmin", message: "The bot is disabled by the tenant admin." }, "botDisabled"],
      [{ code: "Forbidden", message: "Not allowed." }, "forbidden"],
    ];
    for (const [body, reason] of cases) {
      stub.calls.length = 0;
      stub.script.push({ status: 403, error: body });
      await assert.rejects(messenger.sendCard(tenantId, "user-3", card), (error: unknown) => {
        assert.ok(error instanceof MessengerError);
        assert.equal(error.reason, reason);
        assert.equal(error.retryable, false);
        return true;
      });
      assert.equal(stub.calls.length, 1, "not retried");
    }
  });

  it("hands a failure inside the proactive turn to the caller, not to the app's turn-error handler", async () => {
    // The app's handler logs "turn error" at error level; an unreachable person is expected, not that.
    const adapter = createBotAdapter({ appType: "SingleTenant" });
    const turnErrors: unknown[] = [];
    adapter.onTurnError = async (_context, error) => {
      turnErrors.push(error);
      throw error;
    };
    const own = new ProactiveMessenger({
      adapter,
      conversationReferences: stores.conversationReferences,
      directory,
      teamsAppId: "6d0f3f7e-2b1a-4c55-9a0e-5f2d8c1b7a43",
      serviceUrl,
      logger: pino({ level: "silent" }),
      clock: instantClock,
    });
    // Teams (or the Playground) creates the chat, then refuses the card in it.
    stub.script.push({ status: 201, pass: true }, { status: 404 });
    await assert.rejects(own.sendCard(tenantId, "user-5", card), MessengerError, "create");
    await own.sendText(tenantId, "user-6", "first");
    stub.script.push({ status: 403 });
    await assert.rejects(own.sendCard(tenantId, "user-6", card), MessengerError, "continue");
    assert.deepEqual(turnErrors, []);
  });

  it("without TEAMS_APP_ID, a user with no stored conversation is unreachable, and nothing is sent", async () => {
    const own = new ProactiveMessenger({
      adapter: createBotAdapter({ appType: "SingleTenant" }),
      conversationReferences: stores.conversationReferences,
      directory,
      serviceUrl,
      logger: pino({ level: "silent" }),
      clock: instantClock,
    });
    await assert.rejects(own.sendCard(tenantId, "user-7", card), (error: unknown) => {
      assert.ok(error instanceof MessengerError);
      assert.equal(error.reason, "unreachable");
      return true;
    });
    assert.deepEqual(stub.calls, [], "no conversation created, no activity posted");
    assert.deepEqual(installs, []);
  });

  it("updates a card in place", async () => {
    const sent = await messenger.sendCard(tenantId, "user-4", card);
    await messenger.updateCard(sent, { ...card, id: "sample-updated" });
    const put = stub.calls.at(-1);
    assert.equal(put?.method, "PUT");
    assert.equal(put?.path, `/v3/conversations/a%3Anew-chat/activities/${sent.activityId}`);
    assert.equal(
      (put?.body.attachments as Array<{ content: { id: string } }>)[0]?.content.id,
      "sample-updated",
    );
  });
});
