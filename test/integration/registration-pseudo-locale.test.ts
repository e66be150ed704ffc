import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { userText } from "../../src/cards/markdown";
import { VERBS } from "../../src/cards/verbs";
import { EXPLAINED_AUDIT_ACTIONS } from "../../src/features/registration/audit-sentence";
import { usePseudoEnglish } from "../../src/i18n/i18n";
import { assertNoHardCodedText } from "../support/pseudo-locale";
import { type Card, DEMO, PERSONAS } from "../support/registration-bot";
import { type RegistrationDemoBot, startRegistrationDemoBot } from "../support/registration-demo-bot";
import { demoSnapshot } from "../support/status-bot";

// English becomes ⟦…⟧: any text on a card that is not wrapped was written in code, not in the resources.
usePseudoEnglish();

const BEN = DEMO.ben;
const ALEX = PERSONAS.alexAuthAdmin;

/**
 * What may appear unwrapped: the tenant's own data (names, UPNs, ids, the pass), product names Microsoft
 * writes the same everywhere (key models, role names), and the bot's own name.
 */
function dataStrings(bot: RegistrationDemoBot): string[] {
  const snapshot = demoSnapshot();
  const users = snapshot.users
    .flatMap((user) => [user.displayName ?? "", user.userPrincipalName, user.id])
    // Shown through userText(): Markdown characters escaped.
    .flatMap((text) => [text, userText(text)]);
  return [
    ...users,
    ...[BEN, ALEX, DEMO.adele, DEMO.dana, DEMO.gita, DEMO.svcBackup].map((id) => `User ${id.slice(-2)}`),
    // The audit log names each recorded action by its id, beside the sentence that explains it.
    ...EXPLAINED_AUDIT_ACTIONS,
    "success",
    "refused",
    "failed",
    "YubiKey 5 Series",
    "MFA Ready",
    bot.simulator.tenantId,
  ];
}

describe("registration in a pseudo-locale over POST /api/messages: no hard-coded text in any card", () => {
  let rb: RegistrationDemoBot;
  const seen: Array<{ where: string; card: Card }> = [];
  const extra: string[] = [];
  const keep = (where: string, card: Card) => {
    seen.push({ where, card });
    return card;
  };

  before(async () => {
    const snapshot = demoSnapshot();
    // One user the policy blocks, so the blocked card and "ask an admin" are walked too.
    const fido2 = snapshot.authenticationMethodsPolicy!.authenticationMethodConfigurations.find(
      (config) => config.id === "Fido2",
    )!;
    fido2.excludeTargets = [...(fido2.excludeTargets ?? []), { targetType: "user", id: DEMO.dana }];
    rb = await startRegistrationDemoBot({ snapshot });
    for (const user of [
      BEN,
      ALEX,
      PERSONAS.meganPrivAuthAdmin,
      DEMO.adele,
      DEMO.dana,
      DEMO.gita,
      DEMO.svcBackup,
    ]) {
      await rb.say(user, "hello");
    }
  });
  after(() => rb.close());

  it("a passkey walkthrough, step by step, to the failed check and the simulated passkey, verified", async () => {
    keep("start", (await rb.click(BEN, VERBS.startRegistration, { code: "REGISTER_PASSKEY" })).card);
    for (const step of [0, 1, 2]) {
      keep(`next ${step}`, (await rb.click(BEN, VERBS.walkthroughNext, { method: "passkey", step })).card);
    }
    const failed = keep(
      "check",
      (await rb.click(BEN, VERBS.walkthroughVerify, { method: "passkey", step: 3 })).card,
    );
    assert.equal(failed.id, "walkthrough-verify");
    const done = keep(
      "simulate",
      (await rb.click(BEN, VERBS.walkthroughSimulatePasskey, { method: "passkey", step: 3 })).card,
    );
    assert.equal(done.id, "walkthrough-verified");
  });

  it("a Temporary Access Pass: request, the approval card, the issue, the pass, hiding it", async () => {
    keep("back to step 2", (await rb.click(DEMO.gita, VERBS.walkthroughStart, { method: "passkey" })).card);
    const before = rb.outgoing().length;
    keep("request", (await rb.click(DEMO.gita, VERBS.tapRequest, { method: "passkey" })).card);
    keep("open request", (await rb.click(DEMO.gita, VERBS.tapRequest, { method: "passkey" })).card);
    const approval = rb
      .outgoing()
      .slice(before)
      .find((sent) => sent.card.id === "tap-approval");
    assert.ok(approval, "an approval card went out");
    keep("approval card", approval.card);
    const requestId = /"requestId":"([0-9a-f-]{36})"/.exec(JSON.stringify(approval.card))![1]!;
    const issued = rb.outgoing().length;
    keep("issued", (await rb.click(ALEX, VERBS.tapIssue, { requestId })).card);
    const pass = rb
      .outgoing()
      .slice(issued)
      .find((sent) => sent.card.id === "tap-pass");
    assert.ok(pass, "the pass went out");
    keep("pass card", pass.card);
    // The pass itself is Graph's, not text of the product's.
    extra.push(/"text":"([^"]+)","fontType":"Monospace"/.exec(JSON.stringify(pass.card))![1]!);
    keep("replay", (await rb.click(ALEX, VERBS.tapIssue, { requestId })).card);
    keep("hide", (await rb.click(DEMO.gita, VERBS.tapHide, {})).card);
  });

  it("blocked by the policy, asking an admin, the admin's card; cancelling; the workload checklist", async () => {
    const sent = rb.outgoing().length;
    keep("blocked", (await rb.click(DEMO.dana, VERBS.startRegistration, { method: "passkey" })).card);
    keep("asked", (await rb.click(DEMO.dana, VERBS.walkthroughAskAdmin, { method: "passkey" })).card);
    const help = rb
      .outgoing()
      .slice(sent)
      .find((item) => item.card.id === "admin-help-request");
    assert.ok(help, "the admins got a card");
    keep("admin help card", help.card);
    keep("cancel", (await rb.click(DEMO.dana, VERBS.walkthroughCancel, { method: "whfb" })).card);
    keep(
      "forged",
      (await rb.click(DEMO.dana, VERBS.walkthroughNext, { method: "passkey", userId: BEN })).card,
    );
    keep(
      "plan",
      (await rb.click(DEMO.svcBackup, VERBS.startAction, { code: "MOVE_TO_WORKLOAD_IDENTITY" })).card,
    );
    keep(
      "checklist",
      (
        await rb.click(DEMO.svcBackup, VERBS.walkthroughSaveChecklist, {
          method: "workloadIdentity",
          step: 1,
          identity: "true",
        })
      ).card,
    );
    keep(
      "still to do",
      (await rb.click(DEMO.svcBackup, VERBS.walkthroughVerify, { method: "workloadIdentity", step: 2 })).card,
    );
  });

  it("the audit log, with every entry this journey wrote", async () => {
    const [log] = await rb.say(DEMO.adele, "audit");
    assert.equal(log?.id, "audit-log");
    keep("audit log", log);
  });

  it("every card of the journeys holds only resource strings and the tenant's data", () => {
    const data = [...dataStrings(rb), ...extra];
    assert.ok(seen.length >= 20, `${seen.length} cards`);
    for (const { where, card } of seen) {
      assertNoHardCodedText(card, data, `${where} (${String(card.id)})`);
    }
  });
});
