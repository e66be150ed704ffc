import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { VERBS } from "../../src/cards/verbs";
import { SqliteBroadcastLedger } from "../../src/storage/broadcast-ledger";
import { DEMO, type ReportBot, startReportBot } from "../support/report-bot";
import { startTeamsLimitsStub, type TeamsLimitsStub } from "../support/teams-limits-stub";

const TEAMS_APP_ID = "3c0ffee0-0000-4000-8000-0000000a9901";
/** Graph's Teams limits scaled down so the install floor binds in a few seconds: 30/s x 0.2 = 6 installs/s. */
const SCALE = 0.2;
const INSTALLS_PER_SECOND = 30 * SCALE;
const RPS = 20;

/**
 * A first broadcast to people none of whom has a chat with the bot: some have the app (an app setup
 * policy), most do not. Over the bot's HTTP endpoint, against the Graph simulator enforcing Teams'
 * installedApps limits and a Bot Connector enforcing Teams' send limits at BROADCAST_RPS.
 */
describe("a first broadcast reaches people with no conversation at its floor", () => {
  let rb: ReportBot;
  let teams: TeamsLimitsStub;
  let withApp: Array<{ id: string; upn: string }> = [];
  let withoutApp: Array<{ id: string; upn: string }> = [];

  before(async () => {
    teams = await startTeamsLimitsStub({ tenantRps: RPS });
    rb = await startReportBot({
      env: { TEAMS_APP_ID, BROADCAST_RPS: String(RPS), TEAMS_SERVICE_URL: teams.serviceUrl },
      simulator: { throttle: true, throttleScale: SCALE },
    });
    const members = rb.snapshot.users
      .filter(
        (user) =>
          user.id.startsWith("b0000000") && user.userType !== "Guest" && user.accountEnabled !== false,
      )
      .slice(0, 30);
    withApp = members.slice(0, 6).map((user) => ({ id: user.id, upn: user.userPrincipalName }));
    withoutApp = members.slice(6).map((user) => ({ id: user.id, upn: user.userPrincipalName }));
    for (const user of withApp) {
      rb.simulator.admin.installApp(user.id, TEAMS_APP_ID);
    }
  });
  after(async () => {
    await rb?.close();
    await teams?.close();
  });

  it("opens chats through the connector where the app is installed, installs through Graph where not, each person once, no 429", async (t) => {
    const checkInstalled = (userId: string) => rb.simulator.admin.isAppInstalled(userId, TEAMS_APP_ID);
    // The stub asks the simulator, as Teams knows which apps a user has.
    teams.isInstalled = checkInstalled;
    await rb.say(DEMO.adele, "broadcast");
    const upns = [...withApp, ...withoutApp].map((user) => user.upn).join("\n");
    const { card } = await rb.click(DEMO.adele, VERBS.broadcastPreview, {
      title: "MFA for Azure",
      message: "Please set up MFA.",
      audience: "upns",
      upns,
    });
    assert.equal(card.id, "broadcast-preview", JSON.stringify(card));
    const draftId = String(
      (
        (card.actions ?? []).find((action) => action.verb === VERBS.broadcastSend)?.data as {
          draftId: string;
        }
      ).draftId,
    );
    const installsBefore = rb.simulator.stats.byPath["POST /users/{id}/teamwork/installedApps"] ?? 0;
    await rb.click(DEMO.adele, VERBS.broadcastSend, { draftId }, "preview-first-contact");
    const ledger = new SqliteBroadcastLedger(rb.bot.stores.database);
    const everyone = withApp.length + withoutApp.length;
    for (let waited = 0; waited < 30_000; waited += 100) {
      const totals = await ledger.totals(draftId);
      if (totals.total === everyone && totals.pending + totals.sending === 0) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const rows = await ledger.page(draftId, 0, 100);
    assert.equal(rows.length, everyone, JSON.stringify(rows.map((row) => [row.upn, row.state, row.reason])));
    assert.deepEqual(
      rows.filter((row) => row.state !== "sent").map((row) => [row.upn, row.state, row.reason]),
      [],
    );
    for (const user of [...withApp, ...withoutApp]) {
      assert.equal(teams.accepted.get(`a:chat-${user.id}`), 1, `${user.upn} got exactly one message`);
      assert.equal(teams.created.get(user.id), 1, `${user.upn}'s chat opened once`);
      assert.ok(checkInstalled(user.id));
    }
    const installs =
      (rb.simulator.stats.byPath["POST /users/{id}/teamwork/installedApps"] ?? 0) - installsBefore;
    assert.ok(
      installs >= withoutApp.length && installs <= withoutApp.length + withApp.length,
      `installs ${installs}`,
    );
    assert.equal(
      rb.simulator.stats.byPath["GET /users/{id}/teamwork/installedApps"] ?? 0,
      0,
      "no Graph read",
    );
    assert.equal(rb.simulator.stats.throttled, 0, "no 429 from Graph");
    assert.equal(teams.throttledAt.length, 0, "no 429 from Teams");

    // At its floor: max(installs / installs-per-second, connector requests / BROADCAST_RPS).
    const requests = teams.requestsAt.length;
    const floorMs = Math.max((installs / INSTALLS_PER_SECOND) * 1000, (requests / RPS) * 1000);
    const elapsedMs = teams.acceptedAt.at(-1)! - teams.requestsAt[0]!;
    t.diagnostic(
      `first contact: elapsed ${Math.round(elapsedMs)} ms, floor ${Math.round(floorMs)} ms, ${installs} installs, ${requests} connector requests, refused ${teams.refusedNotInstalled}`,
    );
    assert.ok(
      elapsedMs <= floorMs * 1.03 + 250,
      `elapsed ${Math.round(elapsedMs)} ms, floor ${Math.round(floorMs)} ms (${installs} installs, ${requests} connector requests)`,
    );
    // Paced, not lucky: the installs could not have gone faster than Graph allows.
    assert.ok(
      elapsedMs >= (Math.ceil(installs / INSTALLS_PER_SECOND) - 1) * 1000 * 0.98,
      `elapsed ${Math.round(elapsedMs)} ms`,
    );
    // Their chats are kept: the next broadcast sends straight away.
    assert.equal(
      (await rb.bot.stores.conversationReferences.get(rb.simulator.tenantId, withoutApp[0]!.id))
        ?.conversationId,
      `a:chat-${withoutApp[0]!.id}`,
    );
  });
});
