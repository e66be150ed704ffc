/**
 * The status card in the reader's language, end to end over POST /api/messages: a German Teams client
 * (activity locale de-DE) and a Japanese one (ja-JP) in a tenant whose TIME_ZONE is Asia/Tokyo, where a
 * sign-in late on 31 October UTC is already 1 November.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { VERBS } from "../../src/cards/verbs";
import type { SignIn, TenantSnapshot } from "../../src/directory/graph-types";
import { actionExecute, message } from "../support/activities";
import {
  attachedCards,
  type BotOverSimulator,
  demoSnapshot,
  startBotOverSimulator,
} from "../support/bot-over-simulator";
import { cardTexts as texts } from "../support/card-nodes";
import { DEMO } from "../support/status-bot";

type Card = Record<string, unknown>;

/** The TextBlock texts of the container with this id (the headline, a phase, the methods). */
function section(card: Card, id: string): string[] {
  const found = (card.body as Array<{ id?: string }>).find((item) => item.id === id);
  return texts(found).filter(
    (text) =>
      !/^(Container|TextBlock|ColumnSet|Column|FactSet|stretch|auto|Bolder|Large|Small|good|attention|warning|default|phase[12]|headline|methods)$/.test(
        text,
      ),
  );
}

async function ask(app: BotOverSimulator, userId: string, text: string, locale: string): Promise<Card> {
  const before = app.bot.connector.calls.length;
  const response = await app.bot.post({
    ...app.asUser(message(app.bot.connector.serviceUrl, text), userId),
    locale,
  });
  assert.equal(response.status, 200, response.text);
  const cards = app.bot.connector.calls.slice(before).flatMap((call) => attachedCards<Card>(call.body));
  assert.ok(cards[0], "a card was sent");
  return cards[0];
}

/** Quinn signed in to nothing; here once with Azure CLI, late on 31 October UTC (1 November in Tokyo and Berlin). */
function withLateOctoberSignIn(): TenantSnapshot {
  const snapshot = demoSnapshot();
  const ben = snapshot.signIns!.find((signIn) => signIn.userId === DEMO.ben)!;
  const quinn = snapshot.users.find((user) => user.id === DEMO.quinn)!;
  const late: SignIn = {
    ...ben,
    id: "5e1f0000-0000-4000-8000-000000000031",
    createdDateTime: "2026-10-31T23:30:00Z",
    userId: quinn.id,
    userPrincipalName: quinn.userPrincipalName,
    userDisplayName: quinn.displayName ?? "",
  };
  return { ...snapshot, signIns: [...snapshot.signIns!, late] };
}

describe("the status card in German (activity locale de-DE)", () => {
  let app: BotOverSimulator;
  before(async () => {
    app = await startBotOverSimulator({
      snapshot: withLateOctoberSignIn(),
      harness: { now: () => new Date("2026-11-20T09:05:00Z") },
    });
  });
  after(() => app.close());

  it("Ben asks „Bin ich betroffen?“: headline, phases, evidence, methods, buttons and dates in German", async () => {
    const card = await ask(app, DEMO.ben, "Bin ich betroffen?", "de-DE");
    assert.equal(card.id, "status");
    const all = texts(card);
    assert.deepEqual(section(card, "headline").slice(0, 2), [
      "Sie sind von Phase 2 betroffen und noch nicht bereit",
      "Sie verwenden Tools, die MFA verlangen, und Sie haben noch keine Methode, die zählt.",
    ]);
    assert.ok(section(card, "phase1").includes("Phase 1: Azure-Portal und Admin Center"));
    assert.ok(section(card, "phase1").includes("Nicht betroffen"));
    assert.ok(section(card, "phase1").includes("Keine Anmeldungen hier in den letzten 30 Tagen."));
    const phase2 = section(card, "phase2");
    assert.ok(phase2.includes("Betroffen"), phase2.join("\n"));
    assert.ok(
      phase2.includes(
        "Sie haben sich in den letzten 30 Tagen hier angemeldet. MFA ist hier seit Oktober 2025 Pflicht.",
      ),
      phase2.join("\n"),
    );
    assert.ok(
      phase2.some((text) => /^- Azure CLI: 4 Anmeldungen, zuletzt am 19\. Nov\. 2026$/.test(text)),
      phase2.join("\n"),
    );
    assert.ok(all.includes("Anmeldemethoden"));
    assert.ok(all.includes("Was zu tun ist"));
    assert.ok(all.includes("Passkey hinzufügen"), "the button is German");
    assert.ok(all.includes("Geprüft am 20.11.2026, 09:05 UTC."), all.join("\n"));
    assert.ok(all.includes("Aktualisieren"));
    assert.ok(!all.some((text) => /\b(sign-ins?|You are|last on|Refresh)\b/.test(text)), "no English left");
  });

  it("the guidance behind a button no walkthrough owns, in German, with Microsoft's links", async () => {
    const activity = app.asUser(
      actionExecute(app.bot.connector.serviceUrl, VERBS.startAction, { code: "UPDATE_CLIENT_TOOLS" }),
      DEMO.ben,
    );
    const response = await app.bot.post({ ...activity, locale: "de-DE" });
    const card = (response.body as { value?: Card }).value ?? {};
    assert.equal(card.id, "guidance");
    const all = texts(card);
    assert.ok(all.includes("Azure CLI und Azure PowerShell aktualisieren"), all.join("\n"));
    assert.ok(
      all.includes("1. Führen Sie `az upgrade` aus (oder installieren Sie Azure CLI neu)."),
      all.join("\n"),
    );
    assert.ok(all.includes("Azure CLI installieren"));
    assert.ok(all.includes("Zurück zu meinem Status"));
  });

  it("a sender who is no user of the tenant gets the one refusal in French from every feature's buttons", async () => {
    for (const verb of [VERBS.readinessReport, VERBS.broadcastCompose, VERBS.startAction]) {
      const activity = app.asUser(
        actionExecute(app.bot.connector.serviceUrl, verb, { code: "REGISTER_PASSKEY" }),
        DEMO.ben,
      );
      const { aadObjectId: _dropped, ...from } = activity.from as Record<string, unknown>;
      const response = await app.bot.post({ ...activity, from, locale: "fr-FR" });
      const card = (response.body as { value?: Card }).value ?? {};
      const all = texts(card);
      assert.ok(
        all.includes("Je ne peux pas faire cela pour vous ici"),
        `${String(verb)}: ${all.join("\n")}`,
      );
      assert.ok(
        !all.some((text) => /\b(could not|your|Nothing)\b/.test(text)),
        `${String(verb)}: no English`,
      );
    }
  });
});

describe("an admin's lookup by name in German", () => {
  let app: BotOverSimulator;
  before(async () => {
    app = await startBotOverSimulator({ harness: { now: () => new Date("2026-11-20T09:05:00Z") } });
  });
  after(() => app.close());

  it("„Ist Ben betroffen?“ from a Global Administrator: Ben's card in German; a shared name a German card to pick from", async () => {
    const ben = await ask(app, DEMO.adele, "Ist Ben betroffen?", "de-DE");
    assert.equal(ben.id, "status");
    // Written about Ben for the admin reading it: third person, never "Sie sind betroffen".
    assert.ok(
      texts(ben).includes("Status von Ben Carter (ben.carter@contoso.example)"),
      texts(ben).join("\n"),
    );
    assert.ok(
      texts(ben).includes("Ben Carter ist von Phase 2 betroffen und noch nicht bereit"),
      texts(ben).join("\n"),
    );
    assert.ok(texts(ben).includes("Anmeldemethoden"));
    const secondPerson = texts(ben).filter((text) =>
      /\bSie (sind|haben|verwenden)\b|\bIhr(e|en)? (Anmelde|Status|Konto)/.test(text),
    );
    assert.deepEqual(secondPerson, [], "no sentence on Ben's card addresses the admin as if they were Ben");
    const many = await ask(app, DEMO.adele, "Ist Bruno betroffen?", "de-DE");
    assert.equal(many.id, "status-people", texts(many).join("\n"));
    assert.ok(texts(many).includes("Welche Person „bruno“ meinen Sie?"), texts(many).join("\n"));
    assert.ok(texts(many).includes("Diesen Status anzeigen"));
  });

  it("a plain user is told in German that they can check only their own status", async () => {
    const card = await ask(app, DEMO.ben, "Ist Adele betroffen?", "de-DE");
    assert.equal(card.id, "error");
    assert.ok(texts(card).includes("Sie können nur Ihren eigenen Status prüfen"), texts(card).join("\n"));
    assert.ok(texts(card).some((text) => /Globaler|Global Administrator, Global Reader/.test(text)));
  });
});

describe("the status card in Japanese (ja-JP) with TIME_ZONE=Asia/Tokyo, across a month boundary", () => {
  let app: BotOverSimulator;
  before(async () => {
    app = await startBotOverSimulator({
      snapshot: withLateOctoberSignIn(),
      harness: { env: { TIME_ZONE: "Asia/Tokyo" }, now: () => new Date("2026-11-30T23:30:00Z") },
    });
  });
  after(() => app.close());

  it("a sign-in at 23:30 UTC on 31 October is on 1 November in Tokyo; checked at 08:30 on 1 December", async () => {
    const card = await ask(app, DEMO.quinn, "影響はありますか?", "ja-JP");
    assert.equal(card.id, "status");
    const all = texts(card);
    assert.equal(section(card, "headline")[0], "フェーズ 2 の対象で、まだ準備ができていません");
    const phase2 = section(card, "phase2");
    assert.ok(phase2.includes("- Azure CLI: サインイン 1 回、最終 2026年11月1日"), phase2.join("\n"));
    assert.ok(
      phase2.some((text) => text.includes("2025年10月から MFA が必須になっています")),
      phase2.join("\n"),
    );
    assert.ok(all.includes("確認日時: 2026/12/01 8:30 JST"), all.join("\n"));
    assert.ok(all.includes("最新の情報に更新"));
  });
});
