import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { VERBS } from "../../src/cards/verbs";
import { readConfig } from "../../src/config";
import { type GraphSimulator, startGraphSimulator } from "../../src/dev/graph-simulator";
import { createDirectory } from "../../src/directory/create-directory";
import { PORTAL_SETTINGS_PERMISSION } from "../../src/domain/permissions";
import { createLogger } from "../../src/logger";
import { DEMO, type PostponementBot, startPostponementBot } from "../support/postponement-bot";
import { demoSnapshot } from "../support/status-bot";

const text = (value: unknown) => JSON.stringify(value);
const REQUEST = {
  phase: "2",
  wantedDate: "2026-06-30",
  justification: "The release pipeline still signs in as a user; managed identities land in June.",
  affectedSystems: "Release pipeline (Azure CLI), Terraform",
};

describe("postponement while phase 2's window is open (2026-05-01): ARM write, read back, reminder across a restart", () => {
  let clock = new Date("2026-05-01T09:00:00Z");
  let simulator: GraphSimulator;
  let pp: PostponementBot;
  const dataDir = mkdtempSync(path.join(tmpdir(), "mfa-ready-postponement-"));
  const arm = () =>
    createDirectory(readConfig({ PORT: "0" }), createLogger({ level: "silent" }), {
      caCertPem: simulator.caCertPem,
      graphBaseUrl: simulator.baseUrl,
    });

  before(async () => {
    simulator = await startGraphSimulator({ snapshot: demoSnapshot(), port: 0 });
    pp = await startPostponementBot({ now: () => clock, dataDir, simulator });
  });
  after(async () => {
    await pp.close();
    await simulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers that phase 2 can still be postponed, until when, and how many days are left", async () => {
    const [card] = await pp.say(DEMO.ben, "can we postpone?");
    assert.match(text(card), /Phase 2 can still be postponed/);
    assert.match(text(card), /until 1 Jul 2026 \(61 days left\)/);
    assert.match(text(card), /"title":"Request a postponement"/);
  });

  it("approved with 'set it in Azure': PUT on the ARM resource, read back, the reminder scheduled", async () => {
    await pp.click(DEMO.ben, VERBS.postponementSubmit, REQUEST);
    const [request] = await pp.bot.stores.postponementRequests.latest(pp.simulator.tenantId, 1);
    assert.equal(request?.route, "selfService");
    const approval = pp.proactiveCards().find(({ card }) => card.id === "postponement-approval")?.card;
    assert.match(text(approval), /"id":"applyInAzure"/);
    assert.match(text(approval), /aka\.ms\/postponePhase2MFA/);

    const decided = await pp.click(DEMO.adele, VERBS.approvePostponement, {
      requestId: request!.id,
      applyInAzure: "true",
    });
    assert.match(text(decided.card), /Applied in Azure: the tenant's setting now reads 30 Jun 2026/);
    const directory = arm();
    const settings = await directory.getPortalSettings();
    directory.close();
    assert.equal(
      settings.properties.multiFactorAuthentication?.armEnforcementDate?.slice(0, 10),
      "2026-06-30",
    );
    assert.equal(settings.properties.multiFactorAuthentication?.armJustification, REQUEST.justification);
    assert.equal(
      settings.properties.multiFactorAuthentication?.portalEnforcementDate,
      null,
      "phase 1 left alone",
    );
    const audit = await pp.bot.stores.auditLog.latest(pp.simulator.tenantId, 10);
    assert.ok(
      audit.some((entry) => entry.action === "postponement.applied-in-azure" && entry.outcome === "success"),
    );

    const jobs = pp.bot.stores.scheduledJobs.list("postponement.reminder");
    assert.equal(jobs.length, 1);
    assert.equal(jobs[0]?.runAt, "2026-06-16T08:00:00.000Z");
    assert.equal(await pp.bot.service.scheduler.runDue(), 0, "not due yet");
  });

  it("the reminder survives a restart and reaches the Global Administrators when due", async () => {
    await pp.close();
    clock = new Date("2026-06-16T09:00:00Z");
    pp = await startPostponementBot({ now: () => clock, dataDir, simulator });
    // Teams' service URL outlives our restart; the connector stub's port does not: point the stored chats at it.
    const serviceUrl = pp.bot.connector.serviceUrl;
    pp.bot.stores.database
      .prepare(
        "UPDATE conversation_references SET service_url = ?, reference = json_set(reference, '$.serviceUrl', ?)",
      )
      .run(serviceUrl, serviceUrl);
    assert.equal(await pp.bot.service.scheduler.runDue(), 1);
    const reminders = pp.proactiveCards().filter(({ card }) => card.id === "postponement-reminder");
    // Adele only: the two other Global Administrators are break-glass accounts, never sent approval mail.
    assert.equal(reminders.length, 1);
    assert.match(text(reminders[0]?.card), /The phase 2 postponement ends in 14 days/);
    assert.equal(pp.bot.stores.scheduledJobs.list("postponement.reminder").length, 0);
    const audit = await pp.bot.stores.auditLog.latest(pp.simulator.tenantId, 10);
    assert.ok(
      audit.some((entry) => entry.action === "postponement.reminder-sent" && entry.detail?.delivered === 1),
    );
  });

  it("without the Azure permission: the answer says what to grant, and an approval says it was not applied", async () => {
    pp.simulator.admin.injectFault({
      pathPrefix: "/providers/Microsoft.PortalServices",
      status: 403,
      count: 20,
    });
    try {
      const [card] = await pp.say(DEMO.ben, "can we postpone?");
      assert.ok(text(card).includes(PORTAL_SETTINGS_PERMISSION));
      await pp.click(DEMO.ben, VERBS.postponementSubmit, { ...REQUEST, wantedDate: "2026-06-20" });
      const [request] = await pp.bot.stores.postponementRequests.latest(pp.simulator.tenantId, 1);
      const decided = await pp.click(DEMO.breakglass1, VERBS.approvePostponement, {
        requestId: request!.id,
        applyInAzure: "true",
      });
      assert.match(text(decided.card), /Not applied in Azure: MFA Ready lacks the Azure permission/);
      assert.equal(
        (await pp.bot.stores.postponementRequests.get(pp.simulator.tenantId, request!.id))?.status,
        "approved",
      );
    } finally {
      pp.simulator.admin.clearFaults();
    }
  });
});
