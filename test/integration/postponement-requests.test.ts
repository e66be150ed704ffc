import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";

import { VERBS } from "../../src/cards/verbs";
import { DEMO, type PostponementBot, startPostponementBot } from "../support/postponement-bot";

// Today in the demo: both self-service windows have closed (phase 1 on 2025-09-30, phase 2 on 2026-07-01).
let clock = new Date("2026-11-28T10:00:00Z");
const text = (value: unknown) => JSON.stringify(value);
const VALID = {
  phase: "2",
  wantedDate: "2027-01-31",
  justification:
    "The backup pipeline signs in as a user; keep ${requesterName} and ${verbs.showHelp} as typed.",
  affectedSystems: "Nightly backup (Azure CLI)",
};

/** Two more Global Administrators who are not break-glass accounts (those never get approval cards). */
const GA2 = "b0000000-0000-4000-8000-000000000001";
const GA3 = "b0000000-0000-4000-8000-000000000002";
const GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";

describe("postponement requests over the HTTP endpoint, demo tenant, 2026-11-28", () => {
  let pp: PostponementBot;
  let tenantId = "";
  const requests = () => pp.bot.stores.postponementRequests.latest(tenantId, 50);
  const audit = () => pp.bot.stores.auditLog.latest(tenantId, 100);

  before(async () => {
    pp = await startPostponementBot({ now: () => clock });
    tenantId = pp.simulator.tenantId.toLowerCase();
    for (const principalId of [GA2, GA3]) {
      pp.simulator.admin.addRoleAssignment({
        id: `ga-${principalId}`,
        principalId,
        roleDefinitionId: GLOBAL_ADMINISTRATOR,
      });
    }
  });
  after(() => pp.close());
  beforeEach(() => {
    clock = new Date("2026-11-28T10:00:00Z");
    pp.bot.stores.database.exec(
      "DELETE FROM postponement_approval_cards; DELETE FROM postponement_requests; DELETE FROM audit_log;",
    );
  });

  it('"can we postpone?" answers that the window has closed, with Microsoft Support and the real remedy', async () => {
    const [card] = await pp.say(DEMO.ben, "can we postpone the MFA enforcement?");
    assert.equal(card?.id, "postponement-answer");
    assert.match(text(card), /Self-service postponement has closed/);
    assert.match(text(card), /ask Microsoft Support to lift enforcement temporarily/);
    assert.match(text(card), /"title":"Draft a support request","verb":"postponement.form"/);
    assert.match(text(card), /"verb":"status.check"/);
    assert.match(
      text(card),
      /"title":"Enforcement setting","value":"Default"/,
      "read from ARM in the simulator",
    );
    // The status card's suggestion button lands on the same answer.
    const clicked = await pp.click(DEMO.ben, VERBS.requestPostponement, { code: "REQUEST_POSTPONEMENT" });
    assert.equal(clicked.card.id, "postponement-answer");
  });

  it("bad form input is answered in the card and nothing is stored", async () => {
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      [
        "empty",
        {},
        /Choose the phase to postpone.*Pick a date.*Enter the business reason.*Enter the affected systems/,
      ],
      [
        "too long",
        { ...VALID, justification: "x".repeat(1001) },
        /Keep it to 1,000 characters \(now 1,001\)/,
      ],
      [
        "date outside the range",
        { ...VALID, wantedDate: "2027-12-31" },
        /Pick a date between 29 Nov 2026 and 26 Feb 2027/,
      ],
      [
        "template expressions, too short",
        { ...VALID, justification: "${verbs.showHelp}" },
        /Write at least 20 characters/,
      ],
    ];
    for (const [what, data, message] of cases) {
      const { status, card } = await pp.click(DEMO.ben, VERBS.postponementSubmit, data);
      assert.equal(status, 200, what);
      assert.equal(card.id, "postponement-request-form", what);
      assert.match(text(card), message, what);
      assert.match(text(card), /Nothing was sent/, what);
    }
    const echoed = await pp.click(DEMO.ben, VERBS.postponementSubmit, {
      ...VALID,
      justification: "${verbs.showHelp}",
    });
    const input = (echoed.card.body as Array<{ id?: string; value?: string }>).find(
      (item) => item.id === "justification",
    );
    assert.equal(input?.value, "${verbs.showHelp}", "shown as typed, not evaluated");
    assert.deepEqual(await requests(), []);
    assert.deepEqual(await audit(), []);
  });

  it("a request reaches every Global Administrator; a non-admin cannot approve; the first of two simultaneous decisions wins", async () => {
    await pp.say(DEMO.ben, "can we postpone?");
    pp.bot.connector.reset();
    const sent = await pp.click(DEMO.ben, VERBS.postponementSubmit, VALID);
    assert.equal(sent.card.id, "postponement-request-sent");
    assert.match(text(sent.card), /Sent to 3 Global Administrators/);
    assert.match(text(sent.card), /"id":"supportText"/);
    const [request] = await requests();
    assert.ok(request);
    assert.equal(request.status, "pending");
    assert.equal(request.route, "support");
    assert.equal(request.justification, VALID.justification);
    const cards = await pp.bot.stores.postponementRequests.approvalCards(request.id);
    assert.deepEqual(
      cards.map((card) => card.approverId).sort(),
      [DEMO.adele, GA2, GA3].sort(),
      "every Global Administrator but the break-glass accounts (nobody reads their chats)",
    );
    const approvals = pp.proactiveCards().filter(({ card }) => card.id === "postponement-approval");
    assert.equal(approvals.length, 3);
    const approval = approvals[0]!.card;
    const justification = (approval.body as Array<{ id?: string; text?: string }>).find(
      (item) => item.id === "justification",
    );
    assert.equal(justification?.text, VALID.justification, "template expressions shown literally");
    assert.match(text(approval), /"userIds":\["8:orgid:a0000000/);
    assert.ok(
      (pp.simulator.stats.byPath["POST /users/{id}/teamwork/installedApps"] ?? 0) >= 3,
      "bot installed through Graph",
    );

    // Dana is no Global Administrator: refused, nothing decided.
    const refused = await pp.click(DEMO.dana, VERBS.approvePostponement, { requestId: request.id });
    assert.equal(refused.card.id, "error");
    assert.match(text(refused.card), /Only a Global Administrator can decide/);
    assert.equal((await requests())[0]?.status, "pending");

    // Adele and Emergency Access 1 click at the same moment: one decision.
    pp.bot.connector.reset();
    const [left, right] = await Promise.all([
      pp.click(DEMO.adele, VERBS.approvePostponement, {
        requestId: request.id,
        note: "Open the ticket today",
      }),
      pp.click(GA2, VERBS.declinePostponement, { requestId: request.id }),
    ]);
    const decided = (await requests())[0]!;
    assert.notEqual(decided.status, "pending");
    const winner = decided.decidedById === DEMO.adele ? "Adele Vance" : "Quincy Abbott";
    const line = new RegExp(
      `${decided.status === "approved" ? "Approved" : "Declined"} by ${winner} on 28 Nov 2026, 10:00 UTC`,
    );
    for (const answer of [left, right]) {
      assert.equal(answer.card.id, "postponement-approval");
      assert.match(text(answer.card), line, "both see who decided and when");
      assert.doesNotMatch(text(answer.card), /postponement\.approve/);
    }
    const entries = await audit();
    assert.equal(entries.filter((entry) => entry.action === `postponement.${decided.status}`).length, 1);
    assert.equal(entries.filter((entry) => entry.action === "postponement.decision-too-late").length, 1);
    assert.equal(entries.filter((entry) => entry.action === "postponement.requested").length, 1);
    // Dana's refusal is the permissions table's, audited by authorize with the roles that would do.
    assert.equal(
      entries.filter(
        (entry) => entry.action === "authz.refused" && entry.detail?.permission === "decidePostponement",
      ).length,
      1,
    );
    // The other approvers' cards were updated in place (PUT), and the requester was told.
    // (teams-ai also replaces the clicked message itself, since the card refreshes: not counted here.)
    const approverChats = new Set(cards.map((card) => card.conversationId));
    const updates = pp.bot.connector.calls.filter(
      (call) => call.method === "PUT" && approverChats.has(call.conversationId ?? ""),
    );
    assert.equal(updates.length, 2);
    for (const update of updates) {
      assert.match(text(update.body), line);
    }
    const outcome = pp.proactiveCards().find(({ card }) => card.id === "postponement-outcome");
    assert.match(text(outcome?.card), new RegExp(`Your postponement request was ${decided.status}`));

    // The third approver's Teams client refreshes the card (Universal Actions): the decision, no buttons.
    const refreshed = await pp.click(GA3, VERBS.refreshPostponement, { requestId: request.id });
    assert.equal(refreshed.card.id, "postponement-approval");
    assert.match(text(refreshed.card), line);
    assert.doesNotMatch(text(refreshed.card), /postponement\.decline/);
    const nosy = await pp.click(DEMO.dana, VERBS.refreshPostponement, { requestId: request.id });
    assert.equal(
      nosy.card.id,
      "error",
      "the request's details are for Global Administrators and the requester",
    );
  });

  it("the requester cannot decide on their own request, even as a Global Administrator", async () => {
    await pp.say(DEMO.adele, "can we postpone?");
    const sent = await pp.click(DEMO.adele, VERBS.postponementSubmit, VALID);
    assert.match(text(sent.card), /Sent to 2 Global Administrators/);
    const [request] = await requests();
    const own = await pp.click(DEMO.adele, VERBS.approvePostponement, { requestId: request!.id });
    assert.match(text(own.card), /You cannot decide on your own request/);
    assert.equal((await requests())[0]?.status, "pending");
  });

  it("Global Administrator at the moment of the click: a removed role no longer approves", async () => {
    await pp.say(DEMO.ben, "can we postpone?");
    await pp.click(DEMO.ben, VERBS.postponementSubmit, VALID);
    const [request] = await requests();
    const assignment = { id: `ga-${GA3}`, principalId: GA3, roleDefinitionId: GLOBAL_ADMINISTRATOR };
    assert.ok(pp.simulator.admin.removeRoleAssignment(assignment.id));
    try {
      const answer = await pp.click(GA3, VERBS.approvePostponement, { requestId: request!.id });
      assert.match(text(answer.card), /Only a Global Administrator can decide/);
      assert.equal((await requests())[0]?.status, "pending");
    } finally {
      pp.simulator.admin.addRoleAssignment(assignment);
    }
  });

  it("a forged or unknown request id changes nothing", async () => {
    for (const requestId of ["nope", 42, "x".repeat(5000), undefined]) {
      const answer = await pp.click(DEMO.adele, VERBS.approvePostponement, { requestId });
      assert.match(text(answer.card), /That request no longer exists/);
    }
    assert.deepEqual(await requests(), []);
  });
});
