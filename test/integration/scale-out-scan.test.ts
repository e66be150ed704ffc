import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";

import { type GraphSimulator, startGraphSimulator } from "../../src/dev/graph-simulator";
import { openAzureStores } from "../../src/storage/azure";
import { type Azurite, startAzurite } from "../support/azurite";
import { type Card, cardsIn, DEMO, eventually, type ReportBot, startReportBot } from "../support/report-bot";
import { demoSnapshot } from "../support/status-bot";

const scanIdOf = (card: Card | undefined) =>
  (
    card?.actions?.find((action) => action.id === "cancel" || action.id === "csv")?.data as
      { scanId?: string } | undefined
  )?.scanId;

/**
 * Two bot instances over one Azurite account and one (slowed) Graph simulator: a readiness report asked
 * on each runs one scan, on the instance asked first; the other instance's admin joins it, sees its
 * progress, and gets the report when it completes.
 */
describe("scale-out: a tenant scan is run once and joined from another instance", () => {
  let azurite: Azurite;
  let simulator: GraphSimulator;
  let a: ReportBot;
  let b: ReportBot;

  before(async () => {
    azurite = await startAzurite();
    simulator = await startGraphSimulator({ snapshot: demoSnapshot(), port: 0, latencyMs: 150 });
    const config = {
      kind: "azure" as const,
      prefix: `s${randomUUID().slice(0, 8)}`,
      connectionString: azurite.connectionString,
    };
    a = await startReportBot({ runningSimulator: simulator, sharedStores: await openAzureStores(config) });
    b = await startReportBot({ runningSimulator: simulator, sharedStores: await openAzureStores(config) });
  });
  after(async () => {
    await a?.close();
    await b?.close();
    await simulator?.close();
    await azurite?.stop();
  });

  it(
    "one scan; the second instance's admin joins it and gets the same report",
    { timeout: 60_000 },
    async () => {
      // One scan reads the registration report once (the demo tenant is one page); GET /users is no measure
      // since rule 6's signInActivity reads go there too.
      const REGISTRATION = "GET /reports/authenticationMethods/userRegistrationDetails";
      const registrationReadsBefore = simulator.stats.byPath[REGISTRATION] ?? 0;
      const first = cardsIn(await a.say(DEMO.adele, "readiness report"))[0];
      assert.equal(first?.id, "report-progress");
      const scanId = scanIdOf(first);
      assert.ok(scanId);
      const second = cardsIn(await b.say(DEMO.breakglass1, "readiness report"))[0];
      assert.equal(second?.id, "report-progress");
      assert.equal(scanIdOf(second), scanId, "the other instance joined the running scan");
      assert.equal(b.report.scans.current(simulator.tenantId)?.id, scanId);

      const onA = await eventually(
        () => a.updatesIn(DEMO.adele).find((card) => card.id === "report"),
        30_000,
      );
      const onB = await eventually(
        () => b.updatesIn(DEMO.breakglass1).find((card) => card.id === "report"),
        30_000,
      );
      assert.equal(scanIdOf(onB), scanId);
      assert.equal(scanIdOf(onA), scanId);
      assert.equal((await b.report.scans.get(scanId))?.status, "completed");
      assert.equal(
        (simulator.stats.byPath[REGISTRATION] ?? 0) - registrationReadsBefore,
        1,
        "the tenant was scanned once",
      );
    },
  );
});
