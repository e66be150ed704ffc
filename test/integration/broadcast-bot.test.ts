import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { VERBS } from "../../src/cards/verbs";
import { SqliteBroadcastJobStore } from "../../src/storage/broadcast-jobs";
import { SqliteBroadcastLedger } from "../../src/storage/broadcast-ledger";
import { OUTGOING_TOKEN } from "../support/bot-harness";
import { type Card, cardsIn, DEMO, eventually, type ReportBot, startReportBot } from "../support/report-bot";
import { startTeamsLimitsStub, type TeamsLimitsStub } from "../support/teams-limits-stub";

const TEAMS_APP_ID = "3c0ffee0-0000-4000-8000-0000000a9901";
const persona = (n: number) => `a0000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
// Miguel never talked to the bot and does not have the app: Teams refuses to open a chat with him, so the
// app is installed for him through Graph, then his chat is opened through the Bot Connector.
const PEOPLE = {
  dana: persona(3),
  gita: persona(9),
  priya: persona(12),
  miguel: persona(13),
  dexter: persona(0x19),
};
const UPNS = [
  "miguel.mobile",
  "dana.ready",
  "priya.shell",
  "gita_fabrikam.example#EXT#",
  "dexter.disabled",
  "nobody",
].map((name) => `${name}@contoso.example`);
const MESSAGE =
  "Microsoft now **requires MFA** for Azure. ${user.name} <b>not bold</b>\n- Open [My Security info](https://aka.ms/mysecurityinfo)";

const texts = (card: Card): string[] => JSON.stringify(card).match(/"text":"((?:[^"\\]|\\.)*)"/g) ?? [];
const inputValue = (card: Card, id: string) =>
  ((card.body ?? []) as Array<Record<string, unknown>>).find((element) => element.id === id)?.value;

describe("broadcast over the bot's endpoint", () => {
  let rb: ReportBot;
  let teams: TeamsLimitsStub;
  let jobs: SqliteBroadcastJobStore;
  let ledger: SqliteBroadcastLedger;
  let tenantId: string;

  before(async () => {
    rb = await startReportBot({ env: { TEAMS_APP_ID, BROADCAST_RPS: "5" } });
    teams = await startTeamsLimitsStub({ tenantRps: 1000 });
    tenantId = rb.simulator.tenantId;
    const stores = rb.bot.stores;
    jobs = new SqliteBroadcastJobStore(stores.database);
    ledger = new SqliteBroadcastLedger(stores.database);
    // Dana and Priya have talked to the bot before (their chats are known); Priya blocked it since.
    for (const [userId, chat] of [
      [PEOPLE.dana, "a:chat-dana"],
      [PEOPLE.priya, "a:chat-priya"],
    ] as const) {
      await stores.conversationReferences.save({
        tenantId,
        userId,
        conversationId: chat,
        serviceUrl: teams.serviceUrl,
        reference: {},
        updatedAt: new Date().toISOString(),
      });
    }
    teams.blocked.add("a:chat-priya");
    rb.bot.connector.isInstalled = (userId) => rb.simulator.admin.isAppInstalled(userId, TEAMS_APP_ID);
    const started = await rb.report.scans.start(tenantId, { fresh: true, requestedBy: DEMO.adele });
    if (started.kind === "running") {
      await started.scan.done;
    }
  });
  after(async () => {
    await rb.close();
    await teams.close();
  });

  const audit = async (action: string) =>
    (await rb.bot.stores.auditLog.latest(tenantId, 200)).filter((entry) => entry.action === action);
  const preview = (userId: string, data: Record<string, unknown>) =>
    rb.click(userId, VERBS.broadcastPreview, data);

  it("refuses a non-admin who types broadcast, and audits it", async () => {
    const cards = cardsIn(await rb.say(DEMO.ben, "broadcast"));
    assert.equal(cards[0]?.id, "error");
    assert.ok(texts(cards[0]!).some((text) => text.includes("Only administrators can broadcast")));
    assert.ok(
      (await audit("authz.refused")).some(
        (entry) => entry.actorId === DEMO.ben && entry.detail?.step === "compose",
      ),
    );
  });

  it("gives an admin the compose card", async () => {
    const cards = cardsIn(await rb.say(DEMO.adele, "broadcast"));
    assert.equal(cards[0]?.id, "broadcast-compose");
  });

  it("a 10,000-character message with ${...} and HTML is refused by the limits and kept literally in the form", async () => {
    const message = `\${user.name} <script>alert(1)</script> `.padEnd(10_000, "a");
    const { status, card } = await preview(DEMO.adele, { title: "MFA", message, audience: "affected" });
    assert.equal(status, 200);
    assert.equal(card.id, "broadcast-compose");
    assert.ok(texts(card).some((text) => text.includes("10,000 characters") && text.includes("4,000")));
    assert.equal(inputValue(card, "message"), message);
    assert.equal((await jobs.latest(tenantId, 10)).length, 0);
  });

  let draftId = "";

  it("previews with the count, skipped and unknown people, and the text as one recipient sees it", async () => {
    const { card } = await preview(DEMO.adele, {
      title: "MFA for Azure",
      message: MESSAGE,
      audience: "upns",
      upns: UPNS.join("\n"),
      buttonCode: "REGISTER_PASSKEY",
    });
    assert.equal(card.id, "broadcast-preview", JSON.stringify(card));
    const json = JSON.stringify(card);
    assert.ok(json.includes('"value":"3"'), "three will receive it (Miguel, Dana, Priya)");
    assert.ok(json.includes("1 guest") && json.includes("1 disabled"), json);
    assert.ok(json.includes("nobody@contoso.example"));
    // Literal: the expression is escaped, HTML is text, the subset is kept.
    assert.ok(
      json.includes("\\\\${user.name}") &&
        json.includes("\\\\<b\\\\>not bold\\\\</b\\\\>") &&
        json.includes("**requires MFA**"),
      json,
    );
    assert.ok(
      texts(card).some((text) => text.includes("Microsoft requires MFA for you")),
      "personalised with the sample's own verdict",
    );
    const send = (card.actions ?? []).find((action) => action.verb === VERBS.broadcastSend);
    draftId = String((send?.data as { draftId?: string } | undefined)?.draftId);
    assert.match(draftId, /^[0-9a-f-]{36}$/);
  });

  it("a non-admin's forged Send is refused, audited, and sends nothing", async () => {
    const { card } = await rb.click(DEMO.ben, VERBS.broadcastSend, { draftId });
    assert.equal(card.id, "error");
    assert.equal(await jobs.getJob(draftId), undefined);
    assert.ok(
      (await audit("authz.refused")).some(
        (entry) => entry.actorId === DEMO.ben && entry.detail?.step === "send" && entry.subjectId === draftId,
      ),
    );
    assert.equal(teams.accepted.size, 0);
  });

  it("sends: known chats, an install through Graph then a chat opened, a blocked user; guests, disabled and unknown skipped; Send twice does nothing", async () => {
    const { card } = await rb.click(DEMO.adele, VERBS.broadcastSend, { draftId }, "preview-activity");
    assert.equal(card.id, "broadcast-progress");
    await eventually(
      () =>
        rb
          .updatesIn(DEMO.adele)
          .some(
            (update) =>
              update.id === "broadcast-progress" && JSON.stringify(update).includes("Broadcast report"),
          ),
      20_000,
    );
    const rows = Object.fromEntries(
      (await ledger.page(draftId, 0, 100)).map((row) => [row.upn.toLowerCase(), row]),
    );
    assert.deepEqual(
      [
        rows["dana.ready@contoso.example"]?.state,
        rows["priya.shell@contoso.example"]?.state,
        rows["priya.shell@contoso.example"]?.reason,
      ],
      ["sent", "failed", "blocked"],
    );
    assert.match(rows["dana.ready@contoso.example"]?.activityId ?? "", /^act-/);
    const miguel = rows["miguel.mobile@contoso.example"]!;
    assert.equal(miguel.state, "sent");
    assert.equal(miguel.conversationId, `a:stub-chat-${PEOPLE.miguel}`);
    assert.ok(
      rb.simulator.admin.isAppInstalled(PEOPLE.miguel, TEAMS_APP_ID),
      "installed for him through Graph",
    );
    assert.equal(
      rb.simulator.stats.byPath["POST /users/{id}/teamwork/installedApps"],
      1,
      "one install: Dana and Priya had chats",
    );
    assert.equal(
      rb.simulator.stats.byPath["GET /users/{id}/teamwork/installedApps"] ?? 0,
      0,
      "no Graph read to find the chat",
    );
    assert.equal(
      (await rb.bot.stores.conversationReferences.get(tenantId, PEOPLE.miguel))?.conversationId,
      miguel.conversationId,
      "his chat is kept for the next broadcast",
    );
    assert.deepEqual(
      [
        rows["gita_fabrikam.example#ext#@contoso.example"]?.reason,
        rows["dexter.disabled@contoso.example"]?.reason,
        rows["nobody@contoso.example"]?.reason,
      ],
      ["guest", "disabled", "unknownUser"],
    );
    assert.equal(teams.accepted.get("a:chat-dana"), 1);
    // Dana's own status from the scan, rendered as text (the Playground showed a NUL-delimited marker).
    const danaCard = (teams.lastActivity.get("a:chat-dana")!.attachments as Array<{ content: Card }>)[0]!
      .content;
    const danaTexts = texts(danaCard).join("\n");
    assert.ok(danaTexts.includes("Your status"), danaTexts);
    assert.match(danaTexts, /you are (not )?ready\./, danaTexts);
    assert.ok(!/personal|\\u0000|\ufffd/.test(JSON.stringify(danaCard)), JSON.stringify(danaCard));
    const toMiguel = () =>
      rb.bot.connector.calls.filter(
        (call) => call.method === "POST" && call.conversationId === miguel.conversationId,
      );
    assert.equal(toMiguel().length, 1);
    assert.equal(toMiguel()[0]!.authorization, `Bearer ${OUTGOING_TOKEN}`, "sent with the bot's identity");
    const miguelCard = (toMiguel()[0]!.body.attachments as Array<{ content: Card }>)[0]!.content;
    assert.equal(miguelCard.id, "broadcast-message");
    assert.ok(JSON.stringify(miguelCard).includes("\\\\${user.name}"));
    assert.equal((await jobs.getJob(draftId))!.state, "done");
    // Priya could not be reached: "Finished" is not green, and the reason is in words, not a code.
    const report = rb
      .updatesIn(DEMO.adele)
      .filter(
        (update) => update.id === "broadcast-progress" && JSON.stringify(update).includes("Broadcast report"),
      )
      .at(-1)!;
    const reportJson = JSON.stringify(report);
    assert.ok(
      reportJson.includes("Finished, but 1 could not be reached") && !reportJson.includes('"color":"Good"'),
      reportJson,
    );
    assert.ok(
      reportJson.includes("1 they blocked the app in Teams") &&
        !/blocked 1|notFound|unknownUser/.test(reportJson),
      reportJson,
    );
    const completed = (await audit("broadcast.completed")).find((entry) => entry.subjectId === draftId);
    assert.deepEqual(
      [completed?.actorId, completed?.detail?.sent, completed?.detail?.failed, completed?.detail?.skipped],
      [DEMO.adele, 2, 1, 3],
    );
    assert.equal((await audit("broadcast.started")).filter((entry) => entry.subjectId === draftId).length, 1);

    const again = await rb.click(DEMO.adele, VERBS.broadcastSend, { draftId }, "preview-activity");
    assert.equal(again.card.id, "broadcast-progress");
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(teams.accepted.get("a:chat-dana"), 1);
    assert.equal(toMiguel().length, 1);
    assert.equal((await audit("broadcast.started")).filter((entry) => entry.subjectId === draftId).length, 1);
  });

  it("a recipient's 'Done: check me now' re-checks them in Graph, answers in place, and the admin's card counts it", async () => {
    const danaCard = (teams.lastActivity.get("a:chat-dana")!.attachments as Array<{ content: Card }>)[0]!
      .content;
    const check = (danaCard.actions ?? []).find((action) => action.verb === VERBS.broadcastCheckMe);
    assert.deepEqual(
      [check?.title, check?.style, check?.data],
      ["Done: check me now", "positive", { jobId: draftId }],
    );
    const graphBefore = rb.simulator.stats.requests;
    const dana = await rb.click(PEOPLE.dana, VERBS.broadcastCheckMe, { jobId: draftId });
    assert.equal(dana.card.id, "broadcast-message");
    assert.ok(rb.simulator.stats.requests > graphBefore, "read in Graph, not from the scan");
    const danaRow = await ledger.get(draftId, PEOPLE.dana);
    assert.ok(danaRow?.acknowledgedAt, "acknowledged in the ledger");
    const danaText = texts(dana.card).join("\n");
    assert.ok(
      danaRow.readyNow
        ? danaText.includes("Checked just now: you are ready")
        : danaText.includes("Checked just now: not ready yet. Still missing:"),
      danaText,
    );
    assert.ok(danaText.includes("Your status"), "their own status, read now");
    const miguel = await rb.click(PEOPLE.miguel, VERBS.broadcastCheckMe, { jobId: draftId });
    const miguelRow = await ledger.get(draftId, PEOPLE.miguel);
    assert.equal(typeof miguelRow?.readyNow, "boolean");
    assert.ok(texts(miguel.card).some((text) => text.includes("Checked just now")));
    // Someone the message was not sent to cannot acknowledge it.
    const ben = await rb.click(DEMO.ben, VERBS.broadcastCheckMe, { jobId: draftId });
    assert.equal(ben.card.id, "error");
    assert.equal(await ledger.get(draftId, DEMO.ben), undefined);
    const totals = await ledger.totals(draftId);
    const nowReady = [danaRow.readyNow, miguelRow?.readyNow].filter(Boolean).length;
    assert.deepEqual([totals.acknowledged, totals.nowReady], [2, nowReady]);
    const report = JSON.stringify(
      (await rb.click(DEMO.adele, VERBS.broadcastProgress, { jobId: draftId })).card,
    );
    assert.ok(
      report.includes('{"title":"Acknowledged","value":"2"}') &&
        report.includes(`{"title":"Now ready","value":"${nowReady}"}`),
      report,
    );
  });

  it("'Resend to those who failed' is one click: a new job over the ledger, once, audited", async () => {
    teams.blocked.delete("a:chat-priya");
    const offered = (await rb.click(DEMO.adele, VERBS.broadcastProgress, { jobId: draftId })).card;
    assert.ok((offered.actions ?? []).some((action) => action.title === "Resend to those who failed"));
    assert.equal(
      (await rb.click(DEMO.ben, VERBS.broadcastResendFailed, { jobId: draftId })).card.id,
      "error",
    );
    const { card } = await rb.click(
      DEMO.adele,
      VERBS.broadcastResendFailed,
      { jobId: draftId },
      "report-card",
    );
    assert.equal(card.id, "broadcast-progress");
    const resendId = `${draftId}:resend`;
    for (let i = 0; i < 200 && (await jobs.getJob(resendId))?.state !== "done"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal((await jobs.getJob(resendId))?.state, "done");
    const rows = await ledger.page(resendId, 0, 100);
    assert.deepEqual(
      rows.map((row) => [row.upn, row.state]),
      [["priya.shell@contoso.example", "sent"]],
    );
    assert.equal(teams.accepted.get("a:chat-priya"), 1);
    assert.equal(teams.accepted.get("a:chat-dana"), 1, "those reached the first time get nothing");
    const again = await rb.click(DEMO.adele, VERBS.broadcastResendFailed, { jobId: draftId }, "report-card");
    assert.equal(again.card.id, "broadcast-progress");
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(teams.accepted.get("a:chat-priya"), 1, "a second click sends nothing");
    const started = (await audit("broadcast.started")).filter((entry) => entry.subjectId === resendId);
    assert.deepEqual(
      started.map((entry) => [entry.actorId, entry.detail?.parentJobId]),
      [[DEMO.adele, draftId]],
    );
  });

  it("pause, resume and cancel from the progress card (roles checked each time)", async () => {
    const { card } = await preview(DEMO.adele, {
      title: "Everyone affected",
      message: "Please set up MFA.",
      audience: "affected",
    });
    const id = String(
      (
        (card.actions ?? []).find((action) => action.verb === VERBS.broadcastSend)?.data as {
          draftId: string;
        }
      ).draftId,
    );
    await rb.click(DEMO.adele, VERBS.broadcastSend, { draftId: id }, "preview-2");
    const paused = await rb.click(DEMO.adele, VERBS.broadcastPause, { jobId: id });
    assert.ok(JSON.stringify(paused.card).includes("Paused"));
    assert.equal((await jobs.getJob(id))!.state, "paused");
    const sentAtPause = (await ledger.totals(id)).sent;
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    assert.ok(
      (await ledger.totals(id)).sent <= sentAtPause + 2,
      "nothing more goes out while paused (beyond sends already at Teams)",
    );
    assert.equal((await rb.click(DEMO.ben, VERBS.broadcastResume, { jobId: id })).card.id, "error");
    assert.equal((await jobs.getJob(id))!.state, "paused");
    const resumed = await rb.click(DEMO.adele, VERBS.broadcastResume, { jobId: id });
    assert.ok(JSON.stringify(resumed.card).includes("Sending"));
    await new Promise((resolve) => setTimeout(resolve, 600));
    const cancelled = await rb.click(DEMO.adele, VERBS.broadcastCancel, { jobId: id });
    assert.ok(JSON.stringify(cancelled.card).includes("Cancelled"));
    let totals = await ledger.totals(id);
    for (let i = 0; i < 100 && totals.pending + totals.sending > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      totals = await ledger.totals(id);
    }
    assert.equal(totals.pending + totals.sending, 0, "no row left pending after cancel");
    assert.ok((totals.skippedByReason.cancelled ?? 0) > 0, JSON.stringify(totals));
    assert.equal((await jobs.getJob(id))!.state, "cancelled");
    const actions = (await rb.bot.stores.auditLog.latest(tenantId, 200))
      .filter((entry) => entry.subjectId === id)
      .map((entry) => entry.action);
    for (const action of [
      "broadcast.started",
      "broadcast.paused",
      "broadcast.resumed",
      "broadcast.cancelled",
    ]) {
      assert.ok(actions.includes(action), `${action} audited: ${actions.join(", ")}`);
    }
  });
});
