/**
 * Text that comes from people (display names, the names Teams sends, card fields, a broadcast's words)
 * is shown literally in every card, whoever reads it: a tenant whose every name is hostile (Markdown link
 * and emphasis, a `${…}` template expression, HTML), driven through the journeys over the HTTP endpoint.
 * Every card the bot answers with or sends is checked; none of the hostile text may be live.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { VERBS } from "../../src/cards/verbs";
import type { TenantSnapshot } from "../../src/directory/graph-types";
import { attachedCards, startBotOverSimulator, userActions } from "../support/bot-over-simulator";
import { HOSTILE, liveMarkdown } from "../support/live-markdown";
import { cardText, DEMO, personalChat, PERSONAS, TEAMS_APP_ID } from "../support/registration-bot";
import { demoSnapshot } from "../support/status-bot";

type Card = Record<string, unknown> & { id?: string };

function hostileTenant(): TenantSnapshot {
  const snapshot = demoSnapshot();
  return {
    ...snapshot,
    users: snapshot.users.map((user, index) => ({
      ...user,
      displayName: `${HOSTILE} #${index}`,
    })),
  };
}

describe("hostile user text stays literal in every card of every journey", () => {
  let close: () => Promise<void>;
  let say: (userId: string, text: string) => Promise<Card[]>;
  let click: (userId: string, verb: string, data?: Record<string, unknown>) => Promise<{ card: Card }>;
  let sent: () => Card[];
  const answered: Card[] = [];

  before(async () => {
    const sim = await startBotOverSimulator({
      snapshot: hostileTenant(),
      harness: { env: { TEAMS_APP_ID } },
    });
    const actions = userActions<Card>(sim.bot, (activity, userId) =>
      sim.asUser(activity, userId, { name: HOSTILE, conversationId: personalChat(userId) }),
    );
    say = actions.say;
    click = async (userId, verb, data) => {
      const result = await actions.click(userId, verb, data);
      answered.push(result.card);
      return result;
    };
    sent = () => sim.bot.connector.calls.flatMap((call) => attachedCards<Card>(call.body));
    close = sim.close;
    for (const user of [DEMO.ben, DEMO.adele, PERSONAS.alexAuthAdmin, PERSONAS.meganPrivAuthAdmin]) {
      await say(user, "hello");
    }
  });
  after(async () => {
    await close();
  });

  it("status, lookup, pass request and approval, postponement, audit log, broadcast preview", async () => {
    await say(DEMO.ben, "am I affected?");
    await say(DEMO.adele, `status of ${DEMO.ben}`);

    await click(DEMO.ben, VERBS.tapRequest, { method: "passkey" });
    const approval = sent().find((card) => card.id === "tap-approval");
    assert.ok(approval, "the admins got an approval card");
    const requestId = /"requestId":"([0-9a-f-]{36})"/.exec(JSON.stringify(approval))?.[1];
    assert.ok(requestId);
    await click(PERSONAS.alexAuthAdmin, VERBS.tapIssue, { requestId });

    await click(DEMO.ben, VERBS.walkthroughAskAdmin, { method: "passkey" });
    await click(DEMO.ben, VERBS.postponementForm);
    await click(DEMO.ben, VERBS.postponementSubmit, {
      phase: "2",
      wantedDate: "2027-01-31",
      justification: HOSTILE,
      affectedSystems: HOSTILE,
    });
    await say(DEMO.adele, "audit log");
    await click(DEMO.adele, VERBS.broadcastPreview, {
      audience: "affected",
      title: HOSTILE,
      message: HOSTILE,
    });

    const cards = [...answered, ...sent()].filter((card) => typeof card.id === "string");
    const ids = new Set(cards.map((card) => card.id));
    for (const expected of ["status", "tap-approval", "tap-pass", "audit-log"]) {
      assert.ok(ids.has(expected), `the journeys showed ${expected} (saw ${[...ids].join(", ")})`);
    }
    for (const card of cards) {
      assert.deepEqual(liveMarkdown(card), [], `live user text in ${card.id}`);
    }
    assert.ok(
      cards.some((card) => cardText(card).includes("Mallory ${verbs.showHelp}")),
      "a template expression in a name is shown as typed, not evaluated",
    );
  });
});
