import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { VERBS } from "../../src/cards/verbs";
import {
  cardText,
  DEMO,
  PERSONAS,
  type RegistrationBot,
  startRegistrationBot,
} from "../support/registration-bot";

const CARL = "a0000000-0000-4000-8000-00000000000f";
const CHEN = "a0000000-0000-4000-8000-000000000010";

/** Certificate, break-glass and workload identity walkthroughs, verified against the simulator's Graph. */
describe("certificate, break-glass and workload identity walkthroughs", () => {
  let rb: RegistrationBot;
  before(async () => {
    rb = await startRegistrationBot();
  });
  after(() => rb.close());

  const toVerify = async (userId: string, method: string, steps: number) => {
    for (let step = 0; step < steps - 1; step += 1) {
      await rb.click(userId, VERBS.walkthroughNext, { method, step });
    }
    return rb.click(userId, VERBS.walkthroughVerify, { method, step: steps - 1 });
  };

  it("certificate: a user outside the X509 policy is told so; a bound, targeted user verifies", async () => {
    const chen = await rb.click(CHEN, VERBS.startRegistration, { code: "BIND_CERTIFICATE" });
    assert.equal(chen.card.id, "walkthrough-blocked");
    assert.match(cardText(chen.card), /Certificate-based authentication is not enabled for you/);

    await rb.click(CARL, VERBS.startRegistration, { code: "BIND_CERTIFICATE" });
    const bindings = await rb.click(CARL, VERBS.walkthroughNext, { method: "certificate", step: 0 });
    assert.match(cardText(bindings.card), /X509:<PN>carl\.cert@contoso\.example/);
    const done = await toVerify(CARL, "certificate", 3);
    assert.equal(done.card.id, "walkthrough-verified");
  });

  it("break-glass: an admin's check names the account that is not ready, then passes once it has a key", async () => {
    await rb.click(PERSONAS.adeleGlobalAdmin, VERBS.startAction, { code: "ADD_STRONG_INDEPENDENT_METHOD" });
    const first = await toVerify(PERSONAS.adeleGlobalAdmin, "breakGlass", 3);
    assert.equal(first.card.id, "walkthrough-verify");
    assert.match(cardText(first.card), /Not ready yet.*breakglass2@contoso\.example/s);
    assert.match(cardText(first.card), /breakglass1@contoso\.example/);
    rb.simulator.admin.addMethod(DEMO.breakglass2, {
      "@odata.type": "#microsoft.graph.fido2AuthenticationMethod",
      displayName: "Safe key 1",
    });
    const again = await rb.click(PERSONAS.adeleGlobalAdmin, VERBS.walkthroughVerify, {
      method: "breakGlass",
      step: 2,
    });
    assert.equal(again.card.id, "walkthrough-verified");
    assert.match(cardText(again.card), /breakglass2@contoso\.example/);
  });

  it("workload identity: the plan names the exact replacement; finishing needs every item ticked", async () => {
    const plan = await rb.click(DEMO.svcBackup, VERBS.startAction, { code: "MOVE_TO_WORKLOAD_IDENTITY" });
    assert.equal(plan.card.id, "walkthrough-step");
    assert.match(cardText(plan.card), /az login --service-principal/);
    assert.match(cardText(plan.card), /az login --identity/);
    const checklist = await rb.click(DEMO.svcBackup, VERBS.walkthroughNext, {
      method: "workloadIdentity",
      step: 0,
    });
    assert.equal(checklist.card.id, "walkthrough-checklist");
    const saved = await rb.click(DEMO.svcBackup, VERBS.walkthroughSaveChecklist, {
      method: "workloadIdentity",
      step: 1,
      identity: "true",
      roles: "true",
    });
    assert.match(cardText(saved.card), /2 of 5 done/);
    await rb.click(DEMO.svcBackup, VERBS.walkthroughNext, { method: "workloadIdentity", step: 1 });
    const early = await rb.click(DEMO.svcBackup, VERBS.walkthroughVerify, {
      method: "workloadIdentity",
      step: 2,
    });
    assert.match(cardText(early.card), /Still to do/);
    await rb.click(DEMO.svcBackup, VERBS.walkthroughBack, { method: "workloadIdentity", step: 2 });
    await rb.click(DEMO.svcBackup, VERBS.walkthroughSaveChecklist, {
      method: "workloadIdentity",
      step: 1,
      identity: "true",
      roles: "true",
      scripts: "true",
      secrets: "true",
      account: "true",
    });
    await rb.click(DEMO.svcBackup, VERBS.walkthroughNext, { method: "workloadIdentity", step: 1 });
    const done = await rb.click(DEMO.svcBackup, VERBS.walkthroughVerify, {
      method: "workloadIdentity",
      step: 2,
    });
    assert.equal(done.card.id, "walkthrough-verified");
  });

  it("typed requests start the matching walkthrough ('set up a security key')", async () => {
    const cards = await rb.say(DEMO.quinn, "set up a security key");
    assert.equal(cards[0]?.id, "walkthrough-step");
    assert.match(cardText(cards[0]), /Add a passkey/);
  });
});
