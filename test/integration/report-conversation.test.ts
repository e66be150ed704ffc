import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { parse } from "csv-parse/sync";

import { FILE_CONSENT_CARD, FILE_INFO_CARD } from "../../src/bot/file-consent";
import { VERBS } from "../../src/cards/verbs";
import { csvHeader, csvRow } from "../../src/features/report/csv";
import { translator } from "../../src/i18n/i18n";
import { type Card, cardsIn, DEMO, eventually, type ReportBot, startReportBot } from "../support/report-bot";
import { startUploadStub, type UploadStub } from "../support/upload-stub";

const texts = (card: Card) => JSON.stringify(card);
const scanIdOf = (card: Card) =>
  (
    card.actions?.find((action) => action.id === "cancel" || action.id === "csv")?.data as
      { scanId?: string } | undefined
  )?.scanId;

describe("readiness report over the endpoint (demo tenant in the Graph simulator)", () => {
  let harness: ReportBot;
  let upload: UploadStub;
  before(async () => {
    harness = await startReportBot();
    upload = await startUploadStub();
  });
  after(async () => {
    await harness.close();
    await upload.close();
  });

  it("refuses a user without a directory role, naming the roles, and starts no scan", async () => {
    const cards = cardsIn(await harness.say(DEMO.ben, "readiness report"));
    // The one refusal card of the permissions table, naming the roles that would do.
    assert.equal(cards[0]?.id, "error");
    assert.match(
      texts(cards[0]!),
      /Global Administrator, Global Reader, Security Administrator, Security Reader, Reports Reader, Authentication Policy Administrator or Privileged Authentication Administrator/,
    );
    assert.equal(harness.report.scans.current(harness.simulator.tenantId), undefined);
    const clicked = await harness.click(DEMO.ben, VERBS.reportCsv, {
      scanId: "00000000-0000-4000-8000-000000000000",
    });
    assert.equal(clicked.card.id, "error");
    assert.match(texts(clicked.card), /for admins/);
  });

  it("gives an admin a progress card that turns into the report; the CSV arrives through file consent, row by row as assess", async () => {
    const sent = cardsIn(await harness.say(DEMO.adele, "readiness report"));
    assert.equal(sent[0]?.id, "report-progress");
    const scanId = scanIdOf(sent[0]!);
    assert.ok(scanId);
    const report = await eventually(() => harness.updatesIn(DEMO.adele).find((card) => card.id === "report"));
    const scan = (await harness.report.scans.get(scanId))!;
    assert.equal(scan.status, "completed");
    assert.equal(scan.users, harness.snapshot.users.length);
    // Findings in priority order, the chart with its table fallback.
    const body = texts(report);
    const order = [
      "finding-breakGlassNotReady",
      "finding-adminsNotReady",
      "finding-serviceAccounts",
      "finding-affectedNotReady",
      "finding-mfaServiceOnly",
    ];
    const positions = order.map((id) => body.indexOf(`"id":"${id}"`));
    assert.ok(
      positions.every((position) => position > 0),
      `every finding shows: ${positions}`,
    );
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions,
    );
    assert.match(body, /Emergency Access 2/);
    assert.match(body, /"type":"Chart.Donut"/);
    assert.match(body, /"fallback":\{"type":"Container","id":"chartTable"/);

    // The same request within the hour is answered from the stored scan.
    const again = cardsIn(await harness.say(DEMO.adele, "readiness report"));
    assert.equal(again[0]?.id, "report");

    // Download: the file consent card, then accept -> upload to the URL Teams gives -> the file info card.
    const clicked = await harness.click(DEMO.adele, VERBS.reportCsv, { scanId });
    assert.equal(clicked.card.id, "report");
    const consentActivity = harness.bot.connector.sentActivities().at(-1)!;
    const consent = (consentActivity.attachments as Array<Record<string, unknown>>)[0]!;
    assert.equal(consent.contentType, FILE_CONSENT_CARD);
    const content = consent.content as { sizeInBytes: number; acceptContext: { scanId: string } };
    // The scan counted the scripts' header row; the admin's file has the column titles in their language.
    const size =
      scan.csvBytes - Buffer.byteLength(csvHeader()) + Buffer.byteLength(csvHeader(translator("en")));
    assert.equal(content.sizeInBytes, size);
    assert.equal(content.acceptContext.scanId, scanId);

    const answered = await harness.consent(DEMO.adele, {
      action: "accept",
      context: content.acceptContext,
      uploadInfo: {
        contentUrl: "https://contoso-my.sharepoint.com/personal/adele/Documents/mfa-readiness.csv",
        name: "mfa-readiness.csv",
        uploadUrl: upload.url,
        fileType: "csv",
        uniqueId: "8A2D5F33-7E4A-4C1B-9B0E-2F6A1C3D5E7F",
      },
    });
    assert.equal(answered.status, 200);
    assert.ok(upload.puts.length >= 1);
    assert.equal(upload.puts[0]!.contentRange, `bytes 0-${size - 1}/${size}`);
    assert.equal(upload.puts[0]!.contentLength, String(size));
    const rows = parse(upload.file().toString("utf8")) as string[][];
    // A person reads this one: the column titles in their language (here English), not the scripts' names.
    assert.deepEqual(rows[0], (parse(csvHeader(translator("en"))) as string[][])[0]);
    assert.equal(rows[0]![0], "User principal name");
    const expected = await harness.expectedVerdicts();
    assert.equal(rows.length - 1, expected.length);
    expected.forEach((verdict, index) =>
      assert.deepEqual(rows[index + 1], csvRow(verdict), `row ${index + 1}`),
    );
    const info = harness.bot.connector.sentActivities().at(-1)!;
    const attachment = (info.attachments as Array<Record<string, unknown>>)[0]!;
    assert.equal(attachment.contentType, FILE_INFO_CARD);
    assert.equal(
      attachment.contentUrl,
      "https://contoso-my.sharepoint.com/personal/adele/Documents/mfa-readiness.csv",
    );

    // Decline: a polite note, nothing uploaded.
    const puts = upload.puts.length;
    const declined = await harness.consent(DEMO.adele, {
      action: "decline",
      context: { scanId },
      uploadInfo: undefined,
    });
    assert.equal(declined.status, 200);
    assert.equal(upload.puts.length, puts);
    assert.match(texts(cardsIn([harness.bot.connector.sentActivities().at(-1)!])[0]!), /No file sent/);

    // Show all of one finding.
    const all = await harness.click(DEMO.adele, VERBS.reportFinding, { scanId, finding: "affectedNotReady" });
    assert.equal(all.card.id, "report-finding");
    assert.match(texts(all.card), /Ben Carter/);
  });

  it("leads with the counts and the chart; each list is one show away (Action.ToggleVisibility)", async () => {
    cardsIn(await harness.say(DEMO.adele, "readiness report"));
    const report = await eventually(() =>
      harness.updatesIn(DEMO.adele).findLast((card) => card.id === "report"),
    );
    const body = report.body as Array<Record<string, unknown>>;
    const ids = body.map((element) => element.id);
    assert.ok(ids.indexOf("counts") < ids.indexOf("chart"), "the counts, then the chart");
    const findings = body.filter((element) => String(element.id).startsWith("finding-"));
    assert.ok(findings.length >= 4, "the demo tenant has findings");
    assert.ok(ids.indexOf("chart") < ids.indexOf(findings[0]!.id), "the lists come after the chart");
    for (const finding of findings) {
      const key = String(finding.id).slice("finding-".length);
      const [row, details] = finding.items as Array<Record<string, unknown>>;
      assert.deepEqual(row!.selectAction, {
        type: "Action.ToggleVisibility",
        title: "Show",
        targetElements: [`details-${key}`, `show-${key}`, `hide-${key}`],
      });
      assert.equal(details!.id, `details-${key}`);
      assert.equal(details!.isVisible, false, `${key}: its people are hidden until shown`);
      assert.match(JSON.stringify(details), /\*\*/, `${key}: the people are behind the toggle`);
    }
  });

  it("in the Agents Playground, the CSV button says the client cannot take a file and gives the command", async () => {
    const scan = (await harness.report.scans.latest(harness.simulator.tenantId))!;
    const sentBefore = harness.bot.connector.calls.length;
    const playground = { serviceUrl: "http://localhost:56150/_connector" };
    const clicked = await harness.click(
      DEMO.adele,
      VERBS.reportCsv,
      { scanId: scan.id },
      undefined,
      playground,
    );
    assert.equal(clicked.status, 200);
    assert.equal(clicked.card.id, "report");
    const note = (clicked.card.body as Array<Record<string, unknown>>).find(
      (element) => element.id === "csvNote",
    );
    assert.ok(note, "the note is on the card");
    assert.match(texts(note), /cannot take a file/);
    assert.ok(
      texts(note).includes('"npx mfa-ready assess --format csv > readiness.csv"'),
      "the exact command, on a line of its own",
    );
    assert.equal(harness.bot.connector.calls.length, sentBefore, "no file consent card is sent");
    // A reader in German gets the German column titles.
    const german = await harness.click(DEMO.adele, VERBS.reportCsv, { scanId: scan.id }, undefined, {
      ...playground,
      locale: "de-DE",
    });
    assert.match(texts(german.card), /Dieser Chat kann keine Datei annehmen/);
    assert.ok(texts(german.card).includes("npx mfa-ready assess --format csv --lang de > readiness.csv"));
  });

  it("in a group chat, asks to continue in the personal chat", async () => {
    const cards = cardsIn(
      await harness.say(DEMO.adele, "readiness report", {
        conversation: {
          id: "19:group@thread.v2",
          conversationType: "groupChat",
          tenantId: harness.simulator.tenantId,
        },
      }),
    );
    assert.equal(cards[0]?.id, "report-notice");
    assert.match(texts(cards[0]!), /personal chat/);
  });
});
