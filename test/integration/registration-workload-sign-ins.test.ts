import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";

import { VERBS } from "../../src/cards/verbs";
import { cardText, DEMO, type RegistrationBot, startRegistrationBot } from "../support/registration-bot";

const METHOD = "workloadIdentity";
const PIPELINE = "5b0e6a2c-1d1f-4c57-9a55-0c6f3c0d7e11";
const CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
const ARM = "797f4846-ba00-4fd7-ba43-dac1f8f63013";
const ALL_TICKED = { identity: "true", roles: "true", scripts: "true", secrets: "true", account: "true" };

/** Every input of a card, by id (Input.Text and Input.Toggle alike). */
function inputs(card: unknown): Map<string, Record<string, unknown>> {
  const found = new Map<string, Record<string, unknown>>();
  const walk = (value: unknown) => {
    if (Array.isArray(value)) {
      value.forEach(walk);
    } else if (value !== null && typeof value === "object") {
      const item = value as Record<string, unknown>;
      if (typeof item.type === "string" && item.type.startsWith("Input.") && typeof item.id === "string") {
        found.set(item.id, item);
      }
      Object.values(item).forEach(walk);
    }
  };
  walk(card);
  return found;
}

const actionTitles = (card: unknown) =>
  ((card as { actions?: Array<{ title?: string }> }).actions ?? []).map((action) => action.title);

/**
 * The workload identity walkthrough ends with the sign-in logs, over POST /api/messages against the Graph
 * simulator: the account's user sign-ins since the checklist was saved, and the named identity's to ARM.
 */
describe("workload identity walkthrough: 'Check the sign-in logs' until the move holds", () => {
  let rb: RegistrationBot;
  const audit = () =>
    rb.bot.stores.database
      .prepare("SELECT outcome, detail FROM audit_log WHERE action = 'walkthrough.verification' ORDER BY id")
      .all() as Array<{ outcome: string; detail: string }>;
  before(async () => {
    rb = await startRegistrationBot();
  });
  after(() => rb.close());

  it("asks for the app id in the card; a bad one gets a friendly line and nothing is stored", async () => {
    await rb.click(DEMO.svcBackup, VERBS.startAction, { code: "MOVE_TO_WORKLOAD_IDENTITY" });
    const checklist = await rb.click(DEMO.svcBackup, VERBS.walkthroughNext, { method: METHOD, step: 0 });
    assert.equal(checklist.card.id, "walkthrough-checklist");
    const field = inputs(checklist.card).get("workloadAppId");
    assert.equal(field?.type, "Input.Text");
    assert.match(String(field?.label), /Application \(client\) ID of the new identity \(optional\)/);

    const bad = await rb.click(DEMO.svcBackup, VERBS.walkthroughSaveChecklist, {
      method: METHOD,
      step: 1,
      ...ALL_TICKED,
      workloadAppId: "deploy-pipeline",
    });
    assert.equal(bad.status, 200);
    assert.equal(bad.card.id, "walkthrough-checklist");
    assert.match(cardText(bad.card), /That is not an application ID, so nothing was saved/);
    assert.equal(
      inputs(bad.card).get("workloadAppId")?.value,
      "deploy-pipeline",
      "kept on the card to correct",
    );
    const row = rb.bot.stores.database
      .prepare("SELECT checklist, workload_app_id, checklist_saved_at FROM walkthroughs WHERE method = ?")
      .get(METHOD);
    assert.deepEqual(row, { checklist: "[]", workload_app_id: null, checklist_saved_at: null });
  });

  it("says 'not done' while the account still signs in with its password, naming the sign-in", async () => {
    const saved = await rb.click(DEMO.svcBackup, VERBS.walkthroughSaveChecklist, {
      method: METHOD,
      step: 1,
      ...ALL_TICKED,
      workloadAppId: ` {${PIPELINE.toUpperCase()}} `,
    });
    assert.equal(
      inputs(saved.card).get("workloadAppId")?.value,
      PIPELINE,
      "stored as a plain lower-case GUID",
    );
    // A leftover script signs in as the account after the save, with its password.
    rb.simulator.admin.addSignIn({
      userId: DEMO.svcBackup,
      appId: CLI,
      appDisplayName: "Microsoft Azure CLI",
      resourceId: ARM,
      authenticationProtocol: "ropc",
      createdDateTime: new Date().toISOString(),
    });
    const verify = await rb.click(DEMO.svcBackup, VERBS.walkthroughNext, { method: METHOD, step: 1 });
    assert.equal(verify.card.id, "walkthrough-verify");
    assert.ok(actionTitles(verify.card).includes("Check the sign-in logs"));

    const first = await rb.click(DEMO.svcBackup, VERBS.walkthroughVerify, { method: METHOD, step: 2 });
    assert.equal(first.card.id, "walkthrough-verify", "answered in place, not done");
    const text = cardText(first.card);
    assert.match(text, /The account still signed in to Microsoft Azure CLI on .*, interactively\./);
    assert.match(text, /It signed in with its password \(ROPC\)/);
    assert.match(
      text,
      new RegExp(`The new identity \\(${PIPELINE}\\) has not signed in to Azure Resource Manager`),
    );
    assert.match(text, /1 sign-in of the account since then/);
    assert.ok(actionTitles(first.card).includes("Check again"));
    assert.deepEqual(
      audit().map((entry) => [entry.outcome, JSON.parse(entry.detail).workloadAppId]),
      [["failed", PIPELINE]],
    );
  });

  it("once the account has stopped and the new identity signs in to ARM, 'Check again' says done", async () => {
    await sleep(5);
    await rb.click(DEMO.svcBackup, VERBS.walkthroughBack, { method: METHOD, step: 2 });
    // The leftover script is switched: the owner saves the checklist again, and from then on only the
    // service principal signs in.
    await rb.click(DEMO.svcBackup, VERBS.walkthroughSaveChecklist, {
      method: METHOD,
      step: 1,
      ...ALL_TICKED,
    });
    await rb.click(DEMO.svcBackup, VERBS.walkthroughNext, { method: METHOD, step: 1 });
    const notYet = await rb.click(DEMO.svcBackup, VERBS.walkthroughVerify, { method: METHOD, step: 2 });
    assert.doesNotMatch(
      cardText(notYet.card),
      /still signed in/,
      "the sign-in before the save no longer counts",
    );
    assert.match(cardText(notYet.card), /has not signed in to Azure Resource Manager/, "the app id was kept");

    rb.simulator.admin.addWorkloadSignIn({
      appId: PIPELINE,
      servicePrincipalName: "backup-pipeline",
      createdDateTime: new Date(Date.now() + 1000).toISOString(),
    });
    const done = await rb.click(DEMO.svcBackup, VERBS.walkthroughVerify, { method: METHOD, step: 2 });
    assert.equal(done.card.id, "walkthrough-verified");
    const text = cardText(done.card);
    assert.match(text, /No sign-in of the account to Azure since/);
    assert.match(text, /backup-pipeline \(service principal\) signed in to Azure Resource Manager on/);
    assert.deepEqual(
      audit().map((entry) => entry.outcome),
      ["failed", "failed", "success"],
    );
    const row = rb.bot.stores.database
      .prepare("SELECT status FROM walkthroughs WHERE method = ?")
      .get(METHOD);
    assert.deepEqual(row, { status: "verified" });
  });

  it("never says done when the sign-in logs cannot be read: it names what is missing", async () => {
    await rb.click(DEMO.svcBackup, VERBS.startAction, { code: "MOVE_TO_WORKLOAD_IDENTITY" });
    await rb.click(DEMO.svcBackup, VERBS.walkthroughNext, { method: METHOD, step: 0 });
    await rb.click(DEMO.svcBackup, VERBS.walkthroughSaveChecklist, {
      method: METHOD,
      step: 1,
      ...ALL_TICKED,
    });
    await rb.click(DEMO.svcBackup, VERBS.walkthroughNext, { method: METHOD, step: 1 });
    rb.simulator.admin.injectFault({ pathPrefix: "/beta/auditLogs/signIns", status: 403, count: 5 });
    try {
      const check = await rb.click(DEMO.svcBackup, VERBS.walkthroughVerify, { method: METHOD, step: 2 });
      assert.equal(check.card.id, "walkthrough-verify");
      assert.match(
        cardText(check.card),
        /I could not read the account's silent token refreshes \(the app is not allowed to read the sign-in logs: it needs AuditLog\.Read\.All\)/,
      );
    } finally {
      rb.simulator.admin.clearFaults();
    }
    const again = await rb.click(DEMO.svcBackup, VERBS.walkthroughVerify, { method: METHOD, step: 2 });
    assert.equal(again.card.id, "walkthrough-verified", "no app id named: a quiet account is enough");
  });
});
