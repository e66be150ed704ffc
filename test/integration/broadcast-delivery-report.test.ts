import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { parse } from "csv-parse/sync";

import { FILE_CONSENT_CARD, FILE_INFO_CARD } from "../../src/bot/file-consent";
import { VERBS } from "../../src/cards/verbs";
import { DELIVERY_COLUMNS } from "../../src/features/broadcast/delivery-report";
import { reasonText } from "../../src/features/broadcast/reason-text";
import { translator } from "../../src/i18n/i18n";
import { SqliteBroadcastLedger } from "../../src/storage/broadcast-ledger";
import { actionExecute, fromTenant } from "../support/activities";
import { type Card, cardsIn, DEMO, eventually, type ReportBot, startReportBot } from "../support/report-bot";
import { startTeamsLimitsStub, type TeamsLimitsStub } from "../support/teams-limits-stub";
import { startUploadStub, type UploadStub } from "../support/upload-stub";

const TEAMS_APP_ID = "3c0ffee0-0000-4000-8000-0000000a9901";
const UPNS = ["dana.ready", "priya.shell", "gita_fabrikam.example#EXT#", "nobody"].map(
  (name) => `${name}@contoso.example`,
);
// A second Global Administrator of the demo tenant, and her role assignment (removed in one test).
const OTHER_ADMIN = DEMO.breakglass1;
const OTHER_ADMIN_ROLE = "fab5cace-d21f-49a6-9989-b015808de018";
const uploadInfo = (url: string) => ({
  contentUrl: "https://contoso-my.sharepoint.com/personal/adele/Documents/delivery.csv",
  name: "delivery.csv",
  uploadUrl: url,
  fileType: "csv",
  uniqueId: "4C6E2A1F-0B3D-4E5F-8A7B-9C0D1E2F3A4B",
});

describe("a broadcast's delivery report through the Teams file consent flow", () => {
  let rb: ReportBot;
  let teams: TeamsLimitsStub;
  let upload: UploadStub;
  let ledger: SqliteBroadcastLedger;
  let tenantId: string;
  let jobId = "";

  before(async () => {
    rb = await startReportBot({ env: { TEAMS_APP_ID, BROADCAST_RPS: "5" } });
    teams = await startTeamsLimitsStub({ tenantRps: 1000 });
    upload = await startUploadStub();
    tenantId = rb.simulator.tenantId;
    ledger = new SqliteBroadcastLedger(rb.bot.stores.database);
    for (const [userId, chat] of [
      [DEMO.dana, "a:chat-dana"],
      ["a0000000-0000-4000-8000-00000000000c", "a:chat-priya"],
    ] as const) {
      await rb.bot.stores.conversationReferences.save({
        tenantId,
        userId,
        conversationId: chat,
        serviceUrl: teams.serviceUrl,
        reference: {},
        updatedAt: new Date().toISOString(),
      });
    }
    teams.blocked.add("a:chat-priya");
    const started = await rb.report.scans.start(tenantId, { fresh: true, requestedBy: DEMO.adele });
    if (started.kind === "running") {
      await started.scan.done;
    }
    const { card } = await rb.click(DEMO.adele, VERBS.broadcastPreview, {
      title: "MFA for Azure",
      message: "Please set up MFA.",
      audience: "upns",
      upns: UPNS.join("\n"),
    });
    jobId = String(
      (
        (card.actions ?? []).find((action) => action.verb === VERBS.broadcastSend)?.data as {
          draftId: string;
        }
      ).draftId,
    );
    await rb.click(DEMO.adele, VERBS.broadcastSend, { draftId: jobId }, "preview-activity");
    await eventually(
      () => rb.updatesIn(DEMO.adele).some((update) => JSON.stringify(update).includes("Broadcast report")),
      20_000,
    );
    // As if a process had died between Teams accepting Dana's message and the ledger recording it.
    rb.bot.stores.database
      .prepare("UPDATE broadcast_deliveries SET possibly_duplicated = 1 WHERE job_id = ? AND upn = ?")
      .run(jobId, "dana.ready@contoso.example");
  });
  after(async () => {
    await rb.close();
    await teams.close();
    await upload.close();
  });

  const audit = async (action: string) =>
    (await rb.bot.stores.auditLog.latest(tenantId, 200)).filter(
      (entry) => entry.action === action && entry.subjectId === jobId,
    );
  const lastPosted = (userId: string) =>
    rb.bot.connector
      .sentActivities()
      .filter((activity) => (activity.conversation as { id: string }).id === `a:personal-chat-${userId}`)
      .at(-1)!;
  const noteIn = (userId: string) => JSON.stringify(cardsIn([lastPosted(userId)])[0] ?? {});
  /** Clicks "Delivery report (CSV)" and returns the consent card's attachment. */
  async function offer(userId: string): Promise<{
    name: string;
    content: { sizeInBytes: number; description: string; acceptContext: Record<string, string> };
  }> {
    const { card } = await rb.click(userId, VERBS.broadcastReport, { jobId });
    assert.equal(card.id, "broadcast-progress", "the progress card stays in place");
    const attachment = (lastPosted(userId).attachments as Array<Record<string, unknown>>)[0]!;
    assert.equal(attachment.contentType, FILE_CONSENT_CARD);
    return attachment as never;
  }

  it("the admin accepts: the CSV goes to the upload URL in Content-Range fragments and matches the ledger row by row", async () => {
    const consent = await offer(DEMO.adele);
    assert.match(consent.name, /^mfa-broadcast-delivery-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.csv$/);
    assert.deepEqual(consent.content.acceptContext, {
      kind: "delivery",
      jobId,
      offeredTo: DEMO.adele,
      language: "en",
    });
    assert.match(consent.content.description, /4 recipients/);

    const answered = await rb.consent(DEMO.adele, {
      action: "accept",
      context: consent.content.acceptContext,
      uploadInfo: uploadInfo(upload.url),
    });
    assert.equal(answered.status, 200);
    const size = consent.content.sizeInBytes;
    assert.equal(upload.puts.length, 1);
    assert.equal(upload.puts[0]!.contentRange, `bytes 0-${size - 1}/${size}`);
    assert.equal(upload.puts[0]!.contentLength, String(size));
    const rows = parse(upload.file().toString("utf8")) as string[][];
    assert.deepEqual(rows[0], [...DELIVERY_COLUMNS]);
    const ledgerRows = await ledger.page(jobId, 0, 100);
    assert.equal(rows.length - 1, ledgerRows.length);
    ledgerRows.forEach((row, index) =>
      assert.deepEqual(
        rows[index + 1],
        [
          row.upn,
          row.displayName,
          row.state,
          row.reason ?? "",
          row.reason ? reasonText(row.reason) : "",
          row.activityId ?? "",
          String(row.attempts),
          String(row.possiblyDuplicated),
          row.updatedAt,
          row.acknowledgedAt ?? "",
          row.readyNow === undefined ? "" : String(row.readyNow),
        ],
        `row ${index + 1}`,
      ),
    );
    const byUpn = Object.fromEntries(rows.slice(1).map((row) => [row[0]!.toLowerCase(), row]));
    assert.deepEqual(byUpn["dana.ready@contoso.example"]?.slice(2, 4), ["sent", ""]);
    assert.equal(byUpn["dana.ready@contoso.example"]?.[7], "true", "possibly duplicated");
    assert.deepEqual(byUpn["priya.shell@contoso.example"]?.slice(2, 5), [
      "failed",
      "blocked",
      "they blocked the app in Teams",
    ]);
    assert.deepEqual(byUpn["gita_fabrikam.example#ext#@contoso.example"]?.slice(2, 4), ["skipped", "guest"]);
    assert.deepEqual(byUpn["nobody@contoso.example"]?.slice(2, 4), ["skipped", "unknownUser"]);

    const info = (lastPosted(DEMO.adele).attachments as Array<Record<string, unknown>>)[0]!;
    assert.equal(info.contentType, FILE_INFO_CARD);
    assert.equal(info.contentUrl, uploadInfo(upload.url).contentUrl);
    assert.equal((await audit("broadcast.reportUploaded")).at(0)?.actorId, DEMO.adele);
  });

  it("offered to a French client, the why column is in French, as the size announced; the codes stay", async () => {
    const { card } = await rb.click(DEMO.adele, VERBS.broadcastReport, { jobId }, undefined, {
      locale: "fr-FR",
    });
    assert.equal(card.id, "broadcast-progress");
    const consent = (lastPosted(DEMO.adele).attachments as Array<Record<string, unknown>>)[0] as {
      content: { sizeInBytes: number; description: string; acceptContext: Record<string, string> };
    };
    assert.equal(consent.content.acceptContext.language, "fr");
    assert.match(consent.content.description, /4/);
    const puts = upload.puts.length;
    // Accepted later from an English client: the file is the one offered, in French.
    await rb.consent(DEMO.adele, {
      action: "accept",
      context: consent.content.acceptContext,
      uploadInfo: uploadInfo(upload.url),
    });
    assert.equal(upload.puts.length, puts + 1);
    const size = consent.content.sizeInBytes;
    assert.equal(upload.puts.at(-1)!.contentRange, `bytes 0-${size - 1}/${size}`);
    // This upload alone (the stub joins every fragment it was sent).
    const rows = parse(upload.puts.at(-1)!.body.toString("utf8")) as string[][];
    assert.deepEqual(rows[0], [...DELIVERY_COLUMNS], "the columns' names are the same in every language");
    const priya = rows.find((row) => row[0]!.toLowerCase() === "priya.shell@contoso.example")!;
    assert.deepEqual(priya.slice(2, 5), ["failed", "blocked", reasonText("blocked", translator("fr"))]);
    assert.notEqual(priya[4], reasonText("blocked"));
    const gita = rows.find((row) => row[3] === "guest")!;
    assert.equal(gita[4], reasonText("guest", translator("fr")));
  });

  it("a non-admin's forged accept with the admin's context uploads nothing and is audited", async () => {
    const { content } = await offer(DEMO.adele);
    const puts = upload.puts.length;
    const forged = await rb.consent(DEMO.ben, {
      action: "accept",
      context: content.acceptContext,
      uploadInfo: uploadInfo(upload.url),
    });
    assert.equal(forged.status, 200);
    assert.equal(upload.puts.length, puts);
    assert.match(noteIn(DEMO.ben), /I did not send that file/);
    const refusals = await audit("broadcast.refused");
    assert.ok(
      refusals.some(
        (entry) =>
          entry.actorId === DEMO.ben &&
          entry.detail?.step === "report.accept" &&
          entry.detail.reason === "notOfferedToYou",
      ),
      JSON.stringify(refusals),
    );

    // Naming himself in the context does not help: his roles are read in Graph at the accept.
    const selfNamed = { ...content.acceptContext, offeredTo: DEMO.ben };
    await rb.consent(DEMO.ben, { action: "accept", context: selfNamed, uploadInfo: uploadInfo(upload.url) });
    assert.equal(upload.puts.length, puts);
    // A role refusal is the permissions table's, audited by authorize.
    assert.ok(
      (await audit("authz.refused")).some(
        (entry) => entry.actorId === DEMO.ben && entry.detail?.reason === "noRole",
      ),
    );
    // Nor does a context of an unknown kind, or one without the user it was offered to.
    await rb.consent(DEMO.ben, {
      action: "accept",
      context: { kind: "payroll", jobId, offeredTo: DEMO.ben },
      uploadInfo: uploadInfo(upload.url),
    });
    await rb.consent(DEMO.ben, {
      action: "accept",
      context: { kind: "delivery", jobId },
      uploadInfo: uploadInfo(upload.url),
    });
    assert.equal(upload.puts.length, puts);
    assert.ok(
      (await audit("broadcast.refused")).some(
        (entry) => entry.actorId === DEMO.ben && entry.detail?.reason === "staleOffer",
      ),
    );
  });

  it("another admin cannot use an offer made to someone else; an admin whose role was removed since the offer gets nothing", async () => {
    const toAdele = await offer(DEMO.adele);
    const puts = upload.puts.length;
    await rb.consent(OTHER_ADMIN, {
      action: "accept",
      context: toAdele.content.acceptContext,
      uploadInfo: uploadInfo(upload.url),
    });
    assert.equal(upload.puts.length, puts);

    const toOther = await offer(OTHER_ADMIN);
    assert.equal(toOther.content.acceptContext.offeredTo, OTHER_ADMIN);
    assert.ok(rb.simulator.admin.removeRoleAssignment(OTHER_ADMIN_ROLE));
    await rb.consent(OTHER_ADMIN, {
      action: "accept",
      context: toOther.content.acceptContext,
      uploadInfo: uploadInfo(upload.url),
    });
    assert.equal(upload.puts.length, puts);
    assert.match(noteIn(OTHER_ADMIN), /administrator role was not found/);
    assert.ok(
      (await audit("authz.refused")).some(
        (entry) =>
          entry.actorId === OTHER_ADMIN &&
          entry.detail?.step === "report.accept" &&
          entry.detail.reason === "noRole",
      ),
    );
  });

  it("decline sends a polite note and uploads nothing", async () => {
    const { content } = await offer(DEMO.adele);
    const puts = upload.puts.length;
    const declined = await rb.consent(DEMO.adele, {
      action: "decline",
      context: content.acceptContext,
      uploadInfo: undefined,
    });
    assert.equal(declined.status, 200);
    assert.equal(upload.puts.length, puts);
    assert.match(noteIn(DEMO.adele), /No file sent/);
  });

  it("a non-admin's click is refused; in a group chat the admin is asked to continue in the personal chat", async () => {
    const before = rb.bot.connector.sentActivities().length;
    const refused = await rb.click(DEMO.ben, VERBS.broadcastReport, { jobId });
    assert.equal(refused.card.id, "error");
    assert.match(JSON.stringify(refused.card), /Only administrators/);

    const activity = fromTenant(
      actionExecute(rb.bot.connector.serviceUrl, VERBS.broadcastReport, { jobId }),
      tenantId,
    );
    const response = await rb.bot.post({
      ...activity,
      from: { id: `29:mri-${DEMO.adele}`, aadObjectId: DEMO.adele, name: "Adele" },
      conversation: { id: "19:group@thread.v2", conversationType: "groupChat", tenantId },
    });
    const card = (response.body as { value?: Card }).value ?? {};
    assert.match(JSON.stringify(card), /personal chat/);
    const consentsSince = rb.bot.connector
      .sentActivities()
      .slice(before)
      .filter((sent) => JSON.stringify(sent).includes(FILE_CONSENT_CARD));
    assert.equal(consentsSince.length, 0);
  });
});
