import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";

import { VERBS } from "../../src/cards/verbs";
import { type GraphSimulator, startGraphSimulator } from "../../src/dev/graph-simulator";
import type { ProductStores } from "../../src/product-stores";
import { openAzureStores } from "../../src/storage/azure";
import { type Azurite, startAzurite } from "../support/azurite";
import { DEMO, type PostponementBot, startPostponementBot } from "../support/postponement-bot";
import { cardText, startRegistrationBot } from "../support/registration-bot";
import { demoSnapshot } from "../support/status-bot";

const clock = new Date("2026-11-28T10:00:00Z");
const text = (value: unknown) => JSON.stringify(value);

/**
 * Two bot instances (each its own HTTP endpoint, scheduler, connector client and Storage clients) over
 * one Azure Storage account on Azurite and one Graph simulator: what one instance writes, the other
 * reads; their races resolve in the store.
 */
describe("scale-out: two bot instances sharing Azure Storage (Azurite)", () => {
  let azurite: Azurite;
  let simulator: GraphSimulator;
  let a: PostponementBot;
  let b: PostponementBot;
  let shared: ProductStores;
  let tenantId = "";

  before(async () => {
    azurite = await startAzurite();
    simulator = await startGraphSimulator({ snapshot: demoSnapshot(), port: 0 });
    tenantId = simulator.tenantId.toLowerCase();
    const config = {
      kind: "azure" as const,
      prefix: `i${randomUUID().slice(0, 8)}`,
      connectionString: azurite.connectionString,
    };
    shared = await openAzureStores(config);
    a = await startPostponementBot({
      now: () => clock,
      simulator,
      sharedStores: await openAzureStores(config),
    });
    b = await startPostponementBot({
      now: () => clock,
      simulator,
      sharedStores: await openAzureStores(config),
    });
  });
  after(async () => {
    await a?.close();
    await b?.close();
    await simulator?.close();
    await azurite?.stop();
  });

  it("two Global Administrators deciding on two instances at once: one decision, both see it", async () => {
    await a.say(DEMO.ben, "can we postpone?");
    const sent = await a.click(DEMO.ben, VERBS.postponementSubmit, {
      phase: "2",
      wantedDate: "2027-01-31",
      justification: "The backup pipeline signs in as a user.",
      affectedSystems: "Nightly backup (Azure CLI)",
    });
    assert.equal(sent.card.id, "postponement-request-sent");
    const [request] = await shared.postponementRequests.latest(tenantId, 5);
    assert.equal(request?.status, "pending");

    const [onA, onB] = await Promise.all([
      a.click(DEMO.adele, VERBS.approvePostponement, { requestId: request!.id }),
      b.click(DEMO.breakglass1, VERBS.declinePostponement, { requestId: request!.id }),
    ]);
    const decided = (await shared.postponementRequests.get(tenantId, request!.id))!;
    assert.notEqual(decided.status, "pending");
    const winner = decided.decidedById === DEMO.adele ? "Adele Vance" : "Emergency Access 1";
    const line = new RegExp(`${decided.status === "approved" ? "Approved" : "Declined"} by ${winner}`);
    for (const answer of [onA, onB]) {
      assert.equal(answer.card.id, "postponement-approval");
      assert.match(text(answer.card), line, "each instance shows the one decision");
    }
    const entries = await shared.auditLog.latest(tenantId, 50);
    assert.equal(entries.filter((e) => e.action === `postponement.${decided.status}`).length, 1);
    assert.equal(entries.filter((e) => e.action === "postponement.decision-too-late").length, 1);
    // A refresh on the other instance reads the same decision.
    const refreshed = await b.click(DEMO.breakglass2, VERBS.refreshPostponement, { requestId: request!.id });
    assert.match(text(refreshed.card), line);
  });

  it("a scheduled job due now runs once, though both instances' schedulers look at the same moment", async () => {
    const ran: string[] = [];
    a.bot.service.scheduler.on("scale-out.test", async () => void ran.push("a"));
    b.bot.service.scheduler.on("scale-out.test", async () => void ran.push("b"));
    for (let i = 0; i < 5; i++) {
      await a.bot.service.scheduler.schedule({
        kind: "scale-out.test",
        key: `k${i}`,
        tenantId,
        runAt: clock.toISOString(),
        payload: { i },
      });
    }
    await Promise.all([a.bot.service.scheduler.runDue(), b.bot.service.scheduler.runDue()]);
    assert.equal(ran.length, 5, `each job once (ran on: ${ran.join(",")})`);
    assert.deepEqual(await shared.scheduledJobs.list("scale-out.test"), [], "all completed");
  });
});

describe("scale-out: an instance stops in the middle of a walkthrough", () => {
  it("the user's next click, answered by another instance, continues at the stored step", async () => {
    const azurite = await startAzurite();
    const simulator = await startGraphSimulator({ snapshot: demoSnapshot(), port: 0 });
    const config = {
      kind: "azure" as const,
      prefix: `w${randomUUID().slice(0, 8)}`,
      connectionString: azurite.connectionString,
    };
    try {
      const first = await startRegistrationBot({ simulator, sharedStores: await openAzureStores(config) });
      await first.click(DEMO.ben, VERBS.startRegistration, { code: "REGISTER_PASSKEY" });
      const second = await first.click(DEMO.ben, VERBS.walkthroughNext, { method: "passkey", step: 0 });
      assert.match(cardText(second.card), /Step 2 of 4/);
      await first.close();

      const other = await startRegistrationBot({ simulator, sharedStores: await openAzureStores(config) });
      try {
        const stale = await other.click(DEMO.ben, VERBS.walkthroughNext, { method: "passkey", step: 0 });
        assert.match(cardText(stale.card), /Step 2 of 4/, "a stale card shows the stored step");
        await other.click(DEMO.ben, VERBS.walkthroughNext, { method: "passkey", step: 1 });
        await other.click(DEMO.ben, VERBS.walkthroughNext, { method: "passkey", step: 2 });
        simulator.admin.addMethod(DEMO.ben, {
          "@odata.type": "#microsoft.graph.fido2AuthenticationMethod",
          displayName: "Key",
          aaGuid: "de1e552d-db1d-4423-a619-566b625cdc84",
        });
        const done = await other.click(DEMO.ben, VERBS.walkthroughVerify, { method: "passkey", step: 3 });
        assert.equal(
          done.card.id,
          "walkthrough-verified",
          "the baseline stored by the first instance tells the new key apart",
        );
      } finally {
        await other.close();
      }
    } finally {
      await simulator.close();
      await azurite.stop();
    }
  });
});
