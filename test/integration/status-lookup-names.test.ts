/**
 * "is ben affected?" with a bare name, over POST /api/messages against the Graph simulator: the name is
 * searched in the directory (display, given and surname), one match is that user's card, several a card to
 * pick from (names and UPNs literally), none a clear card; only for the admins the permissions table allows.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { VERBS } from "../../src/cards/verbs";
import { graphUrls } from "../../src/directory/graph-urls";
import { actionExecute } from "../support/activities";
import { cardTexts as texts } from "../support/card-nodes";
import { get } from "../support/graph-simulator-client";
import { DEMO, startStatusBot, type StatusBot } from "../support/status-bot";

type Card = Record<string, unknown>;

describe("another user's status by a bare name (demo tenant)", () => {
  let app: StatusBot;
  before(async () => {
    app = await startStatusBot();
  });
  after(() => app.close());

  /** An admin (or not) presses one person's button on the people card. */
  const pick = async (userId: string, upn: string): Promise<Card> => {
    const activity = actionExecute(app.bot.connector.serviceUrl, VERBS.lookUpStatus, { upn });
    const response = await app.bot.post({
      ...activity,
      from: { ...(activity.from as object), aadObjectId: userId, id: `29:mri-${userId}` },
      conversation: { ...activity.conversation, tenantId: app.simulator.tenantId },
      channelData: { ...activity.channelData, tenant: { id: app.simulator.tenantId } },
    });
    return (response.body as { value: Card }).value;
  };

  /** GET /users calls so far: the name search is one (its $count=true needs ConsistencyLevel: eventual, or the simulator answers 400). */
  const userLists = () => app.simulator.stats.byPath["GET /users"] ?? 0;

  it('a Global Administrator asks "is ben affected?": one match, Ben\'s card to read, found by a Graph name search', async () => {
    const before = userLists();
    const card = await app.ask(DEMO.adele, "is ben affected?");
    assert.equal(card.id, "status", texts(card).join("\n"));
    assert.ok(
      texts(card).includes("Status of Ben Carter (ben.carter@contoso.example)"),
      texts(card).join("\n"),
    );
    // Written about Ben for the admin who reads it: "Ben Carter is affected", never "you are affected".
    assert.ok(
      texts(card).some((text) => text.startsWith("Ben Carter is affected by phase 2")),
      texts(card).join("\n"),
    );
    const secondPerson = texts(card).filter((text) => /\byou\b|\byour\b(?! organisation)/i.test(text));
    assert.deepEqual(secondPerson, [], "no sentence speaks to the admin as if they were Ben");
    assert.doesNotMatch(
      JSON.stringify(card),
      /Action\.Execute/,
      "read-only: no buttons acting for the admin",
    );
    assert.equal(userLists() - before, 1, "one Graph name search");
    assert.match(
      decodeURIComponent(graphUrls.userSearch("ben", 6)),
      /&\$count=true&\$top=6&\$filter=startswith\(displayName,'ben'\) or startswith\(givenName,'ben'\) or startswith\(surname,'ben'\)$/,
    );
  });

  it("a name two people share: a card naming both, with their UPNs, each a button that looks that one up", async () => {
    const card = await app.ask(DEMO.adele, "is quincy yilmaz affected?");
    assert.equal(card.id, "status-people", texts(card).join("\n"));
    const all = texts(card);
    assert.ok(all.includes("quincy.yilmaz186@contoso.example"), all.join("\n"));
    assert.ok(all.includes("quincy.yilmaz259@contoso.example"));
    assert.equal(all.filter((text) => text === "Quincy Yilmaz").length, 2);
    const answer = await pick(DEMO.adele, "quincy.yilmaz259@contoso.example");
    assert.equal(answer.id, "status");
    assert.ok(texts(answer).some((text) => text.includes("quincy.yilmaz259@contoso.example")));
  });

  it("a common first name: the first five, and a line saying there are more", async () => {
    const card = await app.ask(DEMO.adele, "is bruno affected?");
    assert.equal(card.id, "status-people");
    const buttons = JSON.stringify(card).match(/"verb":"status\.lookup"/g) ?? [];
    assert.equal(buttons.length, 5);
    assert.ok(
      texts(card).some((text) => /^Only the first 5 are shown/.test(text)),
      texts(card).join("\n"),
    );
  });

  it("no one by that name: a clear card", async () => {
    const card = await app.ask(DEMO.adele, "is zebulon affected?");
    assert.equal(card.id, "error");
    assert.ok(
      texts(card).some((text) => /No one in your organisation is called "zebulon"/.test(text)),
      texts(card).join("\n"),
    );
  });

  it("a plain user asking by name is told they can only check themselves, and the search reveals nothing", async () => {
    const card = await app.ask(DEMO.ben, "is quincy yilmaz affected?");
    assert.equal(card.id, "error");
    const all = texts(card).join("\n");
    assert.match(all, /You can only check your own status/);
    assert.doesNotMatch(all, /quincy/i);
    assert.match(
      texts(await pick(DEMO.ben, "adele.vance@contoso.example")).join("\n"),
      /You can only check your own status/,
    );
  });
});

describe("the Graph simulator's name search, as Graph answers it", () => {
  let app: StatusBot;
  before(async () => {
    app = await startStatusBot();
  });
  after(() => app.close());
  const eventual: { headers: Record<string, string> } = { headers: { ConsistencyLevel: "eventual" } };
  // The client encodes the path itself.
  const search = (filter: string, options = eventual) =>
    get(app.simulator, `/v1.0/users?$select=id,displayName&$count=true&$filter=${filter}`, options);

  it("startswith on display, given or surname, case-insensitive, with @odata.count", async () => {
    const answer = await search("startswith(displayName,'QUINCY Y') or startswith(surname,'yilmaz')");
    assert.equal(answer.status, 200, answer.text);
    const body = answer.body as { "@odata.count": number; value: Array<{ displayName: string }> };
    assert.ok(
      body.value.length >= 2 && body.value.every((user) => /yilmaz/i.test(user.displayName)),
      answer.text,
    );
    assert.equal(body["@odata.count"], body.value.length);
  });

  it("refuses what Graph refuses: $count without ConsistencyLevel, a property startswith does not support, another function", async () => {
    assert.equal((await search("startswith(displayName,'ben')", { headers: {} })).status, 400);
    assert.equal((await search("startswith(department,'it')")).status, 400);
    assert.equal((await search("endswith(displayName,'ben')")).status, 400);
    assert.equal((await search("startswith(displayName,'ben') and startswith(givenName,'ben')")).status, 400);
  });
});
