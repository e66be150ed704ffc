/**
 * The postponement journeys and the common refusals and errors over the HTTP endpoint with English replaced
 * by a pseudo-locale (every resource string in ⟦…⟧): whatever a person reads that is not ⟦…⟧, the test's own
 * data (names, the request's words, ids, URLs), a date or a number is a hard-coded string.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { VERBS } from "../../src/cards/verbs";
import { renderView, view } from "../../src/cards/view";
import { PORTAL_SETTINGS_PERMISSION } from "../../src/domain/permissions";
import { reminderCardData } from "../../src/features/postponement/requester-views";
import { usePseudoEnglish } from "../../src/i18n/i18n";
import { actionExecute, type ActivityJson, fromTenant, message } from "../support/activities";
import { attachedCards, type BotOverSimulator, startBotOverSimulator } from "../support/bot-over-simulator";
import { TEAMS_APP_ID } from "../support/postponement-bot";
import { assertNoHardCodedText, visibleTexts } from "../support/pseudo-locale";
import { DEMO } from "../support/status-bot";

usePseudoEnglish();

type Card = Record<string, unknown> & { id?: string };

// Both self-service windows have closed: the support route, with its ready-to-paste text.
const clock = new Date("2026-11-28T10:00:00Z");
const REQUEST = {
  phase: "2",
  wantedDate: "2027-01-31",
  justification: "Our nightly backup pipeline signs in as a user and needs until the end of January.",
  affectedSystems: "Nightly backup (Azure CLI)",
};
const OTHER_TENANT = "99999999-0000-4000-8000-000000000000";

describe("postponement, refusals and errors in a pseudo-locale: no hard-coded text", () => {
  let app: BotOverSimulator;
  /** What the cards may show that is not from the resources: the tenant's and the request's own data. */
  let data: string[] = [];

  const post = async (activity: ActivityJson) => {
    const response = await app.bot.post(activity);
    assert.equal(response.status, 200, response.text);
    return response;
  };
  const say = async (userId: string, text: string): Promise<Card[]> => {
    const before = app.bot.connector.calls.length;
    await post(app.asUser(message(app.bot.connector.serviceUrl, text), userId));
    return app.bot.connector.calls.slice(before).flatMap((call) => attachedCards<Card>(call.body));
  };
  const click = async (userId: string, verb: string, values: Record<string, unknown> = {}) => {
    const response = await post(
      app.asUser(actionExecute(app.bot.connector.serviceUrl, verb, values), userId),
    );
    return (response.body as { value: Card }).value;
  };
  const proactive = (id: string) =>
    app.bot.connector.calls
      .filter((call) => call.method === "POST" || call.method === "PUT")
      .flatMap((call) => attachedCards<Card>(call.body))
      .filter((card) => card.id === id);
  const check = (card: Card | undefined, id: string) => {
    assert.equal(card?.id, id);
    assertNoHardCodedText(card, data, id);
    assert.ok(
      visibleTexts(card).some((text) => text.includes("⟦")),
      `${id}: its text comes from the resources`,
    );
  };

  before(async () => {
    app = await startBotOverSimulator({ harness: { now: () => clock, env: { TEAMS_APP_ID } } });
    data = [
      ...app.snapshot.users.flatMap((user) => [user.displayName ?? "", user.userPrincipalName]),
      ...Object.values(REQUEST),
      app.simulator.tenantId,
      PORTAL_SETTINGS_PERMISSION,
      "https://aka.ms/managemfaforazure",
      "https://aka.ms/postponePhase2MFA",
      "Default",
      "RoleManagement.Read.Directory",
      "short",
    ];
  });
  after(() => app.close());

  it('"can we postpone?", the form, the receipt, the approval, the decision and the outcome', async () => {
    const [answer] = await say(DEMO.ben, "can we postpone?");
    check(answer, "postponement-answer");
    check(await click(DEMO.ben, VERBS.postponementForm), "postponement-request-form");
    const invalid = await click(DEMO.ben, VERBS.postponementSubmit, { ...REQUEST, justification: "short" });
    check(invalid, "postponement-request-form");

    app.bot.connector.reset();
    const sent = await click(DEMO.ben, VERBS.postponementSubmit, REQUEST);
    const [request] = await app.bot.stores.postponementRequests.latest(
      app.simulator.tenantId.toLowerCase(),
      1,
    );
    assert.ok(request);
    data.push(request.id);
    check(sent, "postponement-request-sent");
    const [approval] = proactive("postponement-approval");
    check(approval, "postponement-approval");

    // A user without the role is refused with the card naming the roles that would do.
    check(await click(DEMO.dana, VERBS.approvePostponement, { requestId: request.id }), "error");
    // The requester cannot decide on their own request.
    check(await click(DEMO.ben, VERBS.approvePostponement, { requestId: request.id }), "error");
    // A request that does not exist.
    check(await click(DEMO.adele, VERBS.approvePostponement, { requestId: "no-such-request" }), "error");

    app.bot.connector.reset();
    const decided = await click(DEMO.adele, VERBS.approvePostponement, {
      requestId: request.id,
      note: "Go ahead",
    });
    data.push("Go ahead");
    check(decided, "postponement-approval");
    check(proactive("postponement-outcome")[0], "postponement-outcome");
  });

  it("the reminder before an approved postponement or lift runs out, days ahead and on the day", async () => {
    const [request] = await app.bot.stores.postponementRequests.latest(
      app.simulator.tenantId.toLowerCase(),
      1,
    );
    assert.ok(request, "the first test stored one");
    for (const route of ["support", "selfService"] as const) {
      for (const now of [clock, new Date("2027-01-31T08:00:00Z")]) {
        const card = renderView(view("postponement-reminder", reminderCardData({ ...request, route }, now)));
        check(card as Card, "postponement-reminder");
      }
    }
  });

  it("the error card for a button this version does not know", async () => {
    data.push(String(actionExecute("", "x").id));
    check(await click(DEMO.ben, "no.such.verb"), "error");
  });

  it("the card for a sender who is not a user of the tenant served", async () => {
    const activity = fromTenant(
      app.asUser(actionExecute(app.bot.connector.serviceUrl, VERBS.approvePostponement, {}), DEMO.ben),
      OTHER_TENANT,
    );
    const response = await post(activity);
    check((response.body as { value: Card }).value, "error");
  });
});
