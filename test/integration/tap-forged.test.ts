import assert from "node:assert/strict";
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
const GRADY = PERSONAS.gradyGlobalReader;

interface AuditRow {
  actor_id: string;
  action: string;
  outcome: string;
  detail: string | null;
}

/** Every forged invoke changes nothing (request still pending, no pass created or sent) and is audited. */
describe("forged Temporary Access Pass and walkthrough invokes", () => {
  let rb: RegistrationBot;

  before(async () => {
    rb = await startRegistrationBot();
    for (const user of [BEN, ALEX, MEGAN, GRADY]) {
      await rb.say(user, "hello");
    }
  });
  after(() => rb.close());

  const requestIdFor = async (requester: string): Promise<string> => {
    const start = rb.outgoing().length;
    const { card } = await rb.click(requester, VERBS.tapRequest, {});
    assert.equal(card.id, "registration-notice", cardText(card));
    const approval = rb
      .outgoing()
      .slice(start)
      .find((sent) => sent.card.id === "tap-approval");
    assert.ok(approval, "an approval card went out");
    return /"requestId":"([0-9a-f-]{36})"/.exec(JSON.stringify(approval.card))?.[1] ?? "";
  };
  const statusOf = (id: string) =>
    (
      rb.bot.stores.database.prepare("SELECT status FROM tap_requests WHERE id = ?").get(id) as {
        status: string;
      }
    ).status;
  const lastAudit = () =>
    rb.bot.stores.database
      .prepare("SELECT actor_id, action, outcome, detail FROM audit_log ORDER BY id DESC LIMIT 1")
      .get() as AuditRow;
  const passesSent = () => rb.outgoing().filter((sent) => sent.card.id === "tap-pass").length;

  it("self-approval: the requester clicking Issue on their own request", async () => {
    const id = await requestIdFor(BEN);
    const own = await rb.click(BEN, VERBS.tapIssue, { requestId: id });
    assert.match(cardText(own.card), /can't decide on your own request/);
    assert.equal(statusOf(id), "pending");
    // Never for oneself: the permissions table's rule, audited by authorize.
    assert.deepEqual(
      [lastAudit().action, lastAudit().outcome, JSON.parse(lastAudit().detail!).reason],
      ["authz.refused", "refused", "oneself"],
    );
    assert.equal(passesSent(), 0);
  });

  it("approval by a user without the role (a Global Reader), checked in Graph at the click", async () => {
    const id = (
      rb.bot.stores.database
        .prepare("SELECT id FROM tap_requests WHERE requester_id = ? AND status = 'pending'")
        .get(BEN) as { id: string }
    ).id;
    const { card } = await rb.click(GRADY, VERBS.tapIssue, { requestId: id });
    assert.match(
      cardText(card),
      /Privileged Authentication Administrator or Authentication Administrator.*you hold none of them right now/,
    );
    assert.equal(statusOf(id), "pending");
    assert.equal(JSON.parse(lastAudit().detail!).reason, "noRole");
    assert.equal(lastAudit().actor_id, GRADY);
  });

  it("a role removed a moment ago no longer counts (no cache)", async () => {
    const id = (
      rb.bot.stores.database
        .prepare("SELECT id FROM tap_requests WHERE requester_id = ? AND status = 'pending'")
        .get(BEN) as { id: string }
    ).id;
    const assignment = rb.simulator.admin.addRoleAssignment({
      principalId: GRADY,
      roleDefinitionId: "c4e39bd9-1100-46d3-8c65-fb160da0071f",
    });
    rb.simulator.admin.removeRoleAssignment(assignment.id);
    const { card } = await rb.click(GRADY, VERBS.tapIssue, { requestId: id });
    assert.match(cardText(card), /hold none of them/);
    assert.equal(statusOf(id), "pending");
  });

  it("another user's id in the card data: refused, audited, nothing changes", async () => {
    const id = (
      rb.bot.stores.database
        .prepare("SELECT id FROM tap_requests WHERE requester_id = ? AND status = 'pending'")
        .get(BEN) as { id: string }
    ).id;
    const forgedIssue = await rb.click(ALEX, VERBS.tapIssue, { requestId: id, userId: GRADY });
    assert.match(cardText(forgedIssue.card), /isn't yours/);
    assert.equal(statusOf(id), "pending");
    assert.deepEqual([lastAudit().action, lastAudit().outcome], ["registration.forged", "refused"]);

    const forgedRequest = await rb.click(GRADY, VERBS.tapRequest, { userId: BEN });
    assert.match(cardText(forgedRequest.card), /isn't yours/);
    assert.equal(lastAudit().action, "registration.forged");
    assert.equal(
      (
        rb.bot.stores.database
          .prepare("SELECT count(*) AS n FROM tap_requests WHERE requester_id = ?")
          .get(GRADY) as { n: number }
      ).n,
      0,
    );

    const forgedWalkthrough = await rb.click(GRADY, VERBS.walkthroughStart, {
      method: "passkey",
      userId: BEN,
    });
    assert.match(cardText(forgedWalkthrough.card), /isn't yours/);
    assert.equal(
      (rb.bot.stores.database.prepare("SELECT count(*) AS n FROM walkthroughs").get() as { n: number }).n,
      0,
    );
    assert.equal(passesSent(), 0);
  });

  it("an unknown or other-tenant request id changes nothing and is audited", async () => {
    const { card } = await rb.click(ALEX, VERBS.tapIssue, {
      requestId: "00000000-0000-4000-8000-000000000000",
    });
    assert.match(cardText(card), /does not exist/);
    assert.equal(JSON.parse(lastAudit().detail!).reason, "unknownRequest");
  });

  it("an admin target approved by a plain Authentication Administrator: refused; only the Privileged one may", async () => {
    const sentBefore = rb.outgoing().length;
    const id = await requestIdFor(GRADY);
    const approvals = rb
      .outgoing()
      .slice(sentBefore)
      .filter((sent) => sent.card.id === "tap-approval");
    assert.deepEqual(
      approvals.map((sent) => sent.conversationId),
      [personalChat(MEGAN)],
      "only Privileged Authentication Administrators are asked",
    );
    assert.match(
      cardText(approvals[0]!.card),
      /Privileged Authentication Administrator \(the user holds a directory role\)/,
    );

    const byAlex = await rb.click(ALEX, VERBS.tapIssue, { requestId: id });
    assert.match(
      cardText(byAlex.card),
      /holds a directory role, so only a Privileged Authentication Administrator may do this/,
    );
    assert.equal(statusOf(id), "pending");
    assert.equal(JSON.parse(lastAudit().detail!).reason, "subjectHoldsRole");
    assert.equal(passesSent(), 0);

    const byMegan = await rb.click(MEGAN, VERBS.tapIssue, { requestId: id });
    assert.match(cardText(byMegan.card), /Issued by/);
    assert.equal(statusOf(id), "issued");
    const pass = rb.outgoing().filter((sent) => sent.card.id === "tap-pass");
    assert.deepEqual(
      pass.map((sent) => sent.conversationId),
      [personalChat(GRADY)],
    );
  });

  it("Graph refusing to create the pass: the admin is told, the request stays open, nothing is sent", async () => {
    const id = (
      rb.bot.stores.database
        .prepare("SELECT id FROM tap_requests WHERE requester_id = ? AND status = 'pending'")
        .get(BEN) as { id: string }
    ).id;
    rb.simulator.admin.injectFault({
      pathPrefix: `/v1.0/users/${BEN}/authentication/temporaryAccessPassMethods`,
      method: "POST",
      status: 403,
      count: 1,
    });
    const passes = passesSent();
    const { card } = await rb.click(ALEX, VERBS.tapIssue, { requestId: id });
    assert.match(cardText(card), /did not create the pass/);
    assert.equal(statusOf(id), "pending");
    assert.equal(passesSent(), passes);
    assert.deepEqual([lastAudit().action, lastAudit().outcome], ["tap.issued", "failed"]);
  });

  it("Graph refusing to read the user mid-walkthrough gives a card that says what to do, not a failed turn", async () => {
    rb.simulator.admin.injectFault({ pathPrefix: "/v1.0/", status: 403, count: 20 });
    const { status, card } = await rb.click(DEMO.quinn, VERBS.walkthroughStart, { method: "passkey" });
    assert.equal(status, 200);
    assert.equal(card.id, "error");
    assert.match(cardText(card), /couldn't check with Microsoft/);
    rb.simulator.admin.clearFaults();
  });

  it("a decline by an admin tells the requester, and a later Issue is a replay", async () => {
    const id = (
      rb.bot.stores.database
        .prepare("SELECT id FROM tap_requests WHERE requester_id = ? AND status = 'pending'")
        .get(BEN) as { id: string }
    ).id;
    const declined = await rb.click(MEGAN, VERBS.tapDecline, { requestId: id });
    assert.match(cardText(declined.card), /Declined by/);
    assert.equal(statusOf(id), "declined");
    const told = rb.bot.connector.calls.filter(
      (call) =>
        call.conversationId === personalChat(BEN) && /declined your request/.test(String(call.body.text)),
    );
    assert.equal(told.length, 1);
    const replay = await rb.click(ALEX, VERBS.tapIssue, { requestId: id });
    assert.match(cardText(replay.card), /already handled/);
    assert.equal(statusOf(id), "declined");
  });
});
