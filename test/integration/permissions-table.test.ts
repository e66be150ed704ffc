import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { VERBS } from "../../src/cards/verbs";
import type { AuditEntry } from "../../src/domain/audit-entry";
import { ROLE_TEMPLATE_IDS, type RoleName } from "../../src/domain/roles";
import type { Action } from "../../src/domain/who-may";
import { actionExecute, fromTenant } from "../support/activities";
import { HOSTILE, liveMarkdown } from "../support/live-markdown";
import { DEMO, type PostponementBot, startPostponementBot } from "../support/postponement-bot";

/**
 * DOMAIN.md "Who may do what", one test per row, over the bot's HTTP endpoint against the Graph simulator:
 * the role held tenant-wide is allowed; the same role scoped to an administrative unit is refused; no role
 * is refused; every answer is in the audit log.
 */
const ACTOR = "b0000000-0000-4000-8000-000000000003"; // Luca Usman: an ordinary user of the demo tenant
const ADMINISTRATIVE_UNIT = "/administrativeUnits/7c1e0000-0000-4000-8000-0000000000a0";
const FABRIC_ADMINISTRATOR = "a9ea8996-122f-4c74-9520-8edcd192826c";
const clock = new Date("2026-11-28T10:00:00Z");
const text = (value: unknown) => JSON.stringify(value);
type Card = Record<string, unknown> & { id?: string };

interface Row {
  action: Action;
  role: RoleName;
  /** Prepares what the action acts on (a pending request), once per row. */
  setup?: () => Promise<Record<string, unknown>>;
  act: (setup: Record<string, unknown>) => Promise<Card | undefined>;
  allowed: (card: Card | undefined) => boolean;
}

describe("the permissions table over the HTTP endpoint", () => {
  let pp: PostponementBot;
  let tenantId = "";
  const authzEntries = async (): Promise<AuditEntry[]> =>
    (await pp.bot.stores.auditLog.latest(tenantId, 500)).filter(
      (entry) => entry.actorId === ACTOR && entry.action.startsWith("authz."),
    );
  const withRole = async <T>(
    roleDefinitionId: string | undefined,
    scope: string,
    act: () => Promise<T>,
  ): Promise<T> => {
    const assignment =
      roleDefinitionId === undefined
        ? undefined
        : pp.simulator.admin.addRoleAssignment({
            principalId: ACTOR,
            roleDefinitionId,
            directoryScopeId: scope,
          });
    try {
      return await act();
    } finally {
      if (assignment) {
        pp.simulator.admin.removeRoleAssignment(assignment.id);
      }
    }
  };
  const first = async (cards: Promise<Card[]>) => (await cards)[0];

  before(async () => {
    pp = await startPostponementBot({ now: () => clock });
    tenantId = pp.simulator.tenantId.toLowerCase();
  });
  after(() => pp.close());

  const rows: Row[] = [
    {
      action: "readinessReport",
      role: "reportsReader",
      act: () => first(pp.say(ACTOR, "stop the daily report")),
      allowed: (card) => card?.id === "report-notice",
    },
    {
      action: "broadcast",
      role: "authenticationPolicyAdministrator",
      act: () => first(pp.say(ACTOR, "broadcast")),
      allowed: (card) => card?.id === "broadcast-compose",
    },
    {
      action: "auditLog",
      role: "securityReader",
      act: () => first(pp.say(ACTOR, "audit")),
      allowed: (card) => card?.id === "audit-log",
    },
    {
      action: "otherUserStatus",
      role: "helpdeskAdministrator",
      act: () => first(pp.say(ACTOR, "status of ben.carter@contoso.example")),
      allowed: (card) =>
        card?.id === "status" && /Ben Carter/.test(text(card)) && !/Action\.Execute/.test(text(card)),
    },
    {
      action: "issueTemporaryAccessPass",
      role: "authenticationAdministrator",
      async setup() {
        await pp.click(DEMO.ben, VERBS.tapRequest, {});
        const row = pp.bot.stores.database
          .prepare("SELECT id FROM tap_requests WHERE requester_id = ? AND status = 'pending'")
          .get(DEMO.ben) as { id: string };
        return { requestId: row.id };
      },
      act: async ({ requestId }) => (await pp.click(ACTOR, VERBS.tapIssue, { requestId })).card,
      allowed: (card) => /Issued by/.test(text(card)),
    },
    {
      action: "decidePostponement",
      role: "globalAdministrator",
      async setup() {
        await pp.click(DEMO.ben, VERBS.postponementSubmit, {
          phase: "2",
          wantedDate: "2027-01-31",
          justification: "The backup pipeline signs in as a user and needs time.",
          affectedSystems: "Nightly backup (Azure CLI)",
        });
        const [request] = await pp.bot.stores.postponementRequests.latest(tenantId, 1);
        return { requestId: request!.id };
      },
      act: async ({ requestId }) => (await pp.click(ACTOR, VERBS.approvePostponement, { requestId })).card,
      allowed: (card) => card?.id === "postponement-approval" && /Approved by/.test(text(card)),
    },
  ];

  for (const row of rows) {
    it(`${row.action}: ${row.role} tenant-wide allowed; scoped to an administrative unit refused; no role refused; each audited`, async () => {
      const input = (await row.setup?.()) ?? {};
      const before = (await authzEntries()).length;

      const none = await withRole(undefined, "/", () => row.act(input));
      assert.equal(row.allowed(none), false, `no role: ${text(none)}`);
      assert.match(text(none), /you hold none of them right now/);
      const scoped = await withRole(ROLE_TEMPLATE_IDS[row.role], ADMINISTRATIVE_UNIT, () => row.act(input));
      assert.equal(row.allowed(scoped), false, `administrative unit: ${text(scoped)}`);
      assert.match(text(scoped), /a role scoped to an administrative unit does not count/);
      const granted = await withRole(ROLE_TEMPLATE_IDS[row.role], "/", () => row.act(input));
      assert.ok(row.allowed(granted), `tenant-wide: ${text(granted)}`);

      const all = await authzEntries();
      const entries = all.slice(0, all.length - before).reverse();
      assert.deepEqual(
        entries
          .filter((entry) => entry.detail?.permission === row.action)
          .map((entry) => [entry.action, entry.outcome, entry.detail?.reason ?? entry.detail?.by]),
        [
          ["authz.refused", "refused", "noRole"],
          ["authz.refused", "refused", "noRole"],
          ["authz.granted", "success", row.role],
        ],
      );
    });
  }

  it("the report is refused to a Helpdesk or Fabric Administrator, and no scan starts", async () => {
    for (const roleDefinitionId of [ROLE_TEMPLATE_IDS.helpdeskAdministrator, FABRIC_ADMINISTRATOR]) {
      const card = await withRole(roleDefinitionId, "/", () => first(pp.say(ACTOR, "readiness report")));
      assert.equal(card?.id, "error");
      assert.match(text(card), /Reports Reader/);
    }
    assert.equal(pp.bot.service.report!.scans.current(tenantId), undefined);
  });

  it("another user's status: a Helpdesk Administrator may not look up someone who holds a role; a plain user is told what admins can do", async () => {
    const card = await withRole(ROLE_TEMPLATE_IDS.helpdeskAdministrator, "/", () =>
      first(pp.say(ACTOR, "is adele.vance@contoso.example affected?")),
    );
    assert.equal(card?.id, "error");
    assert.match(text(card), /holds a directory role/);
    const plain = await first(pp.say(ACTOR, "status of ben.carter@contoso.example"));
    assert.match(text(plain), /You can only check your own status/);
    assert.match(text(plain), /am I affected/);
    const unknown = await withRole(ROLE_TEMPLATE_IDS.globalReader, "/", () =>
      first(pp.say(ACTOR, "status of nobody.here@contoso.example")),
    );
    assert.match(text(unknown), /couldn't find that person/);
  });
});

describe("a throttled role read, through the one errorView", () => {
  let pp: PostponementBot;
  before(async () => {
    pp = await startPostponementBot({ now: () => clock });
  });
  after(() => pp.close());

  it("a broadcast step, the audit log and a report click answer 'busy, try again in 200 seconds', never a 5xx", async () => {
    for (const [verb, data] of [
      [VERBS.broadcastCompose, {}],
      [VERBS.auditShow, {}],
      [VERBS.reportSubscribe, {}],
    ] as const) {
      pp.simulator.admin.injectFault({
        pathPrefix: "/v1.0/roleManagement/directory/roleAssignments",
        count: 1,
        status: 429,
        retryAfterSeconds: 200,
      });
      const answer = await pp.click(DEMO.adele, verb, data);
      assert.equal(answer.status, 200, verb);
      assert.equal(answer.card.id, "error", verb);
      assert.match(text(answer.card), /Microsoft Entra ID is busy.*Try again in 200 seconds/, verb);
    }
    pp.simulator.admin.injectFault({
      pathPrefix: "/v1.0/roleManagement/directory/roleAssignments",
      count: 1,
      status: 429,
      retryAfterSeconds: 200,
    });
    const [said] = await pp.say(DEMO.adele, "broadcast");
    assert.match(text(said), /Microsoft Entra ID is busy/);
  });
});

describe("user text in the audit log card", () => {
  let pp: PostponementBot;
  before(async () => {
    pp = await startPostponementBot({ now: () => clock });
  });
  after(() => pp.close());

  it("a plain user's display name and forged card field show literally in front of an admin", async () => {
    // The display name comes from the activity, a forged id from the card: both are the user's text.
    assert.equal((await pp.bot.post(await forgedAs(pp, ACTOR))).status, 200);
    const [log] = await pp.say(DEMO.adele, "audit");
    assert.equal(log?.id, "audit-log");
    assert.ok(text(log).includes("Mallory"), "the entry is there");
    assert.deepEqual(liveMarkdown(log), [], "no live link or emphasis");
    assert.ok(text(log).includes("${verbs.showHelp}"), "template syntax literal, not evaluated");
  });
});

/** A tapIssue click from `userId` named HOSTILE, whose card data names another user with HOSTILE text. */
async function forgedAs(pp: PostponementBot, userId: string): Promise<Record<string, unknown>> {
  const activity = actionExecute(pp.bot.connector.serviceUrl, VERBS.tapIssue, {
    requestId: HOSTILE,
    userId: HOSTILE,
  });
  return fromTenant(
    { ...activity, from: { id: `29:${userId}`, aadObjectId: userId, name: HOSTILE } },
    pp.simulator.tenantId,
  );
}

describe("the help card's admin part, decided by authorize", () => {
  let pp: PostponementBot;
  before(async () => {
    pp = await startPostponementBot({ now: () => clock });
  });
  after(() => pp.close());

  it("lists the admin jobs for a Global Reader, not for a plain user, and audits neither", async () => {
    const audited = async () => (await pp.bot.stores.auditLog.latest(pp.simulator.tenantId, 50)).length;
    const before = await audited();
    const [plain] = await pp.say(ACTOR, "help");
    assert.doesNotMatch(text(plain), /For admins/);
    const reader = await withReader(pp, () => pp.say(ACTOR, "help"));
    assert.match(text(reader[0]), /For admins/);
    assert.match(text((await pp.click(DEMO.adele, VERBS.showHelp)).card), /For admins/);
    assert.equal(await audited(), before);
  });
});

async function withReader<T>(pp: PostponementBot, act: () => Promise<T>): Promise<T> {
  const assignment = pp.simulator.admin.addRoleAssignment({
    principalId: ACTOR,
    roleDefinitionId: ROLE_TEMPLATE_IDS.globalReader,
  });
  try {
    return await act();
  } finally {
    pp.simulator.admin.removeRoleAssignment(assignment.id);
  }
}
