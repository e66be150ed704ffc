import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { VERBS } from "../../src/cards/verbs";
import { actionExecute, fromTenant } from "../support/activities";
import { cardTexts as texts } from "../support/card-nodes";
import { DEMO, demoSnapshot, startStatusBot, type StatusBot } from "../support/status-bot";

type Card = Record<string, unknown>;

/** Every string in a card, for "the card says…" assertions. */

/** The first TextBlock's text: the card's headline. */
function headline(card: Card): string | undefined {
  const found = JSON.stringify(card).match(/"type":"TextBlock","text":"((?:[^"\\]|\\.)*)"/);
  return found ? (JSON.parse(`"${found[1]}"`) as string) : undefined;
}
const tone = (card: Card) => ((card.body as Array<{ style?: string }>)[0] ?? {}).style;
const buttons = (card: Card) =>
  JSON.stringify(card)
    .match(/"type":"Action\.Execute","title":"[^"]+","verb":"[^"]+","data":\{"code":"[A-Z_]+"\}/g)
    ?.map((match) => /"code":"([A-Z_]+)"/.exec(match)![1]) ?? [];

describe("status over POST /api/messages against the Graph simulator (demo tenant)", () => {
  let app: StatusBot;
  before(async () => {
    app = await startStatusBot();
  });
  after(() => app.close());

  const kinds: Array<{
    who: keyof typeof DEMO;
    headline: string;
    tone: string;
    buttons: string[];
    says?: RegExp;
  }> = [
    {
      who: "ben",
      headline: "You are affected by phase 2 and not ready yet",
      tone: "attention",
      buttons: ["REGISTER_PASSKEY", "UPDATE_CLIENT_TOOLS"],
      says: /Azure CLI: 4 sign-ins, last on/,
    },
    {
      who: "adele",
      headline: "You are affected by phase 1 and not ready yet",
      tone: "attention",
      buttons: ["REGISTER_PASSKEY"],
      says: /Azure portal \/ Entra \/ Intune admin centers: 3 sign-ins/,
    },
    {
      who: "dana",
      headline: "You are affected by phases 1 and 2 and ready",
      tone: "good",
      buttons: ["UPDATE_CLIENT_TOOLS"],
      says: /Phishing-resistant MFA/,
    },
    { who: "breakglass1", headline: "This emergency access account is ready", tone: "good", buttons: [] },
    {
      who: "breakglass2",
      headline: "This emergency access account is not ready yet",
      tone: "attention",
      buttons: ["ADD_STRONG_INDEPENDENT_METHOD"],
    },
    {
      who: "svcBackup",
      headline: "This looks like a service account and affected by phase 2",
      tone: "attention",
      buttons: ["MOVE_TO_WORKLOAD_IDENTITY"],
    },
    {
      who: "gita",
      headline: "You are affected by phase 1 and ready",
      tone: "good",
      buttons: ["REGISTER_PASSKEY"],
    },
    { who: "quinn", headline: "You are not affected right now", tone: "good", buttons: [] },
  ];
  for (const kind of kinds) {
    it(`${kind.who} asks "am I affected?" and gets "${kind.headline}"`, async () => {
      const card = await app.ask(DEMO[kind.who]);
      assert.equal(card.id, "status");
      assert.equal(headline(card), kind.headline);
      assert.equal(tone(card), kind.tone);
      assert.deepEqual(buttons(card), kind.buttons);
      assert.deepEqual(
        (card.refresh as { userIds: string[] }).userIds,
        [`29:mri-${DEMO[kind.who]}`],
        "refreshes for the asker only",
      );
      if (kind.says) {
        assert.ok(
          texts(card).some((text) => kind.says!.test(text)),
          texts(card).join("\n"),
        );
      }
    });
  }

  it("Refresh after the simulator adds a passkey turns the card green", async () => {
    const before = await app.refresh(DEMO.ben);
    assert.equal(before.status, 200);
    assert.equal(tone(before.card), "attention");
    app.simulator.admin.addMethod(DEMO.ben, {
      "@odata.type": "#microsoft.graph.fido2AuthenticationMethod",
      displayName: "YubiKey 5C",
    });
    const cached = await app.refresh(DEMO.ben, "automatic");
    assert.equal(tone(cached.card), "attention", "an automatic refresh within a minute comes from the cache");
    const after = await app.refresh(DEMO.ben);
    assert.equal(headline(after.card), "You are affected by phase 2 and ready");
    assert.equal(tone(after.card), "good");
    assert.deepEqual(buttons(after.card), ["UPDATE_CLIENT_TOOLS"]);
  });

  it("in a group chat the card is a placeholder that only the asker's client fills in", async () => {
    const card = await app.ask(DEMO.adele, "am I affected?", {
      conversation: {
        conversationType: "groupChat",
        id: "19:group@thread.v2",
        tenantId: app.simulator.tenantId,
      },
    });
    assert.equal(card.id, "status-private");
    assert.deepEqual((card.refresh as { userIds: string[] }).userIds, [`29:mri-${DEMO.adele}`]);
    assert.ok(!texts(card).some((text) => /affected by/.test(text)), "no one's status in the shared message");
  });

  it("an action button answers what to do with Microsoft's links; a forged code gets a clear card", async () => {
    const press = (verb: string, data: Record<string, unknown>) =>
      app.bot.post(
        fromTenant(actionExecute(app.bot.connector.serviceUrl, verb, data), app.simulator.tenantId),
      );
    // A code no walkthrough owns (the walkthroughs, always on now, answer theirs, MOVE_TO_WORKLOAD_IDENTITY included).
    const tools = (await press(VERBS.startAction, { code: "UPDATE_CLIENT_TOOLS" })).body as {
      value: Card;
    };
    assert.equal(tools.value.id, "guidance");
    assert.match(
      JSON.stringify(tools.value),
      /https:\/\/learn\.microsoft\.com\/cli\/azure\/install-azure-cli/,
    );
    const forged = (await press(VERBS.startAction, { code: "toString" })).body as { value: Card };
    assert.equal(forged.value.id, "error");
  });

  it("a user not in the tenant gets a clear card", async () => {
    const stranger = await app.ask("00000000-0000-4000-8000-0000000000ff");
    assert.equal(stranger.id, "status-problem");
    assert.equal(headline(stranger), "We could not find your account");
    const otherTenant = "99999999-0000-4000-8000-000000000000";
    const visitor = await app.ask(DEMO.ben, "am I affected?", {
      conversation: { conversationType: "personal", id: "a:visitor", tenantId: otherTenant },
      channelData: { tenant: { id: otherTenant } },
    });
    // A sender from another tenant is no actor: the one not-in-tenant card.
    assert.equal(visitor.id, "error");
    assert.match(JSON.stringify(visitor), /does not come from a user of the organisation MFA Ready serves/);
  });

  it("a Retry-After longer than the adapter waits (200 s) is answered at once: busy, try again in 200 s", async () => {
    app.simulator.admin.injectFault({
      pathPrefix: `/v1.0/users/${DEMO.gita}`,
      count: 1,
      status: 429,
      retryAfterSeconds: 200,
    });
    try {
      const answer = await app.refresh(DEMO.gita);
      assert.equal(answer.status, 200);
      assert.ok(answer.ms < 2_000, `answered in ${Math.round(answer.ms)} ms`);
      assert.equal(answer.card.id, "status-problem");
      assert.equal(headline(answer.card), "Microsoft Graph is busy");
      assert.ok(texts(answer.card).includes("Try again in 200 s."), texts(answer.card).join("\n"));
    } finally {
      app.simulator.admin.clearFaults();
    }
  });

  // 20 s is longer than Teams waits for an invoke (~10 s). It stays short because the 429 pauses the
  // family for every later test here too (close() does cancel the wait, so the process still exits).
  it("throttled Graph (429, Retry-After 20 s) still answers within the Teams invoke limit, saying it is busy", async () => {
    app.simulator.admin.injectFault({
      pathPrefix: "/v1.0/users/",
      count: 100,
      status: 429,
      retryAfterSeconds: 20,
    });
    try {
      const answer = await app.refresh(DEMO.dana);
      assert.equal(answer.status, 200);
      assert.ok(answer.ms < 10_000, `answered in ${Math.round(answer.ms)} ms`);
      assert.equal(answer.card.id, "status-problem");
      assert.equal(headline(answer.card), "Microsoft Graph is busy");
      assert.ok(texts(answer.card).some((text) => /^Try again in \d+ s\.$/.test(text)));
    } finally {
      app.simulator.admin.clearFaults();
    }
  });

  it("a Graph failure says what went wrong and never shows a stack trace", async () => {
    app.simulator.admin.injectFault({ pathPrefix: "/v1.0/users/", count: 100, status: 500 });
    try {
      const answer = await app.refresh(DEMO.quinn);
      assert.equal(answer.card.id, "status-problem");
      const all = JSON.stringify(answer.card);
      assert.doesNotMatch(all, /\bat \S+\.(ts|js):\d+|Error:|stack/i);
      assert.ok(texts(answer.card).some((text) => /Try again/.test(text)));
    } finally {
      app.simulator.admin.clearFaults();
    }
  });
});

describe("status for a tenant without Microsoft Entra ID P1", () => {
  let app: StatusBot;
  before(async () => {
    const snapshot = demoSnapshot();
    snapshot.tenant.premium = false;
    app = await startStatusBot(snapshot);
  });
  after(() => app.close());

  it("an admin is likely affected, anyone else unknown, and the data gap is explained", async () => {
    const admin = await app.ask(DEMO.adele);
    assert.equal(headline(admin), "You are probably affected by phases 1 and 2 and not ready yet");
    const user = await app.ask(DEMO.quinn);
    assert.equal(headline(user), "We could not tell whether you are affected, and you are not ready yet");
    assert.equal(tone(user), "warning");
    assert.ok(
      texts(user).some((text) =>
        /Your sign-in history could not be read: the tenant has no Microsoft Entra ID P1/.test(text),
      ),
      texts(user).join("\n"),
    );
  });
});
