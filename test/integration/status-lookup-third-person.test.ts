/**
 * Another user's status card is read by an admin, so it speaks of that user in the third person ("Ben
 * Carter is affected", "Die Person hat ...") in every language: over POST /api/messages against the
 * Graph simulator, a Global Administrator looks up every persona of the demo tenant (break-glass,
 * service accounts, guests, no methods, data gaps...) in each language and no sentence on the card
 * addresses the reader as if they were the person looked up.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { VERBS } from "../../src/cards/verbs";
import { translator } from "../../src/i18n/i18n";
import { actionExecute } from "../support/activities";
import { cardTexts as texts } from "../support/card-nodes";
import { DEMO, startStatusBot, type StatusBot } from "../support/status-bot";

type Card = Record<string, unknown>;

/**
 * The words that address the reader, per language. "Your organisation" stays: it is the admin's too.
 * Spanish "su" is also "his/her", so Spanish is checked by its formal "usted" and verb-led openings.
 */
const SECOND_PERSON: Record<string, RegExp> = {
  "en-GB": /\byou\b|\byour\b(?! organisation)/i,
  "de-DE": /\bSie\b|\bIhr\w*\b(?! Organisation)/,
  "fr-FR": /\bvous\b|\bvos\b|\bvotre\b(?! organisation)/i,
  "es-ES": /\busted\b|^(Le afecta|Usa herramientas|Ya tiene|Aún no tiene|Ha iniciado sesión)/i,
  "ja-JP": /あなた|お持ち/,
};

/** Tasks that are the admin's own (an emergency account's key, a service account's scripts) may address them. */
const adminTaskLines = (locale: string) => {
  const t = translator(locale.slice(0, 2) as "en");
  return new Set([
    ...["ADD_STRONG_INDEPENDENT_METHOD", "MOVE_TO_WORKLOAD_IDENTITY"].map(
      (code) => `- ${t(`status.codes.${code}.line`)}`,
    ),
    t("status.headline.serviceAccountSummaryEnforced"),
    t("status.headline.serviceAccountSummaryFuture"),
  ]);
};

describe("another user's status card speaks of them, in every language", () => {
  let app: StatusBot;
  before(async () => {
    app = await startStatusBot();
  });
  after(() => app.close());

  /** A Global Administrator presses one person's button (the people card's look-up) in a Teams client language. */
  const lookUp = async (upn: string, locale: string): Promise<Card> => {
    const activity = actionExecute(app.bot.connector.serviceUrl, VERBS.lookUpStatus, { upn });
    const response = await app.bot.post({
      ...activity,
      locale,
      from: { ...(activity.from as object), aadObjectId: DEMO.adele, id: `29:mri-${DEMO.adele}` },
      conversation: { ...activity.conversation, tenantId: app.simulator.tenantId },
      channelData: { ...activity.channelData, tenant: { id: app.simulator.tenantId } },
    });
    assert.equal(response.status, 200);
    return (response.body as { value: Card }).value;
  };

  for (const [locale, pattern] of Object.entries(SECOND_PERSON)) {
    it(`${locale}: every persona's card in the third person`, async () => {
      const personas = app.snapshot.users.slice(0, 25).filter((user) => user.id !== DEMO.adele);
      assert.ok(personas.length >= 20);
      const allowed = adminTaskLines(locale);
      for (const persona of personas) {
        const card = await lookUp(persona.userPrincipalName, locale);
        assert.equal(card.id, "status", `${persona.userPrincipalName}: ${texts(card).join("\n")}`);
        const addressed = texts(card).filter((text) => pattern.test(text) && !allowed.has(text));
        assert.deepEqual(addressed, [], `${persona.userPrincipalName} (${locale})`);
      }
    });
  }

  it("the person's own card still speaks to them", async () => {
    const card = await app.ask(DEMO.ben);
    assert.ok(
      texts(card).some((text) => text.startsWith("You are affected by phase 2")),
      texts(card).join("\n"),
    );
  });
});
