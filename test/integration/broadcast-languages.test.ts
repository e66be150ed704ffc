import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { VERBS } from "../../src/cards/verbs";
import { SqliteBroadcastJobStore } from "../../src/storage/broadcast-jobs";
import { demoSnapshot } from "../support/bot-over-simulator";
import { type Card, DEMO, type ReportBot, startReportBot } from "../support/report-bot";
import { startTeamsLimitsStub, type TeamsLimitsStub } from "../support/teams-limits-stub";

const persona = (n: number) => `a0000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
// Alex last wrote to the bot from a French Teams client (his stored reference keeps "fr-FR"); Megan never
// did, and her Graph preferredLanguage is Japanese.
const ALEX = persona(6);
const MEGAN = persona(7);

const texts = (card: Card): string[] =>
  (JSON.stringify(card).match(/"(?:text|title)":"((?:[^"\\]|\\.)*)"/g) ?? [])
    .map((pair) => JSON.parse(`{${pair}}`) as Record<string, string>)
    .map((pair) => Object.values(pair)[0]!);

describe("a broadcast to a French and a Japanese recipient over the endpoint", () => {
  let rb: ReportBot;
  let teams: TeamsLimitsStub;

  before(async () => {
    const snapshot = demoSnapshot();
    const megan = snapshot.users.find((user) => user.id === MEGAN)!;
    megan.preferredLanguage = "ja-JP";
    rb = await startReportBot({ snapshot, env: { BROADCAST_RPS: "20" } });
    teams = await startTeamsLimitsStub({ tenantRps: 1000 });
    const tenantId = rb.simulator.tenantId;
    for (const [userId, chat, locale] of [
      [ALEX, "a:chat-alex", "fr-FR"],
      [MEGAN, "a:chat-megan", undefined],
    ] as const) {
      await rb.bot.stores.conversationReferences.save({
        tenantId,
        userId,
        conversationId: chat,
        serviceUrl: teams.serviceUrl,
        reference: locale ? { locale } : {},
        updatedAt: new Date().toISOString(),
      });
    }
    const started = await rb.report.scans.start(tenantId, { fresh: true, requestedBy: DEMO.adele });
    if (started.kind === "running") {
      await started.scan.done;
    }
  });
  after(async () => {
    await rb.close();
    await teams.close();
  });

  it("each recipient's frame is in their language; the message in theirs when the admin added it, else as written", async () => {
    const { card: preview } = await rb.click(DEMO.adele, VERBS.broadcastPreview, {
      title: "MFA for Azure",
      message: "Please set up **MFA** this week.",
      message_fr: "Veuillez configurer la **MFA** cette semaine.",
      audience: "upns",
      upns: "alex.wilber@contoso.example\nmegan.bowen@contoso.example",
      buttonCode: "REGISTER_PASSKEY",
    });
    assert.equal(preview.id, "broadcast-preview", JSON.stringify(preview));
    assert.ok(JSON.stringify(preview).includes("and in Français"), JSON.stringify(preview));
    const send = (preview.actions ?? []).find((action) => action.verb === VERBS.broadcastSend);
    const draftId = String((send?.data as { draftId: string }).draftId);
    await rb.click(DEMO.adele, VERBS.broadcastSend, { draftId }, "preview-activity");
    const jobs = new SqliteBroadcastJobStore(rb.bot.stores.database);
    for (let i = 0; i < 200 && (await jobs.getJob(draftId))?.state !== "done"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal((await jobs.getJob(draftId))?.state, "done");
    const cardIn = (chat: string) =>
      (teams.lastActivity.get(chat)!.attachments as Array<{ content: Card }>)[0]!.content;

    const alex = texts(cardIn("a:chat-alex"));
    assert.ok(alex.includes("Veuillez configurer la **MFA** cette semaine."), alex.join("\n"));
    for (const french of [
      "Votre statut",
      "C'est fait : vérifiez-moi",
      "Ajouter une clé d'accès",
      "Suis-je concerné ?",
    ]) {
      assert.ok(alex.includes(french), `${french} in ${alex.join(" | ")}`);
    }
    assert.ok(alex.some((text) => text.startsWith("Envoyé par")));
    assert.ok(
      alex.some((text) =>
        /Microsoft exige donc la MFA pour vous|Nous n'avons trouvé aucune connexion/.test(text),
      ),
    );
    assert.ok(!alex.some((text) => text.includes("Done: check me now")));

    const megan = texts(cardIn("a:chat-megan"));
    assert.ok(
      megan.includes("Please set up **MFA** this week."),
      "no Japanese text added: the message as written",
    );
    for (const japanese of ["あなたの状態", "完了: 今すぐ確認", "パスキーを追加する", "影響を受けますか?"]) {
      assert.ok(megan.includes(japanese), `${japanese} in ${megan.join(" | ")}`);
    }
    assert.ok(megan.some((text) => text.endsWith("が MFA Ready で送信しました")));
    assert.ok(
      megan.some((text) => /準備はできて(い|)ます|準備はできていません/.test(text)),
      megan.join("\n"),
    );
  });
});
