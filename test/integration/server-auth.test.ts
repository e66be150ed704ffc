import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { fromTenant, message } from "../support/activities";
import { type BotHarness, startBotHarness, TENANT_ID } from "../support/bot-harness";

const OTHER_TENANT = "99999999-8888-7777-6666-555555555555";

describe("Bot Framework authentication on POST /api/messages (BOT_ID set, local OpenID issuer)", () => {
  let bot: BotHarness;
  before(async () => {
    bot = await startBotHarness({ allowedTenants: [TENANT_ID] });
  });
  after(() => bot.close());

  const help = () => message(bot.connector.serviceUrl, "help");

  it("a valid channel token: 200, the turn runs", async () => {
    bot.connector.reset();
    const response = await bot.post(help());
    assert.equal(response.status, 200);
    assert.deepEqual(bot.connector.sentCardIds(), ["help"]);
  });

  const rejected: [string, (activity: ReturnType<typeof help>) => Promise<string | null>][] = [
    ["no Authorization header", async () => null],
    ["a garbage token", async () => "Bearer not.a.jwt"],
    ["a non-Bearer scheme", async (a) => `Basic ${await bot.tokenFor(a)}`],
    [
      "a token signed with an unpublished key (same kid)",
      async (a) => `Bearer ${await bot.tokenFor(a, { foreignKey: "same-kid" })}`,
    ],
    [
      "a token signed with an unknown kid",
      async (a) => `Bearer ${await bot.tokenFor(a, { foreignKey: "unknown-kid" })}`,
    ],
    [
      "a token for another bot (audience)",
      async (a) =>
        `Bearer ${await bot.tokenFor(a, { claims: { aud: "11111111-0000-0000-0000-000000000000" } })}`,
    ],
    [
      "a token from another issuer",
      async (a) => `Bearer ${await bot.tokenFor(a, { issuer: "https://evil.example" })}`,
    ],
    [
      "an expired token (beyond the 5 min clock skew)",
      async (a) => `Bearer ${await bot.tokenFor(a, { expiresIn: -600 })}`,
    ],
    [
      "a serviceurl claim for another serviceUrl",
      async (a) => `Bearer ${await bot.tokenFor(a, { claims: { serviceurl: "https://attacker.example/" } })}`,
    ],
  ];

  for (const [name, authorization] of rejected) {
    it(`${name}: 401, nothing runs, nothing stored`, async () => {
      bot.connector.reset();
      const snapshot = bot.storeSnapshot();
      const activity = help();
      const response = await bot.post(activity, { authorization: await authorization(activity) });
      assert.equal(response.status, 401, response.text);
      assert.deepEqual(response.body, {
        error: { code: "Unauthorized", message: "a valid Bot Framework token is required" },
      });
      assert.deepEqual(bot.connector.calls, []);
      assert.equal(bot.storeSnapshot(), snapshot);
    });
  }

  it("a tenant not in ALLOWED_TENANTS: 403, not processed, nothing stored", async () => {
    bot.connector.reset();
    const snapshot = bot.storeSnapshot();
    const response = await bot.post(fromTenant(help(), OTHER_TENANT));
    assert.equal(response.status, 403);
    assert.equal((response.body as { error: { code: string } }).error.code, "TenantNotAllowed");
    assert.deepEqual(bot.connector.calls, []);
    assert.equal(bot.storeSnapshot(), snapshot);
    assert.equal(await bot.stores.conversationReferences.count(OTHER_TENANT), 0);
  });

  it("an activity naming no tenant at all: 403 when an allow-list is set", async () => {
    const activity = help();
    const bare = {
      ...activity,
      channelData: {},
      conversation: { ...activity.conversation, tenantId: undefined },
    };
    assert.equal((await bot.post(bare)).status, 403);
  });

  it("authentication comes before the tenant check: a forged request from a foreign tenant is 401", async () => {
    const response = await bot.post(fromTenant(help(), OTHER_TENANT), { authorization: "Bearer forged" });
    assert.equal(response.status, 401);
  });

  it("after all the rejections the bot still answers", async () => {
    assert.equal((await bot.post(help())).status, 200);
  });
});
