import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import type { TenantSnapshot } from "../../src/directory/graph-types";
import { StatusService } from "../../src/features/status/status-service";
import { createLogger } from "../../src/logger";
import { demoSnapshot } from "../support/bot-over-simulator";
import { type Harness, startHarness } from "../support/graph-directory-harness";

const DEADLINE_MS = 1_500;

/**
 * Graph's reports family allows 5 requests per 10 s, and each status check reads its sign-ins there: a
 * burst of checks cannot all be answered in time. Those past their deadline must be cancelled, not wait on
 * in the throttle's queue and keep it busy for the next person.
 */
describe("status checks past their deadline are cancelled, not left running", () => {
  let harness: Harness;
  let snapshot: TenantSnapshot;
  let service: StatusService;

  before(async () => {
    snapshot = demoSnapshot();
    // The real client-side limits (scale 1): the reports family is the bottleneck, as against Graph.
    harness = await startHarness(snapshot, { directory: { throttleScale: 1 } });
    service = new StatusService({
      directory: harness.directory,
      settings: snapshot.settings,
      lookbackDays: 30,
      logger: createLogger({ level: "silent" }),
      windowEnd: () => new Date(snapshot.capturedAt),
      deadlineMs: DEADLINE_MS,
    });
  });
  after(async () => {
    await harness.close();
  });

  const signInReads = () =>
    Object.entries(harness.simulator.stats.byPath)
      .filter(([label]) => /signIn/i.test(label))
      .reduce((sum, [, count]) => sum + count, 0);

  it("30 at once: those that cannot be answered in time end at the deadline and send nothing after it", async () => {
    const users = snapshot.users.slice(0, 30).map((user) => user.id);
    const started = Date.now();
    const views = await Promise.all(users.map((userId) => service.check({ tenantId: "t", userId })));
    const settledMs = Date.now() - started;
    const busy = views.filter((view) => view.template === "status-problem").length;
    assert.ok(busy > 0, "the burst is more than the reports family allows in time");
    assert.ok(views.length - busy > 0, "the first ones are answered");
    assert.ok(settledMs < DEADLINE_MS + 1_000, `all settled by the deadline (${settledMs} ms)`);

    // Past the family's 10 s window the throttle would have let queued ones go: none is left to go.
    const atDeadline = signInReads();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 11_000 - (Date.now() - started))));
    assert.equal(signInReads(), atDeadline, "no cancelled check reached Graph after its deadline");

    // The next person is answered: the throttle's slots were not taken by checks nobody waits for.
    const next = await service.check({ tenantId: "t", userId: snapshot.users[30]!.id });
    assert.equal(next.template, "status");
  });
});
