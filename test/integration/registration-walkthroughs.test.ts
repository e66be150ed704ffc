import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";

import { VERBS } from "../../src/cards/verbs";
import { startGraphSimulator } from "../../src/dev/graph-simulator";
import { cardText, DEMO, personalChat, PERSONAS, startRegistrationBot } from "../support/registration-bot";
import { demoSnapshot } from "../support/status-bot";

const BEN = DEMO.ben;

describe("the policy-blocked path", () => {
  const snapshot = demoSnapshot();
  const fido2 = snapshot.authenticationMethodsPolicy!.authenticationMethodConfigurations.find(
    (c) => c.id === "Fido2",
  )!;
  fido2.excludeTargets = [{ targetType: "user", id: BEN }];
  fido2.keyRestrictions = {
    isEnforced: true,
    enforcementType: "allow",
    aaGuids: ["cb69481e-8ff7-4039-93ec-0a2729a154a8", "90a3ccdf-635c-4729-a248-9b709135078f"],
  };
  const tap = snapshot.authenticationMethodsPolicy!.authenticationMethodConfigurations.find(
    (c) => c.id === "TemporaryAccessPass",
  )!;
  tap.state = "disabled";
  const ready = startRegistrationBot({ snapshot });
  after(async () => (await ready).close());

  it("FIDO2 excluded for the user: the card says so, offers what is allowed and 'ask an admin'; nothing is stored", async () => {
    const rb = await ready;
    const { card } = await rb.click(BEN, VERBS.startRegistration, { method: "passkey" });
    assert.equal(card.id, "walkthrough-blocked");
    const text = cardText(card);
    assert.match(text, /you are excluded from it/);
    assert.match(text, /Set up Microsoft Authenticator/);
    assert.match(text, /Set up Windows Hello for Business/);
    assert.match(text, /Ask an admin/);
    assert.equal(
      (rb.bot.stores.database.prepare("SELECT count(*) AS n FROM walkthroughs").get() as { n: number }).n,
      0,
    );
  });

  it("'ask an admin' sends the Authentication Administrators what blocks the user, re-read from Graph", async () => {
    const rb = await ready;
    for (const admin of [PERSONAS.alexAuthAdmin, PERSONAS.meganPrivAuthAdmin]) {
      await rb.say(admin, "hello");
    }
    const before = rb.outgoing().length;
    const { card } = await rb.click(BEN, VERBS.walkthroughAskAdmin, { method: "passkey" });
    assert.match(cardText(card), /Asked an admin/);
    const sent = rb
      .outgoing()
      .slice(before)
      .filter((item) => item.card.id === "admin-help-request");
    assert.deepEqual(
      sent.map((item) => item.conversationId).sort(),
      [personalChat(PERSONAS.alexAuthAdmin), personalChat(PERSONAS.meganPrivAuthAdmin)].sort(),
    );
    assert.match(cardText(sent[0]!.card), /Ben Carter/);
    assert.match(cardText(sent[0]!.card), /excluded/);
  });

  it("an allowed alternative starts at once; key restrictions read as key models for someone else", async () => {
    const rb = await ready;
    const { card } = await rb.click(BEN, VERBS.walkthroughStart, { method: "mfaMethod" });
    assert.equal(card.id, "walkthrough-step");
    assert.match(cardText(card), /Step 1 of 3/);
    const other = await rb.click(DEMO.quinn, VERBS.walkthroughStart, { method: "passkey" });
    assert.equal(other.card.id, "walkthrough-step");
    assert.match(
      cardText(other.card),
      /Only these models are allowed: YubiKey 5 Series, Microsoft Authenticator \(iOS\)/,
    );
  });

  it("TAP disabled in the policy is explained, and the request is audited as refused", async () => {
    const rb = await ready;
    const { card } = await rb.click(BEN, VERBS.tapRequest, { method: "mfaMethod" });
    assert.match(cardText(card), /turned off in your organisation's authentication methods policy/);
    const row = rb.bot.stores.database
      .prepare("SELECT action, outcome, detail FROM audit_log ORDER BY id DESC LIMIT 1")
      .get();
    assert.deepEqual(row, {
      action: "tap.requested",
      outcome: "refused",
      detail: JSON.stringify({ reason: "policy.disabled" }),
    });
  });

  it("a status button whose code no walkthrough owns still opens the guidance card", async () => {
    const rb = await ready;
    const { card } = await rb.click(BEN, VERBS.startAction, { code: "UPDATE_CLIENT_TOOLS" });
    assert.equal(card.id, "guidance");
  });
});

describe("restart in the middle of a walkthrough", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "mfa-walk-"));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it("resumes at the same step after the service stops and a new one starts on the same data", async () => {
    const simulator = await startGraphSimulator({ snapshot: demoSnapshot(), port: 0 });
    try {
      const first = await startRegistrationBot({ simulator, dataDir });
      await first.click(BEN, VERBS.startRegistration, { code: "REGISTER_PASSKEY" });
      const second = await first.click(BEN, VERBS.walkthroughNext, { method: "passkey", step: 0 });
      assert.match(cardText(second.card), /Step 2 of 4/);
      await first.close();

      const again = await startRegistrationBot({ simulator, dataDir });
      try {
        const resumed = await again.click(BEN, VERBS.startRegistration, { code: "REGISTER_PASSKEY" });
        assert.match(cardText(resumed.card), /Step 2 of 4/);
        // A stale card (step 0 clicked again) shows the stored step instead of skipping ahead.
        const stale = await again.click(BEN, VERBS.walkthroughNext, { method: "passkey", step: 0 });
        assert.match(cardText(stale.card), /Step 2 of 4/);
        await again.click(BEN, VERBS.walkthroughNext, { method: "passkey", step: 1 });
        await again.click(BEN, VERBS.walkthroughNext, { method: "passkey", step: 2 });
        simulator.admin.addMethod(BEN, {
          "@odata.type": "#microsoft.graph.fido2AuthenticationMethod",
          displayName: "Key",
          aaGuid: "de1e552d-db1d-4423-a619-566b625cdc84",
        });
        const done = await again.click(BEN, VERBS.walkthroughVerify, { method: "passkey", step: 3 });
        assert.equal(done.card.id, "walkthrough-verified");
        assert.match(cardText(done.card), /Microsoft Authenticator \(Android\)/);
        // Start over after success begins a new walkthrough at step 1 with a fresh baseline.
        const restart = await again.click(BEN, VERBS.walkthroughRestart, { method: "passkey" });
        assert.match(cardText(restart.card), /Step 1 of 4/);
        const cancelled = await again.click(BEN, VERBS.walkthroughCancel, { method: "passkey" });
        assert.match(cardText(cancelled.card), /cancelled/);
        const row = again.bot.stores.database
          .prepare("SELECT status, baseline FROM walkthroughs WHERE user_id = ?")
          .get(BEN) as { status: string; baseline: string };
        assert.equal(row.status, "cancelled");
        assert.equal(
          JSON.parse(row.baseline).length,
          1,
          "the key added before the restart is the new baseline",
        );
      } finally {
        await again.close();
      }
    } finally {
      await simulator.close();
    }
  });
});
