import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";

import { VERBS } from "../../src/cards/verbs";
import { actionExecute, message, teamsActivity } from "../support/activities";
import { type BotHarness, OUTGOING_TOKEN, startBotHarness, TENANT_ID } from "../support/bot-harness";

const USER_ID = "b0000000-0000-0000-0000-000000000002";

describe("bot conversation through POST /api/messages (authenticated, real Teams activities)", () => {
  let bot: BotHarness;
  before(async () => {
    bot = await startBotHarness();
  });
  after(() => bot.close());
  beforeEach(() => bot.connector.reset());

  it("install in a personal chat: saves the conversation reference and sends the welcome card once", async () => {
    const install = teamsActivity("installation-add-personal", bot.connector.serviceUrl);
    const added = teamsActivity("conversation-update-members-added-personal", bot.connector.serviceUrl);

    assert.equal((await bot.post(install)).status, 200);
    assert.equal((await bot.post(added)).status, 200);

    assert.deepEqual(bot.connector.sentCardIds(), ["welcome"], "Teams sends both events; one welcome");
    const call = bot.connector.calls[0]!;
    assert.equal(call.conversationId, install.conversation.id);
    assert.equal(call.authorization, `Bearer ${OUTGOING_TOKEN}`);
    const saved = await bot.stores.conversationReferences.get(TENANT_ID, USER_ID);
    assert.ok(saved, "reference saved on install");
    assert.equal(saved.conversationId, install.conversation.id);
    assert.equal(saved.serviceUrl, bot.connector.serviceUrl);
    assert.equal(saved.reference.conversation?.id, install.conversation.id);
  });

  it("added to a team: a brief text welcome, no card, no personal reference", async () => {
    const added = teamsActivity("conversation-update-members-added-team", bot.connector.serviceUrl);
    const before = await bot.stores.conversationReferences.count(TENANT_ID);

    assert.equal((await bot.post(added)).status, 200);

    const sent = bot.connector.sentActivities();
    assert.equal(sent.length, 1);
    assert.match(String(sent[0]!.text), /MFA Ready/);
    assert.deepEqual(bot.connector.sentCardIds(), []);
    assert.equal(await bot.stores.conversationReferences.count(TENANT_ID), before);
  });

  it('"help" answers the help card and refreshes the reference', async () => {
    const response = await bot.post(message(bot.connector.serviceUrl, "help"));
    assert.equal(response.status, 200);
    assert.deepEqual(bot.connector.sentCardIds(), ["help"]);
    const card = (
      bot.connector.sentActivities()[0]!.attachments as { content: Record<string, unknown> }[]
    )[0]!.content;
    assert.doesNotMatch(JSON.stringify(card), /I didn't understand/);
    assert.ok(await bot.stores.conversationReferences.get(TENANT_ID, USER_ID));
  });

  it("text it does not understand: the help card saying so, with the text literally", async () => {
    const text = "qwzx *bold* ${verbs.showHelp} <b>x</b>";
    await bot.post(message(bot.connector.serviceUrl, text));
    assert.deepEqual(bot.connector.sentCardIds(), ["help"]);
    const card = JSON.stringify(bot.connector.sentActivities()[0]!.attachments);
    assert.match(card, /I didn't understand: /);
    assert.ok(card.includes(JSON.stringify(text).slice(1, -1)), "echoed as typed, not evaluated");
  });

  it("a message in a language it does not speak: the help card in English, saying which languages it speaks", async () => {
    await bot.post(message(bot.connector.serviceUrl, "Привет, как дела? Это касается меня?"));
    assert.deepEqual(bot.connector.sentCardIds(), ["help"]);
    const card = JSON.stringify(bot.connector.sentActivities()[0]!.attachments);
    assert.match(card, /I didn't understand: /);
    assert.match(card, /I speak English, Deutsch, Français, Español and 日本語\./);
  });

  it("an off-topic message in a language it speaks: the help card in that language, without the languages line", async () => {
    await bot.post(message(bot.connector.serviceUrl, "Wie wird das Wetter morgen in Berlin?"));
    const card = JSON.stringify(bot.connector.sentActivities()[0]!.attachments);
    assert.match(card, /Das habe ich nicht verstanden: /);
    assert.doesNotMatch(card, /I speak English/);
  });

  it("thanks, in any language it speaks: a short answer in that language, not the help card", async () => {
    const answers: Array<[string, RegExp]> = [
      ["thanks!", /^You're welcome\./],
      ["Vielen Dank", /^Gern geschehen\. Fragen Sie/],
      ["merci beaucoup", /^Je vous en prie\./],
      ["muchas gracias", /^De nada\. Pregúnteme/],
      ["ありがとうございます", /^どういたしまして。/],
    ];
    for (const [text, answer] of answers) {
      bot.connector.reset();
      await bot.post(message(bot.connector.serviceUrl, text));
      assert.deepEqual(bot.connector.sentCardIds(), [], text);
      assert.match(String(bot.connector.sentActivities()[0]?.text), answer, text);
    }
  });

  it("a greeting from a de-DE client: the welcome card in German, its dates as German writes them", async () => {
    await bot.post({ ...message(bot.connector.serviceUrl, "Guten Morgen"), locale: "de-DE" });
    assert.deepEqual(bot.connector.sentCardIds(), ["welcome"]);
    const card = JSON.stringify(bot.connector.sentActivities()[0]!.attachments);
    assert.match(card, /Ihr Wegweiser zur verpflichtenden MFA/);
    assert.match(card, /Seit 1\. Oktober 2025/);
    assert.doesNotMatch(card, /Key dates|Am I affected/);
  });

  it("the help card in the client's language (activity locale), or in the language the message is written in", async () => {
    await bot.post({ ...message(bot.connector.serviceUrl, "help"), locale: "de-DE" });
    let card = JSON.stringify(bot.connector.sentActivities()[0]!.attachments);
    assert.match(card, /Was ich für Sie tun kann/);
    assert.doesNotMatch(card, /What I can do/);
    bot.connector.reset();
    await bot.post({ ...message(bot.connector.serviceUrl, "Que savez-vous faire ?"), locale: "en-GB" });
    card = JSON.stringify(bot.connector.sentActivities()[0]!.attachments);
    assert.match(card, /Ce que je peux faire pour vous/);
    bot.connector.reset();
    await bot.post({ ...message(bot.connector.serviceUrl, "ヘルプ"), locale: "ja-JP" });
    card = JSON.stringify(bot.connector.sentActivities()[0]!.attachments);
    assert.match(card, /できること/);
  });

  it("the message text is never logged", async () => {
    const secret = "my password is Hunter2-Secret";
    await bot.post(message(bot.connector.serviceUrl, secret));
    assert.ok(bot.logs.length > 0);
    assert.ok(!JSON.stringify(bot.logs).includes("Hunter2"), "message text must not reach the log");
    const turn = bot.logs.find((line) => line.msg === "turn done" && line.activityType === "message");
    assert.ok(turn, "a turn log line with correlation fields");
    assert.equal(turn.tenantId, TENANT_ID);
    assert.ok(turn.correlationId && turn.conversationId);
    assert.ok(!JSON.stringify(bot.logs).includes("Bearer "), "tokens must not reach the log");
  });

  it("Action.Execute help.show: 200 with the help card to replace in place", async () => {
    const response = await bot.post(actionExecute(bot.connector.serviceUrl, VERBS.showHelp));
    assert.equal(response.status, 200);
    const body = response.body as { statusCode: number; type: string; value: { id: string } };
    assert.equal(body.statusCode, 200);
    assert.equal(body.type, "application/vnd.microsoft.card.adaptive");
    assert.equal(body.value.id, "help");
    assert.deepEqual(
      bot.connector.sentActivities(),
      [],
      "an invoke answers in its response, not with a new message",
    );
  });

  it("every declared verb has a handler: none falls through to the unknown-verb card", async () => {
    for (const verb of Object.values(VERBS)) {
      const response = await bot.post(actionExecute(bot.connector.serviceUrl, verb));
      assert.equal(response.status, 200, verb);
      const value = (response.body as { value: { id: string; body: unknown[] } }).value;
      // The unknown-verb card's own words (a feature may answer a card without its data "no longer works" too).
      assert.doesNotMatch(JSON.stringify(value), /I don't know its button any more/, verb);
    }
  });

  it("Action.Execute with an unknown verb: a friendly error card, nothing stored", async () => {
    const snapshot = bot.storeSnapshot();
    const response = await bot.post(
      actionExecute(bot.connector.serviceUrl, "admin.grantEverything", { evil: true }),
    );
    assert.equal(response.status, 200);
    const body = response.body as { type: string; value: { id: string } };
    assert.equal(body.type, "application/vnd.microsoft.card.adaptive");
    assert.equal(body.value.id, "error");
    assert.match(JSON.stringify(body.value), /no longer works/);
    assert.equal(bot.storeSnapshot(), snapshot);
  });

  it("Action.Execute whose verb is not a string cannot come from a card: a clear 400 before any handler", async () => {
    const response = await bot.post(actionExecute(bot.connector.serviceUrl, { $ne: 1 }));
    assert.equal(response.status, 400);
    assert.match(JSON.stringify(response.body), /value\.action\.verb/);
  });

  it("an invoke the bot does not implement: a clear 400 naming it, a message extension query a friendly answer; the bot keeps working", async () => {
    const snapshot = bot.storeSnapshot();
    const invoke = {
      ...teamsActivity("invoke-action-execute", bot.connector.serviceUrl),
      name: "task/fetch",
      value: {},
    };
    const response = await bot.post(invoke);
    assert.equal(response.status, 400);
    assert.match(JSON.stringify(response.body), /task\/fetch/);
    const query = await bot.post({ ...invoke, name: "composeExtension/query" });
    assert.equal(query.status, 200);
    assert.match(JSON.stringify(query.body), /no message extension/);
    assert.equal(bot.storeSnapshot(), snapshot);
    assert.equal((await bot.post(message(bot.connector.serviceUrl, "help"))).status, 200);
  });

  it("uninstall removes the conversation reference", async () => {
    await bot.post(teamsActivity("installation-add-personal", bot.connector.serviceUrl));
    assert.ok(await bot.stores.conversationReferences.get(TENANT_ID, USER_ID));

    const response = await bot.post(teamsActivity("installation-remove-personal", bot.connector.serviceUrl));

    assert.equal(response.status, 200);
    assert.equal(await bot.stores.conversationReferences.get(TENANT_ID, USER_ID), undefined);
  });
});
