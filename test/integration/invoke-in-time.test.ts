import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { VERBS } from "../../src/cards/verbs";
import { actionExecute } from "../support/activities";
import { type BotOverSimulator, startBotOverSimulator } from "../support/bot-over-simulator";
import { DEMO } from "../support/status-bot";

const BUDGET_MS = 1_500;
const HANG_MS = 4_000;

/**
 * Teams gives an Action.Execute invoke about 15 s; the bot answers within its budget (shortened here) with
 * a "working" card and replaces the clicked card when the work ends, instead of letting Teams time out.
 */
describe("every card action is answered in time, the card updated when the work ends", () => {
  let sim: BotOverSimulator;

  before(async () => {
    sim = await startBotOverSimulator({ harness: { invokeBudgetMs: BUDGET_MS } });
  });
  after(async () => {
    await sim.close();
  });

  const refresh = (userId: string) => {
    const activity = sim.asUser(actionExecute(sim.bot.connector.serviceUrl, VERBS.refreshStatus), userId);
    return { ...activity, replyToId: "card-activity-1" };
  };

  it("a slow Graph: the invoke gets the working card at once, the status card arrives as an update", async () => {
    sim.bot.connector.reset();
    sim.simulator.admin.injectFault({ pathPrefix: "/beta/auditLogs/signIns", count: 1, hangMs: HANG_MS });
    const started = Date.now();
    const response = await sim.bot.post(refresh(DEMO.ben));
    const answeredMs = Date.now() - started;
    assert.equal(response.status, 200);
    const body = response.body as { value?: { id?: string } };
    assert.equal(body.value?.id, "working");
    assert.ok(answeredMs < HANG_MS, `answered in ${answeredMs} ms, before Graph did`);

    const update = await waitFor(() =>
      sim.bot.connector.calls.find((call) => call.method === "PUT" && call.activityId === "card-activity-1"),
    );
    const attachments = update.body.attachments as Array<{ content: { id?: string } }>;
    assert.equal(attachments[0]?.content.id, "status");
    assert.equal(
      sim.bot.logs.filter((line) => line.level === 50).length,
      0,
      "an answer after the budget is not an error",
    );
  });

  it("a late failure replaces the working card with the error card", async () => {
    sim.bot.connector.reset();
    sim.simulator.admin.injectFault({
      pathPrefix: "/v1.0/roleManagement/",
      count: 5,
      hangMs: HANG_MS,
      status: 503,
    });
    const activity = {
      ...sim.asUser(actionExecute(sim.bot.connector.serviceUrl, VERBS.readinessReport), DEMO.adele),
      replyToId: "card-activity-2",
    };
    const response = await sim.bot.post(activity);
    assert.equal(response.status, 200);
    assert.equal((response.body as { value?: { id?: string } }).value?.id, "working");
    const update = await waitFor(
      () =>
        sim.bot.connector.calls.find(
          (call) => call.method === "PUT" && call.activityId === "card-activity-2",
        ),
      60_000,
    );
    const attachments = update.body.attachments as Array<{ content: { id?: string } }>;
    assert.equal(attachments[0]?.content.id, "error", "the clicked card is replaced by the error card");
  });
});

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) {
      return found;
    }
    if (Date.now() > until) {
      throw new Error("timed out waiting");
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
