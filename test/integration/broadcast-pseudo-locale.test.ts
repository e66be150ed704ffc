/**
 * The broadcast's journeys over the endpoint with English replaced by a pseudo-locale (⟦…⟧): every text a
 * person reads on the compose form, the preview, the progress card and its report, the recipient's card
 * (and its "Done: check me now" answer), the scheduled card and the notices must come from the resources
 * or be data (the admin's own title and message, people, UPNs, numbers, dates, the zone's name). Whatever
 * is left is a string hard-coded in a template or in the feature's code.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { userText } from "../../src/cards/markdown";
import { VERBS } from "../../src/cards/verbs";
import { wallClock } from "../../src/features/broadcast/send-at";
import { usePseudoEnglish } from "../../src/i18n/i18n";
import { SqliteBroadcastJobStore } from "../../src/storage/broadcast-jobs";
import { assertNoHardCodedText, hardCodedPart } from "../support/pseudo-locale";
import { type Card, cardsIn, DEMO, type ReportBot, startReportBot } from "../support/report-bot";
import { startTeamsLimitsStub, type TeamsLimitsStub } from "../support/teams-limits-stub";

usePseudoEnglish();

const ZONE = "Europe/Berlin";
const persona = (n: number) => `a0000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
const DANA = persona(3);
const PRIYA = persona(12);
const TITLE = "MFA for Azure";
const MESSAGE = "Please set up **MFA** this week.";
const UPNS = ["dana.ready", "priya.shell", "gita_fabrikam.example#EXT#", "nobody"].map(
  (name) => `${name}@contoso.example`,
);

describe("the broadcast in a pseudo-locale: no hard-coded text", () => {
  let rb: ReportBot;
  let teams: TeamsLimitsStub;
  let data: string[];
  let jobId = "";

  before(async () => {
    rb = await startReportBot({ env: { BROADCAST_RPS: "20", TIME_ZONE: ZONE } });
    teams = await startTeamsLimitsStub({ tenantRps: 1000 });
    teams.blocked.add("a:chat-priya");
    for (const [userId, chat] of [
      [DANA, "a:chat-dana"],
      [PRIYA, "a:chat-priya"],
    ] as const) {
      await rb.bot.stores.conversationReferences.save({
        tenantId: rb.simulator.tenantId,
        userId,
        conversationId: chat,
        serviceUrl: teams.serviceUrl,
        reference: {},
        updatedAt: new Date().toISOString(),
      });
    }
    const started = await rb.report.scans.start(rb.simulator.tenantId, {
      fresh: true,
      requestedBy: DEMO.adele,
    });
    if (started.kind === "running") {
      await started.scan.done;
    }
    data = [
      // The compose form's choice sets hold their codes as the value chosen; a person reads the choice's title.
      "affected-not-ready",
      "none",
      ...rb.snapshot.users
        .flatMap((user) => [user.displayName ?? "", user.userPrincipalName])
        .flatMap((text) => [userText(text), text]),
      ...UPNS,
      TITLE,
      userText(TITLE),
      MESSAGE,
      // The Teams names the harness gives its users ("User 01"): the sender of a broadcast.
      ...[DEMO.adele, DEMO.ben].map((id) => `User ${id.slice(-2)}`),
      ZONE,
      // Each language by its own name (the compose form's translations), the same in every language.
      "English",
      "Deutsch",
      "Français",
      "Español",
      "日本語",
    ];
  });
  after(async () => {
    await rb.close();
    await teams.close();
  });

  const preview = (extra: Record<string, unknown> = {}) =>
    rb.click(DEMO.adele, VERBS.broadcastPreview, {
      title: TITLE,
      message: MESSAGE,
      audience: "upns",
      upns: UPNS.join("\n"),
      buttonCode: "REGISTER_PASSKEY",
      remindDays: "3",
      ...extra,
    });
  const draftOf = (card: Card) =>
    String(
      (card.actions?.find((action) => action.verb === VERBS.broadcastSend)?.data as { draftId: string })
        .draftId,
    );

  it("the compose form, with the problems a bad submission finds", async () => {
    const compose = cardsIn(await rb.say(DEMO.adele, "broadcast"))[0]!;
    assert.equal(compose.id, "broadcast-compose");
    assertNoHardCodedText(compose, data, "the compose card");
    const problems = await rb.click(DEMO.adele, VERBS.broadcastPreview, {
      title: "",
      message: "",
      audience: "upns",
      upns: "not-a-upn",
      buttonUrl: "http://example.com",
      sendDate: "tomorrow",
    });
    assert.equal(problems.card.id, "broadcast-compose");
    assert.match(JSON.stringify(problems.card), /⟦/);
    // What was typed goes back into the form literally: data, as is the audience's code.
    const typed = ["not-a-upn", "upns", "http://example.com", "tomorrow"];
    assertNoHardCodedText(problems.card, [...data, ...typed], "the compose card's problems");
  });

  it("the preview, the progress card, its report, and the recipient's card and answer", async () => {
    const { card } = await preview();
    assert.equal(card.id, "broadcast-preview", JSON.stringify(card));
    assertNoHardCodedText(card, data, "the preview");
    jobId = draftOf(card);
    const progress = await rb.click(DEMO.adele, VERBS.broadcastSend, { draftId: jobId }, "preview-activity");
    assert.equal(progress.card.id, "broadcast-progress");
    assertNoHardCodedText(progress.card, data, "the progress card");
    const jobs = new SqliteBroadcastJobStore(rb.bot.stores.database);
    for (let i = 0; i < 200 && (await jobs.getJob(jobId))?.state !== "done"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const report = (await rb.click(DEMO.adele, VERBS.broadcastProgress, { jobId })).card;
    assert.equal(report.id, "broadcast-progress");
    assertNoHardCodedText(report, data, "the broadcast report");
    for (const update of rb.updatesIn(DEMO.adele)) {
      assertNoHardCodedText(update, data, "a progress update");
    }
    // The delivery report's file consent card: its description is the admin's to read.
    const before = rb.bot.connector.sentActivities().length;
    const offered = await rb.click(DEMO.adele, VERBS.broadcastReport, { jobId });
    assert.equal(offered.card.id, "broadcast-progress");
    const consent = rb.bot.connector
      .sentActivities()
      .slice(before)
      .flatMap((activity) => (activity.attachments ?? []) as Array<{ contentType: string; content: Card }>)
      .find((attachment) => attachment.contentType === "application/vnd.microsoft.teams.card.file.consent");
    const description = String(consent?.content.description);
    assert.match(description, /⟦/);
    assert.equal(hardCodedPart(description, data), "", description);

    const recipient = (teams.lastActivity.get("a:chat-dana")!.attachments as Array<{ content: Card }>)[0]!
      .content;
    assert.equal(recipient.id, "broadcast-message");
    assertNoHardCodedText(recipient, data, "the recipient's card");
    const checked = await rb.click(DANA, VERBS.broadcastCheckMe, { jobId });
    assert.equal(checked.card.id, "broadcast-message");
    assertNoHardCodedText(checked.card, data, "the recipient's card after Done: check me now");
  });

  it("the follow-ups, the scheduled card and its cancellation", async () => {
    const resend = await rb.click(DEMO.adele, VERBS.broadcastResendFailed, { jobId });
    assert.equal(resend.card.id, "broadcast-progress");
    assertNoHardCodedText(resend.card, data, "the resend's progress card");
    const remind = await rb.click(DEMO.adele, VERBS.broadcastRemindNotReady, { jobId });
    assert.equal(remind.card.id, "broadcast-progress");
    assertNoHardCodedText(remind.card, data, "the reminder's progress card");

    const { date, time } = wallClock(new Date(Date.now() + 2 * 86_400_000).toISOString(), ZONE);
    const later = await preview({ sendDate: date, sendTime: time });
    assertNoHardCodedText(later.card, data, "the preview of a scheduled send");
    const draftId = draftOf(later.card);
    const scheduled = await rb.click(DEMO.adele, VERBS.broadcastSend, { draftId }, "later-activity");
    assert.match(JSON.stringify(scheduled.card), /⟦Broadcast scheduled⟧/);
    assertNoHardCodedText(scheduled.card, data, "the scheduled card");
    const cancelled = await rb.click(DEMO.adele, VERBS.broadcastCancel, { jobId: draftId });
    assert.match(JSON.stringify(cancelled.card), /⟦Scheduled broadcast cancelled⟧/);
    assertNoHardCodedText(cancelled.card, data, "the cancelled scheduled card");
  });

  it("the notices and errors: refused, no such broadcast, not yours, discarded, personal chat only, declined", async () => {
    const cards: Array<[string, Card]> = [
      ["the refusal", cardsIn(await rb.say(DEMO.ben, "broadcast"))[0]!],
      ["no such broadcast", (await rb.click(DEMO.adele, VERBS.broadcastProgress, { jobId: "nope" })).card],
      ["not yours", (await rb.click(DEMO.ben, VERBS.broadcastCheckMe, { jobId })).card],
      ["discarded", (await rb.click(DEMO.adele, VERBS.broadcastDiscard)).card],
      [
        "personal chat only",
        (
          await rb.click(DEMO.adele, VERBS.broadcastReport, { jobId }, undefined, {
            conversation: {
              id: "19:group@thread.v2",
              conversationType: "groupChat",
              tenantId: rb.simulator.tenantId,
            },
          })
        ).card,
      ],
    ];
    // Declined, and an answer naming no offer of ours (the file consent flow's own notice).
    for (const [where, context] of [
      ["declined", { kind: "delivery", jobId, offeredTo: DEMO.adele }],
      ["an offer not ours", { kind: "delivery", jobId: "forged" }],
    ] as const) {
      const before = rb.bot.connector.sentActivities().length;
      await rb.consent(DEMO.adele, { action: "decline", context, uploadInfo: undefined });
      const sent = cardsIn(rb.bot.connector.sentActivities().slice(before));
      assert.equal(sent.length, 1, where);
      cards.push([where, sent[0]!]);
    }
    for (const [where, card] of cards) {
      assert.equal(card.id, "error", where);
      assertNoHardCodedText(card, data, where);
    }
  });
});
