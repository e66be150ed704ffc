import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { VERBS } from "../../src/cards/verbs";
import {
  cardText,
  DEMO,
  personalChat,
  PERSONAS,
  type RegistrationBot,
  startRegistrationBot,
} from "../support/registration-bot";

const BEN = DEMO.ben;
const ALEX = PERSONAS.alexAuthAdmin;
const MEGAN = PERSONAS.meganPrivAuthAdmin;
const YUBIKEY_5 = "cb69481e-8ff7-4039-93ec-0a2729a154a8";

/**
 * The whole journey over the HTTP endpoint against the Graph simulator: Ben has no method, asks for a
 * Temporary Access Pass from the walkthrough, Alex (Authentication Administrator) issues it, Ben registers
 * a passkey (added through the simulator's admin handle), verification passes and his status turns ready.
 */
describe("a user with no method: Temporary Access Pass, passkey, verified, ready", () => {
  let rb: RegistrationBot;
  let dataDir: string;
  let requestId = "";
  let pass = "";

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "mfa-tap-"));
    rb = await startRegistrationBot({ dataDir });
    for (const user of [BEN, ALEX, MEGAN, PERSONAS.gradyGlobalReader]) {
      await rb.say(user, "hello");
    }
  });
  after(async () => {
    await rb.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("the status card's passkey button starts the walkthrough at step 1 of 4, with the policy read first", async () => {
    const [status] = await rb.say(BEN, "am I affected?");
    assert.match(cardText(status), /not ready/);
    const { card } = await rb.click(BEN, VERBS.startRegistration, { code: "REGISTER_PASSKEY" });
    assert.equal(card.id, "walkthrough-step");
    assert.match(cardText(card), /Step 1 of 4/);
    assert.match(cardText(card), /https:\/\/learn\.microsoft\.com/);
    const next = await rb.click(BEN, VERBS.walkthroughNext, { method: "passkey", step: 0 });
    assert.match(cardText(next.card), /Step 2 of 4/);
    assert.match(cardText(next.card), /https:\/\/aka\.ms\/mysecurityinfo/);
    assert.match(cardText(next.card), /Temporary Access Pass/);
  });

  it("asking for a pass sends an approval card to every Authentication and Privileged Authentication Administrator", async () => {
    const before = rb.outgoing().length;
    const { card } = await rb.click(BEN, VERBS.tapRequest, { method: "passkey" });
    assert.equal(card.id, "registration-notice");
    assert.match(cardText(card), /sent your request to \d+ admins/);
    const approvals = rb
      .outgoing()
      .slice(before)
      .filter((sent) => sent.card.id === "tap-approval");
    const chats = approvals.map((sent) => sent.conversationId);
    assert.ok(chats.includes(personalChat(ALEX)), "Alex (Authentication Administrator) got a card");
    assert.ok(
      chats.includes(personalChat(MEGAN)),
      "Megan (Privileged Authentication Administrator) got a card",
    );
    assert.ok(!chats.includes(personalChat(BEN)), "the requester is not an approver");
    const issue = JSON.stringify(approvals[0]!.card);
    requestId = /"requestId":"([0-9a-f-]{36})"/.exec(issue)?.[1] ?? "";
    assert.ok(requestId, "the approval card carries the request id");
    assert.match(cardText(approvals[0]!.card), /One-time use, valid for 1 hour/);
    // A second ask while one is open does not spam the admins.
    const again = await rb.click(BEN, VERBS.tapRequest, { method: "passkey" });
    assert.match(cardText(again.card), /with the admins/);
    assert.equal(
      rb
        .outgoing()
        .slice(before)
        .filter((sent) => sent.card.id === "tap-approval").length,
      approvals.length,
    );
  });

  it("Alex issues it: the pass goes once, only to Ben's personal chat; every approver's card says who issued it", async () => {
    const before = rb.outgoing().length;
    const { card } = await rb.click(ALEX, VERBS.tapIssue, { requestId });
    assert.equal(card.id, "tap-approval");
    assert.match(cardText(card), /Issued by User 06 at/);
    assert.doesNotMatch(JSON.stringify(card), /"id":"issue"/, "no buttons left on a decided card");
    const sent = rb.outgoing().slice(before);
    const passCards = sent.filter((item) => item.card.id === "tap-pass");
    assert.equal(passCards.length, 1);
    assert.equal(passCards[0]!.conversationId, personalChat(BEN));
    pass = /"text":"([^"]+)","fontType":"Monospace"/.exec(JSON.stringify(passCards[0]!.card))?.[1] ?? "";
    assert.ok(pass.length >= 8, "the pass is on Ben's card");
    const updates = sent.filter((item) => item.method === "PUT" && item.card.id === "tap-approval");
    assert.ok(
      updates.some((item) => item.conversationId === personalChat(MEGAN)),
      "Megan's card was updated",
    );
    for (const update of updates) {
      assert.match(cardText(update.card), /Issued by User 06/);
      assert.ok(!JSON.stringify(update.card).includes(pass), "no pass on an admin's card");
    }
    assert.ok(!JSON.stringify(card).includes(pass));
  });

  it("a replayed approval or decline changes nothing and is audited", async () => {
    const before = rb.outgoing().length;
    const replay = await rb.click(MEGAN, VERBS.tapIssue, { requestId });
    assert.match(cardText(replay.card), /already handled/);
    const decline = await rb.click(ALEX, VERBS.tapDecline, { requestId });
    assert.match(cardText(decline.card), /already handled/);
    assert.equal(
      rb
        .outgoing()
        .slice(before)
        .filter((item) => item.card.id === "tap-pass").length,
      0,
      "no second pass",
    );
    const row = rb.bot.stores.database
      .prepare("SELECT status, decided_by FROM tap_requests WHERE id = ?")
      .get(requestId) as { status: string; decided_by: string };
    assert.deepEqual(row, { status: "issued", decided_by: ALEX });
  });

  it("the pass value is in no log line and nowhere in the SQLite files", () => {
    assert.ok(pass);
    const logs = rb.bot.logs.map((line) => JSON.stringify(line)).join("\n");
    assert.ok(logs.length > 1000, "logs were captured");
    assert.ok(!logs.includes(pass), "the pass is in the logs");
    rb.bot.stores.database.pragma("wal_checkpoint(TRUNCATE)");
    for (const file of readdirSync(dataDir)) {
      const bytes = readFileSync(path.join(dataDir, file));
      assert.ok(!bytes.includes(Buffer.from(pass, "utf8")), `the pass is in ${file}`);
    }
    const audit = rb.bot.stores.database.prepare("SELECT detail FROM audit_log").all();
    assert.ok(!JSON.stringify(audit).includes(pass));
  });

  it("Ben finishes the walkthrough: 'check now' says what is missing, then finds the new key and turns green", async () => {
    await rb.click(BEN, VERBS.walkthroughNext, { method: "passkey", step: 1 });
    const verify = await rb.click(BEN, VERBS.walkthroughNext, { method: "passkey", step: 2 });
    assert.equal(verify.card.id, "walkthrough-verify");
    assert.match(cardText(verify.card), /Step 4 of 4/);
    const missing = await rb.click(BEN, VERBS.walkthroughVerify, { method: "passkey", step: 3 });
    assert.equal(missing.card.id, "walkthrough-verify");
    assert.match(cardText(missing.card), /No passkey or security key has been added/);
    assert.match(cardText(missing.card), /Check again/);

    rb.simulator.admin.addMethod(BEN, {
      "@odata.type": "#microsoft.graph.fido2AuthenticationMethod",
      displayName: "Ben's key",
      aaGuid: YUBIKEY_5,
      model: null,
    });
    const done = await rb.click(BEN, VERBS.walkthroughVerify, { method: "passkey", step: 3 });
    assert.equal(done.card.id, "walkthrough-verified");
    assert.match(cardText(done.card), /YubiKey 5 Series/);
    assert.match(cardText(done.card), /ready for mandatory MFA/);
    assert.match(JSON.stringify(done.card), /"style":"good"/);
  });

  it("his status card, refreshed automatically, now says ready (the cache was forgotten)", async () => {
    const { card } = await rb.click(BEN, VERBS.refreshStatus, {});
    assert.match(cardText(card), /and ready/);
  });

  it("the audit log holds the request, the refusals, the issue and the verifications; only admins can read it", async () => {
    // The audit log is for Global and Security Administrators and Readers: an Authentication Administrator is refused.
    const [notAlex] = await rb.say(ALEX, "audit");
    assert.equal(notAlex?.id, "error");
    const [log] = await rb.say(DEMO.adele, "audit");
    assert.equal(log?.id, "audit-log");
    const text = cardText(log);
    for (const action of ["tap.requested", "tap.issued", "tap.refused", "walkthrough.verification"]) {
      assert.match(text, new RegExp(action.replace(".", "\\.")));
    }
    assert.ok(!text.includes(pass));
    const [refused] = await rb.say(BEN, "audit");
    assert.equal(refused?.id, "error");
    assert.match(cardText(refused), /for admins/);
  });
});
