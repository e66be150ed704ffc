/**
 * A postponement request and its decision where the requester writes Teams in German and the Global
 * Administrator in French: each reads every card in their own language, the proactive ones included (the
 * approval card in the approver's, the outcome in the requester's: the locale kept with their chat).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { VERBS } from "../../src/cards/verbs";
import { actionExecute, type ActivityJson, message } from "../support/activities";
import { attachedCards, type BotOverSimulator, startBotOverSimulator } from "../support/bot-over-simulator";
import { TEAMS_APP_ID } from "../support/postponement-bot";
import { visibleTexts } from "../support/pseudo-locale";
import { DEMO } from "../support/status-bot";

type Card = Record<string, unknown> & { id?: string };

const clock = new Date("2026-11-28T10:00:00Z");
const REQUEST = {
  phase: "2",
  wantedDate: "2027-01-31",
  justification: "Die nächtliche Sicherung meldet sich als Benutzer an; wir brauchen bis Ende Januar.",
  affectedSystems: "Nächtliche Sicherung (Azure CLI)",
};
const text = (card: Card | undefined) => visibleTexts(card).join("\n");

describe("a request in German, decided in French", () => {
  let app: BotOverSimulator;
  const inLocale = (activity: ActivityJson, userId: string, locale: string): ActivityJson => ({
    ...app.asUser(activity, userId),
    locale,
  });
  const post = async (activity: ActivityJson) => {
    const response = await app.bot.post(activity);
    assert.equal(response.status, 200, response.text);
    return response;
  };
  const click = async (userId: string, locale: string, verb: string, data: Record<string, unknown> = {}) => {
    const response = await post(
      inLocale(actionExecute(app.bot.connector.serviceUrl, verb, data), userId, locale),
    );
    return (response.body as { value: Card }).value;
  };
  const proactive = (id: string) =>
    app.bot.connector.calls
      .filter((call) => call.method === "POST" || call.method === "PUT")
      .flatMap((call) => attachedCards<Card>(call.body))
      .filter((card) => card.id === id);

  before(async () => {
    app = await startBotOverSimulator({ harness: { now: () => clock, env: { TEAMS_APP_ID } } });
    // Each has written to the bot from their Teams client once: the chat's locale is kept with it.
    await post(inLocale(message(app.bot.connector.serviceUrl, "Hallo"), DEMO.ben, "de-DE"));
    await post(inLocale(message(app.bot.connector.serviceUrl, "Bonjour"), DEMO.adele, "fr-FR"));
  });
  after(() => app.close());

  it("the requester reads German, the approver French, and each hears the other's step in their own", async () => {
    const answer = await click(DEMO.ben, "de-DE", VERBS.requestPostponement);
    assert.equal(answer.id, "postponement-answer");
    assert.match(text(answer), /Die Verschiebung per Self-Service ist nicht mehr möglich/);
    assert.match(text(answer), /Supportanfrage entwerfen/);

    const form = await click(DEMO.ben, "de-DE", VERBS.postponementForm);
    assert.match(text(form), /Aufhebung beim Microsoft Support beantragen/);
    const invalid = await click(DEMO.ben, "de-DE", VERBS.postponementSubmit, {
      ...REQUEST,
      wantedDate: "2027-12-31",
    });
    assert.match(text(invalid), /Wählen Sie ein Datum zwischen 29\. Nov\. 2026 und 26\. Feb\. 2027/);

    app.bot.connector.reset();
    const sent = await click(DEMO.ben, "de-DE", VERBS.postponementSubmit, REQUEST);
    assert.equal(sent.id, "postponement-request-sent");
    assert.match(text(sent), /Ihre Anfrage liegt bei den Globalen Administratoren/);
    assert.match(text(sent), /An 1 Globalen Administrator in Teams gesendet/);
    assert.match(text(sent), /Aufhebung bis/);
    assert.match(text(sent), /Betreff: Vorübergehende Ausnahme/, "the support text in the reader's language");

    const [approval] = proactive("postponement-approval");
    assert.ok(approval, "the approval card went to the Global Administrator");
    assert.match(text(approval), /Demande de report de /);
    assert.match(text(approval), /Levée jusqu’au\n31 janv\. 2027/);
    assert.match(text(approval), /En attente d’une décision/);
    assert.match(text(approval), /Approuver/);
    assert.equal(
      visibleTexts(approval).find((value) => value === REQUEST.justification),
      REQUEST.justification,
      "the requester's words as typed",
    );

    const [request] = await app.bot.stores.postponementRequests.latest(
      app.simulator.tenantId.toLowerCase(),
      1,
    );
    assert.ok(request);
    // The requester may not decide: refused in German.
    const own = await click(DEMO.ben, "de-DE", VERBS.approvePostponement, { requestId: request.id });
    assert.match(text(own), /Sie können nicht über Ihren eigenen Antrag entscheiden/);
    assert.match(text(own), /Was zu tun ist/);

    // Someone without the role, writing Spanish: refused naming the role as Microsoft writes it in Spanish.
    const refused = await click(DEMO.dana, "es-ES", VERBS.approvePostponement, { requestId: request.id });
    assert.equal(refused.id, "error");
    assert.match(text(refused), /Solo un administrador global puede decidir/);
    assert.match(text(refused), /Administrador global/);
    assert.equal(request.status, "pending");

    app.bot.connector.reset();
    const decided = await click(DEMO.adele, "fr-FR", VERBS.approvePostponement, {
      requestId: request.id,
      note: "Ticket ouvert aujourd’hui",
    });
    assert.equal(decided.id, "postponement-approval");
    assert.match(text(decided), /Approuvé par Adele Vance le 28 nov\. 2026, 10:00 UTC\./);

    const [outcome] = proactive("postponement-outcome");
    assert.ok(outcome, "the requester was told");
    assert.match(text(outcome), /Ihr Antrag auf Verschiebung wurde genehmigt/);
    assert.match(text(outcome), /Genehmigt von Adele Vance am 28\. Nov\. 2026, 10:00 UTC\./);
    assert.match(text(outcome), /Hinweis: Ticket ouvert aujourd’hui/, "the approver's note as written");
    assert.match(text(outcome), /bis 31\. Jan\. 2027 aufzuheben/);
    assert.match(text(outcome), /Bin ich betroffen\?/);
  });

  it("the error card for an unknown button, in Japanese", async () => {
    const card = await click(DEMO.ben, "ja-JP", "no.such.verb");
    assert.equal(card.id, "error");
    assert.match(text(card), /このボタンはもう使用できません/);
    assert.match(text(card), /管理者向けの参照番号/);
  });
});
