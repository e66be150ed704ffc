/**
 * "Am I affected?" over POST /api/messages with English replaced by a pseudo-locale (every resource string
 * wrapped in ⟦…⟧): whatever a card shows that is neither ⟦…⟧, the tenant's own data (names, UPNs, Graph
 * permission names), a number nor a date was written in code, in a template or in a feature.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { VERBS } from "../../src/cards/verbs";
import { usePseudoEnglish } from "../../src/i18n/i18n";
import { actionExecute } from "../support/activities";
import { demoSnapshot } from "../support/bot-over-simulator";
import { assertNoHardCodedText } from "../support/pseudo-locale";
import { DEMO, startStatusBot, type StatusBot } from "../support/status-bot";

usePseudoEnglish();

type Card = Record<string, unknown>;

/** What the tenant itself says (shown literally) and Microsoft's own names that stay as they are. */
function tenantData(app: StatusBot): string[] {
  return [
    ...app.snapshot.users.flatMap((user) => [user.displayName ?? "", user.userPrincipalName]),
    "contoso.example",
    "MFA Ready",
  ];
}

describe("status in a pseudo-locale (demo tenant): no hard-coded text", () => {
  let app: StatusBot;
  before(async () => {
    app = await startStatusBot();
  });
  after(() => app.close());

  const personas: Array<keyof typeof DEMO> = [
    "ben",
    "adele",
    "dana",
    "breakglass1",
    "breakglass2",
    "svcBackup",
    "gita",
    "quinn",
  ];
  for (const who of personas) {
    it(`${who}: the status card`, async () => {
      const card = await app.ask(DEMO[who]);
      assert.equal(card.id, "status");
      assertNoHardCodedText(card, tenantData(app), `${who}'s status card`);
    });
  }

  it("the private card in a group chat, and what the asker's refresh turns it into", async () => {
    const card = await app.ask(DEMO.adele, "am I affected?", {
      conversation: {
        conversationType: "groupChat",
        id: "19:group@thread.v2",
        tenantId: app.simulator.tenantId,
      },
    });
    assert.equal(card.id, "status-private");
    assertNoHardCodedText(card, tenantData(app), "the private placeholder");
    const refreshed = await app.refresh(DEMO.adele);
    assertNoHardCodedText(refreshed.card, tenantData(app), "the refreshed card");
  });

  it("every guidance card behind a button", async () => {
    for (const code of ["UPDATE_CLIENT_TOOLS", "REQUEST_POSTPONEMENT"]) {
      const activity = actionExecute(app.bot.connector.serviceUrl, VERBS.startAction, { code });
      const response = await app.bot.post({
        ...activity,
        from: { ...(activity.from as object), aadObjectId: DEMO.ben, id: `29:mri-${DEMO.ben}` },
        conversation: { ...activity.conversation, tenantId: app.simulator.tenantId },
        channelData: { ...activity.channelData, tenant: { id: app.simulator.tenantId } },
      });
      const card = (response.body as { value: Card }).value;
      assert.equal(card.id, "guidance", code);
      assertNoHardCodedText(card, tenantData(app), `guidance ${code}`);
    }
  });

  it("an admin looks up another user: that user's card, read-only", async () => {
    const card = await app.ask(DEMO.adele, "status of ben.carter@contoso.example");
    assert.equal(card.id, "status");
    assert.doesNotMatch(JSON.stringify(card), /Action\.Execute/);
    assertNoHardCodedText(card, tenantData(app), "Ben's card for Adele");
  });

  it("an admin asks by a bare name: one match is that user's card; a shared name a card to pick from; none a clear card", async () => {
    const one = await app.ask(DEMO.adele, "is ben affected?");
    assert.equal(one.id, "status");
    assertNoHardCodedText(one, tenantData(app), "Ben's card, found by name");
    const many = await app.ask(DEMO.adele, "is bruno affected?");
    assert.equal(many.id, "status-people");
    assertNoHardCodedText(many, [...tenantData(app), "bruno"], "the people card");
    const none = await app.ask(DEMO.adele, "is zebulon affected?");
    assert.equal(none.id, "error");
    assertNoHardCodedText(none, [...tenantData(app), "zebulon"], "no one by that name");
  });

  it("a plain user's lookup is refused; an unknown address is not found", async () => {
    const refused = await app.ask(DEMO.ben, "status of adele.vance@contoso.example");
    assert.equal(refused.id, "error");
    assertNoHardCodedText(refused, [...tenantData(app)], "the refusal");
    const unknown = await app.ask(DEMO.adele, "status of nobody.here@contoso.example");
    assert.equal(unknown.id, "error");
    assertNoHardCodedText(
      unknown,
      [...tenantData(app), "nobody.here@contoso.example", "nobody.here"],
      "not found",
    );
  });

  it("a failed check (Graph throttled) explains itself from the resources", async () => {
    app.simulator.admin.injectFault({
      pathPrefix: `/v1.0/users/${DEMO.gita}`,
      count: 1,
      status: 429,
      retryAfterSeconds: 200,
    });
    try {
      const answer = await app.refresh(DEMO.gita);
      assert.equal(answer.card.id, "status-problem");
      assertNoHardCodedText(answer.card, tenantData(app), "the busy card");
    } finally {
      app.simulator.admin.clearFaults();
    }
  });
});

describe("status in a pseudo-locale, tenant without Microsoft Entra ID P1: the data gaps", () => {
  let app: StatusBot;
  before(async () => {
    const snapshot = demoSnapshot();
    snapshot.tenant.premium = false;
    app = await startStatusBot(snapshot);
  });
  after(() => app.close());

  for (const who of ["adele", "quinn"] as const) {
    it(`${who}: probably affected or unknown, and what could not be read`, async () => {
      const card = await app.ask(DEMO[who]);
      assert.ok(JSON.stringify(card).includes('"id":"dataGaps"'), "the card lists data gaps");
      assertNoHardCodedText(card, tenantData(app), `${who}'s card without P1`);
    });
  }
});
