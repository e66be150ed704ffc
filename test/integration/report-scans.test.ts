import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { VERBS } from "../../src/cards/verbs";
import { generateTenant } from "../../src/dev/generate-tenant";
import { DAILY_REPORT_JOB } from "../../src/features/report/daily-report";
import { cardsIn, DEMO, eventually, startReportBot } from "../support/report-bot";

const GRADY = "a0000000-0000-4000-8000-000000000008"; // Global Reader in the generated tenants
const texts = (value: unknown) => JSON.stringify(value);
const cancelData = (card: Record<string, unknown>) =>
  (card.actions as Array<{ id?: string; data?: { scanId?: string } }>).find(
    (action) => action.id === "cancel",
  )?.data ?? {};

describe("readiness scans over the endpoint", () => {
  it("two admins asking at once share one scan; cancel stops it for both", async () => {
    // A throttled tenant (reports: 5 requests / 10 s) so the scan is still running when they ask and cancel.
    const harness = await startReportBot({
      snapshot: generateTenant({ users: 6000, seed: 3 }),
      simulator: { throttle: true, throttleScale: 1 },
    });
    try {
      const [first, second] = await Promise.all([
        harness.say(DEMO.adele, "readiness report"),
        harness.say(GRADY, "readiness report"),
      ]);
      const [a, b] = [cardsIn(first)[0]!, cardsIn(second)[0]!];
      assert.equal(a.id, "report-progress");
      assert.equal(b.id, "report-progress");
      const scanId = cancelData(a).scanId!;
      assert.equal(cancelData(b).scanId, scanId, "one scan for both");
      assert.match(texts(a) + texts(b), /already running, so you share it/);
      assert.equal(
        (harness.bot.stores.database.prepare("SELECT COUNT(*) AS n FROM report_scans").get() as { n: number })
          .n,
        1,
      );

      // The progress cards update themselves while it runs.
      await eventually(() => harness.updatesIn(GRADY).some((card) => card.id === "report-progress"));

      const started = Date.now();
      const canceled = await harness.click(DEMO.adele, VERBS.reportCancel, { scanId }, "progress-card-1");
      assert.equal(canceled.card.id, "report-notice");
      assert.match(texts(canceled.card), /canceled the scan/);
      await eventually(() => harness.report.scans.current(harness.simulator.tenantId) === undefined);
      assert.ok(Date.now() - started < 3_000, "a cancel does not wait for the throttled pages");
      const record = (await harness.report.scans.get(scanId))!;
      assert.equal(record.status, "canceled");
      assert.equal(
        (
          harness.bot.stores.database.prepare("SELECT COUNT(*) AS n FROM report_verdicts").get() as {
            n: number;
          }
        ).n,
        0,
      );
      // The other admin's card says so too.
      await eventually(() =>
        harness.updatesIn(GRADY).some((card) => card.id === "report-notice" && /canceled/.test(texts(card))),
      );
    } finally {
      await harness.close();
    }
  });

  it("a tenant without Entra ID P1 gets the report with the gaps explained", async () => {
    const harness = await startReportBot({
      snapshot: generateTenant({ users: 200, seed: 5, premium: false }),
    });
    try {
      cardsIn(await harness.say(DEMO.adele, "readiness report"));
      const report = await eventually(() =>
        harness.updatesIn(DEMO.adele).find((card) => card.id === "report"),
      );
      const body = texts(report);
      assert.match(body, /Without Entra ID P1 I cannot see who signs in to Azure/);
      assert.match(body, /no Microsoft Entra ID P1 licence, so Microsoft keeps none/);
      assert.match(body, /registration report needs Microsoft Entra ID P1 too/);
      assert.doesNotMatch(body, /whole UTC day/, "no summary was read: no by-day caveat");
      const scan = (await harness.report.scans.latest(harness.simulator.tenantId))!;
      assert.equal(
        scan.summary!.counts.buckets.affectedReady + scan.summary!.counts.buckets.affectedNotReady,
        0,
      );
      assert.ok(scan.summary!.counts.buckets.likely > 0, "role holders are likely affected");
    } finally {
      await harness.close();
    }
  });

  it("says that beta's daily summary can add up to one day of silent refreshes at the window's start", async () => {
    const harness = await startReportBot({ snapshot: generateTenant({ users: 200, seed: 5 }) });
    try {
      cardsIn(await harness.say(DEMO.adele, "readiness report"));
      const report = await eventually(() =>
        harness.updatesIn(DEMO.adele).find((card) => card.id === "report"),
      );
      assert.match(
        texts(report),
        /sign-ins of the last 30 days \(silent token refreshes are counted by whole UTC day, so they may add up to one more day at the start\)/,
      );
    } finally {
      await harness.close();
    }
  });

  it("the daily subscription scans at the set time and sends the summary to the subscribed admin", async () => {
    let now = new Date("2026-11-20T10:00:00Z");
    const harness = await startReportBot({ now: () => now, env: { REPORT_DAILY_AT: "07:00" } });
    try {
      const answer = cardsIn(await harness.say(DEMO.adele, "subscribe to the daily report"))[0]!;
      assert.equal(answer.id, "report-notice");
      assert.match(texts(answer), /every day at 07:00 UTC/);
      const refused = cardsIn(await harness.say(DEMO.ben, "subscribe to the daily report"))[0]!;
      assert.match(texts(refused), /for admins/);

      assert.equal(await harness.bot.service.scheduler.runDue(), 0, "nothing due before 07:00 tomorrow");
      now = new Date("2026-11-21T07:00:30Z");
      const before = harness.bot.connector.sentActivities().length;
      assert.equal(await harness.bot.service.scheduler.runDue(), 1);
      const sent = cardsIn(harness.bot.connector.sentActivities().slice(before));
      assert.equal(sent.length, 1);
      assert.equal(sent[0]!.id, "report");
      assert.match(texts(sent[0]), /Your daily MFA readiness report/);
      const next = harness.bot.stores.database
        .prepare("SELECT run_at FROM scheduled_jobs WHERE kind = ?")
        .get(DAILY_REPORT_JOB) as { run_at: string };
      assert.equal(next.run_at, "2026-11-22T07:00:00.000Z");

      cardsIn(await harness.say(DEMO.adele, "stop the daily report"));
      assert.equal(
        (
          harness.bot.stores.database.prepare("SELECT COUNT(*) AS n FROM scheduled_jobs").get() as {
            n: number;
          }
        ).n,
        0,
      );
    } finally {
      await harness.close();
    }
  });

  it("sends each subscriber the daily report in their own language (their stored conversation's locale)", async () => {
    let now = new Date("2026-11-20T10:00:00Z");
    const harness = await startReportBot({ now: () => now, env: { REPORT_DAILY_AT: "07:00" } });
    try {
      await harness.say(DEMO.adele, "subscribe to the daily report", { locale: "de-DE" });
      await harness.say(GRADY, "subscribe to the daily report", { locale: "ja-JP" });
      now = new Date("2026-11-21T07:00:30Z");
      const before = harness.bot.connector.calls.length;
      assert.equal(await harness.bot.service.scheduler.runDue(), 1);
      const sentTo = (userId: string) =>
        cardsIn(
          harness.bot.connector.calls
            .slice(before)
            .filter((call) => call.method === "POST" && call.conversationId === `a:personal-chat-${userId}`)
            .map((call) => call.body),
        );
      const [german] = sentTo(DEMO.adele);
      const [japanese] = sentTo(GRADY);
      assert.equal(german?.id, "report");
      assert.match(texts(german), /Ihr täglicher Bericht zur MFA-Bereitschaft/);
      assert.match(texts(german), /Täglichen Bericht beenden/);
      assert.equal(japanese?.id, "report");
      assert.match(texts(japanese), /MFA 準備状況の日次レポート/);
    } finally {
      await harness.close();
    }
  });
});
