import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { VERBS } from "../../src/cards/verbs";
import { wallClock } from "../../src/features/broadcast/send-at";
import { SqliteBroadcastJobStore } from "../../src/storage/broadcast-jobs";
import { type Card, DEMO, type ReportBot, startReportBot } from "../support/report-bot";
import { startTeamsLimitsStub, type TeamsLimitsStub } from "../support/teams-limits-stub";

const persona = (n: number) => `a0000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
const ZONE = "Europe/Berlin";
// The first broadcast goes to Dana and Alex at its "send at"; the second (to Megan) is cancelled before.
const CHATS = { dana: "a:chat-dana", alex: "a:chat-alex", megan: "a:chat-megan" };
const RECIPIENTS = [
  [persona(3), CHATS.dana],
  [persona(6), CHATS.alex],
  [persona(7), CHATS.megan],
] as const;

const headingOf = (card: Card) =>
  ((card.body ?? []) as Array<{ text?: string }>).map((element) => element.text ?? "").join(" | ");

/**
 * Issue 16: a "send at" lives in the scheduler's store, not in the process that took it. The admin
 * schedules over the endpoint; that bot stops; a new one on the same SQLite file starts with the clock
 * past the send time and fires it once (two schedulers' polls at the same moment, and a third start,
 * change nothing); the broadcast cancelled before its time never goes out.
 */
describe("a scheduled broadcast across a restart with the clock moved past its time", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "mfa-broadcast-send-at-"));
  let clock = new Date();
  const now = () => clock;
  const env = { TIME_ZONE: ZONE, BROADCAST_RPS: "20" };
  let rb: ReportBot;
  let teams: TeamsLimitsStub;
  // Two hours ahead on the minute, written as Berlin's clocks show it (what the compose card asks for).
  const sendAt = new Date(Math.ceil((clock.getTime() + 2 * 3_600_000) / 60_000) * 60_000);
  let fired = "";
  let cancelled = "";

  before(async () => {
    teams = await startTeamsLimitsStub({ tenantRps: 1000 });
    rb = await startReportBot({ now, env, dataDir });
    for (const [userId, chat] of RECIPIENTS) {
      await rb.bot.stores.conversationReferences.save({
        tenantId: rb.simulator.tenantId,
        userId,
        conversationId: chat,
        serviceUrl: teams.serviceUrl,
        reference: {},
        updatedAt: clock.toISOString(),
      });
    }
  });
  after(async () => {
    await rb.close();
    await teams.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const schedule = async (title: string, upns: string): Promise<string> => {
    const { date, time } = wallClock(sendAt.toISOString(), ZONE);
    const { card: preview } = await rb.click(DEMO.adele, VERBS.broadcastPreview, {
      title,
      message: "Please set up **MFA** this week.",
      audience: "upns",
      upns,
      sendDate: date,
      sendTime: time,
    });
    assert.equal(preview.id, "broadcast-preview", JSON.stringify(preview));
    const send = (preview.actions ?? []).find((action) => action.verb === VERBS.broadcastSend);
    const draftId = String((send?.data as { draftId: string }).draftId);
    const { card } = await rb.click(DEMO.adele, VERBS.broadcastSend, { draftId }, `preview-${title}`);
    assert.match(headingOf(card), /Broadcast scheduled/, JSON.stringify(card));
    return draftId;
  };

  it("schedules two broadcasts over the endpoint and cancels one; nothing is sent before the time", async () => {
    fired = await schedule("MFA this week", "dana.ready@contoso.example\nalex.wilber@contoso.example");
    cancelled = await schedule("MFA next week", "megan.bowen@contoso.example");
    const { card } = await rb.click(DEMO.adele, VERBS.broadcastCancel, { jobId: cancelled });
    assert.match(headingOf(card), /Scheduled broadcast cancelled/, JSON.stringify(card));
    clock = new Date(sendAt.getTime() - 60_000);
    assert.equal(await rb.bot.service.scheduler.runDue(), 0, "a minute early: nothing due");
    assert.equal(teams.accepted.size, 0);
  });

  it("a new instance on the same SQLite file, its clock past the time, sends the scheduled one once", async () => {
    await rb.close();
    clock = new Date(sendAt.getTime() + 5 * 60_000);
    rb = await startReportBot({ now, env, dataDir });
    const jobs = new SqliteBroadcastJobStore(rb.bot.stores.database);
    // A second instance on the same file polls at the same moment: the scheduler's lease gives the job to one.
    const twin = await startReportBot({ now, env, dataDir, runningSimulator: rb.simulator });
    try {
      const ran = await Promise.all([rb.bot.service.scheduler.runDue(), twin.bot.service.scheduler.runDue()]);
      assert.equal(
        ran.reduce((sum, n) => sum + n, 0),
        1,
        `one run in all (${ran.join(", ")})`,
      );
      assert.equal(await rb.bot.service.scheduler.runDue(), 0, "done: not due again");
      // Whichever instance got it sends it; neither stops before the job is done.
      for (let i = 0; i < 200 && (await jobs.getJob(fired))?.state !== "done"; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await twin.close();
    }
    assert.equal((await jobs.getJob(fired))?.state, "done");
    assert.equal(teams.accepted.get(CHATS.dana), 1);
    assert.equal(teams.accepted.get(CHATS.alex), 1);
    assert.equal(teams.accepted.get(CHATS.megan), undefined, "the cancelled one never goes out");
    assert.equal(await jobs.getJob(cancelled), undefined);
    const audit = await rb.bot.stores.auditLog.latest(rb.simulator.tenantId, 50);
    assert.ok(
      audit.some(
        (entry) =>
          entry.action === "broadcast.started" && entry.subjectId === fired && entry.detail?.scheduled,
      ),
    );
  });

  it("started once more, later still, it sends nothing again", async () => {
    await rb.close();
    clock = new Date(sendAt.getTime() + 3_600_000);
    rb = await startReportBot({ now, env, dataDir });
    assert.equal(await rb.bot.service.scheduler.runDue(), 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(
      [teams.accepted.get(CHATS.dana), teams.accepted.get(CHATS.alex), teams.accepted.get(CHATS.megan)],
      [1, 1, undefined],
    );
  });
});
