import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { VERBS } from "../../src/cards/verbs";
import { actionExecute, type ActivityJson, message } from "../support/activities";
import { type BotOverSimulator, startBotOverSimulator } from "../support/bot-over-simulator";
import { DEMO } from "../support/status-bot";

/**
 * Activities that pass authentication but cannot be Teams activities: each a clear 400 before any
 * handler runs, nothing stored (bot state, conversation references, the audit log, requests).
 */
describe("malformed activities over the HTTP endpoint", () => {
  let env: BotOverSimulator;
  const stored = () =>
    JSON.stringify([
      env.bot.storeSnapshot(),
      env.bot.stores.database.prepare("SELECT count(*) AS n FROM audit_log").get(),
      env.bot.stores.database.prepare("SELECT count(*) AS n FROM postponement_requests").get(),
      env.bot.stores.database.prepare("SELECT count(*) AS n FROM tap_requests").get(),
    ]);

  before(async () => {
    env = await startBotOverSimulator({ harness: { now: () => new Date("2026-11-28T10:00:00Z") } });
  });
  after(() => env.close());

  const serviceUrl = () => env.bot.connector.serviceUrl;
  const asAdele = (activity: ActivityJson) => env.asUser(activity, DEMO.adele);
  const cases: Array<[string, () => unknown, RegExp]> = [
    [
      "entities: [{}]",
      () => ({ ...asAdele(message(serviceUrl(), "am I affected?")), entities: [{}] }),
      /entities\.0\.type/,
    ],
    ["text that is an object", () => ({ ...asAdele(message(serviceUrl(), "x")), text: { $gt: "" } }), /text/],
    [
      "text that is an array",
      () => ({ ...asAdele(message(serviceUrl(), "x")), text: ["am I affected?"] }),
      /text/,
    ],
    [
      "from that is a string",
      () => ({ ...asAdele(message(serviceUrl(), "help")), from: "29:someone" }),
      /from/,
    ],
    [
      "no conversation",
      () => {
        const { conversation: _, ...rest } = asAdele(message(serviceUrl(), "help"));
        return rest;
      },
      /conversation/,
    ],
    [
      "Action.Execute without replyToId (a Global Administrator approving)",
      () => {
        const { replyToId: _, ...rest } = asAdele(
          actionExecute(serviceUrl(), VERBS.approvePostponement, { requestId: "r1" }),
        );
        return rest;
      },
      /replyToId/,
    ],
    [
      "adaptiveCard/action with value null",
      () => ({ ...asAdele(actionExecute(serviceUrl(), VERBS.showHelp)), value: null }),
      /Action\.Execute/,
    ],
    [
      "adaptiveCard/action carrying an Action.Submit with a verb",
      () => ({
        ...asAdele(actionExecute(serviceUrl(), VERBS.showHelp)),
        value: { action: { type: "Action.Submit", verb: VERBS.tapIssue, data: {} } },
      }),
      /Action\.Submit is a message/,
    ],
  ];

  for (const [what, activity, reason] of cases) {
    it(`${what}: 400 with the reason, nothing stored`, async () => {
      const before = stored();
      const sent = env.bot.connector.calls.length;
      const response = await env.bot.post(activity());
      assert.equal(response.status, 400, response.text);
      assert.match(JSON.stringify(response.body), reason);
      assert.equal(stored(), before);
      assert.equal(env.bot.connector.calls.length, sent, "nothing sent to Teams");
    });
  }

  it("composeExtension/query: a friendly answer, nothing stored; the bot keeps working", async () => {
    const before = stored();
    const response = await env.bot.post({
      ...asAdele(actionExecute(serviceUrl(), VERBS.showHelp)),
      name: "composeExtension/query",
      value: { commandId: "search", parameters: [] },
    });
    assert.equal(response.status, 200);
    assert.match(JSON.stringify(response.body), /no message extension/);
    assert.equal(stored(), before);
    assert.equal((await env.bot.post(asAdele(message(serviceUrl(), "help")))).status, 200);
  });
});
