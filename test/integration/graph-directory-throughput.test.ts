import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";

import sinon from "sinon";

import { readConfig } from "../../src/config";
import { generateTenant } from "../../src/dev/generate-tenant";
import { type ConfiguredDirectory, createDirectory } from "../../src/directory/create-directory";
import type { TenantSnapshot } from "../../src/directory/graph-types";
import { createStatusService } from "../../src/features/status/create-status-service";
import type { StatusView } from "../../src/features/status/status-service";
import { createLogger } from "../../src/logger";
import { IN_PROCESS_GRAPH_URL, InProcessGraph } from "../support/in-process-graph";

/**
 * Graph's real limits, unscaled: the reports family (sign-ins, registration report) allows 5 requests per
 * 10 s per tenant. Time is virtual (fake setTimeout/clearTimeout/Date only: faking setImmediate would end
 * this file silently), and Graph is the simulator's handlers in process, enforcing the same 5 / 10 s.
 */
const snapshot = generateTenant({ users: 40, seed: 21 });
const window = {
  start: new Date(Date.parse(snapshot.capturedAt) - 30 * 86_400_000),
  end: new Date(snapshot.capturedAt),
};
const silent = createLogger({ level: "silent" });
const token = { getAccessToken: async () => "in-process-token" };

function open(tenant: TenantSnapshot = snapshot): { graph: InProcessGraph; directory: ConfiguredDirectory } {
  const graph = new InProcessGraph(tenant, { throttle: true });
  const directory = createDirectory(readConfig({}), silent, {
    graphBaseUrl: IN_PROCESS_GRAPH_URL,
    transport: graph,
    tokens: { graph: token, arm: token },
  });
  return { graph, directory };
}

describe("status throughput under Graph's real reports limit (virtual time)", () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({
      now: Date.parse("2026-11-20T10:00:00Z"),
      toFake: ["setTimeout", "clearTimeout", "Date"],
    });
  });
  afterEach(() => clock.restore());

  /** Advances virtual time in small steps, letting real I/O callbacks run between them, until all settle. */
  async function settle<T>(work: Array<Promise<T>>, maxMs: number, stepMs = 25): Promise<void> {
    let done = 0;
    for (const promise of work) {
      promise.then(
        () => (done += 1),
        () => (done += 1),
      );
    }
    for (let ms = 0; ms <= maxMs && done < work.length; ms += stepMs) {
      await new Promise((resolve) => setImmediate(resolve));
      await clock.tickAsync(stepMs);
    }
    assert.equal(done, work.length, `all settled within ${maxMs} virtual ms`);
  }

  /** A fresh check (Refresh) per user, each with its virtual latency. */
  function checks(service: ReturnType<typeof createStatusService>, userIds: string[]) {
    return userIds.map(async (userId) => {
      const started = Date.now();
      const view: StatusView = await service.check({ tenantId: snapshot.tenant.id, userId }, { fresh: true });
      return { view, ms: Date.now() - started };
    });
  }

  it("a user's $batch takes one reports-family slot: 1 batch + 4 sign-in reads go at once, the 6th waits out the window", async () => {
    const { graph, directory } = open();
    try {
      const started = Date.now();
      await settle([directory.getUserFacts(snapshot.users[0]!.id, window)], 1_000);
      const scope = { appIds: ["04b07795-8ddb-461a-bbee-02f9e1bf7b46"], resourceIds: [] };
      const reads = Array.from({ length: 5 }, () => directory.listSignIns(window, scope));
      const at: number[] = [];
      reads.forEach((read) => read.then(() => at.push(Date.now() - started)));
      await settle(reads, 12_000);
      at.sort((a, b) => a - b);
      assert.ok(
        at.slice(0, 4).every((ms) => ms < 100),
        `four at once: ${at.join(", ")}`,
      );
      // Graph counts 10 s; the client's window is 2 % wider for the travel between us and Graph.
      assert.ok(at[4]! >= 10_000 && at[4]! <= 10_400, `the sixth waits out the window: ${at[4]} ms`);
      assert.equal(
        graph.reportsAt.length,
        6,
        "one reports request beside the batch (beta sign-ins), five sign-in reads",
      );
      assert.equal(graph.stats.throttled, 0, "the client waited; Graph never had to say 429");
      assert.equal(
        graph.stats.byPath["GET /reports/authenticationMethods/userRegistrationDetails/{id}"] ?? 0,
        0,
      );
    } finally {
      directory.close();
    }
  });

  // Six rounds of five Refreshes, 10 s apart: a minute of the reports family fully used. The client's
  // window is 2 % wider than Graph's (10.2 s, for the travel to Graph), so each round at exactly Graph's
  // rate starts 200 ms later than the one before; far inside the deadline for any real burst.
  it("sustains 5 fresh status checks per 10 s per tenant for a minute, each far inside the 8 s busy deadline", async (t) => {
    const { graph, directory } = open();
    const service = createStatusService({ assessment: readConfig({}).assessment }, silent, {
      directory,
      tenantId: snapshot.tenant.id,
      snapshot: { capturedAt: snapshot.capturedAt, settings: snapshot.settings },
    });
    try {
      const users = snapshot.users.map((user) => user.id);
      const rounds: number[][] = [];
      const cards: string[] = [];
      const first = Date.now();
      for (let round = 0; round < 6; round += 1) {
        await clock.tickAsync(first + round * 10_000 - Date.now());
        const batch = checks(service, users.slice(round * 5, round * 5 + 5));
        await settle(batch, 8_000);
        const results = await Promise.all(batch);
        rounds.push(results.map(({ ms }) => ms));
        cards.push(...results.map(({ view }) => view.template));
      }
      assert.deepEqual(
        cards,
        Array.from({ length: 30 }, () => "status"),
      );
      const slowest = rounds.map((latencies) => Math.max(...latencies));
      for (const [round, ms] of slowest.entries()) {
        assert.ok(
          ms <= round * 204 + 100,
          `round ${round}: slowest ${ms} virtual ms (${slowest.join(", ")})`,
        );
      }
      t.diagnostic(`slowest check per round (virtual ms): ${slowest.join(", ")}`);
      assert.ok(Math.max(...slowest) < 1_500, `slowest of all ${Math.max(...slowest)} ms, deadline 8,000`);
      assert.equal(graph.reportsAt.length, 30, "one reports-family request per check");
      assert.equal(graph.stats.throttled, 0, "and Graph never had to answer 429");
    } finally {
      directory.close();
    }
  });

  it("a 6th fresh check in the same 10 s waits for the window and gets the busy card at 8 s; its read is cancelled", async () => {
    const { directory } = open();
    const service = createStatusService({ assessment: readConfig({}).assessment }, silent, {
      directory,
      tenantId: snapshot.tenant.id,
      snapshot: { capturedAt: snapshot.capturedAt, settings: snapshot.settings },
    });
    try {
      const users = snapshot.users.slice(0, 6).map((user) => user.id);
      const batch = checks(service, users);
      await settle(batch, 9_000);
      const results = await Promise.all(batch);
      assert.deepEqual(
        results.map(({ view }) => (view.template === "status" ? "status" : view.problem.kind)),
        ["status", "status", "status", "status", "status", "deadline"],
      );
      assert.ok(results[5]!.ms >= 8_000 && results[5]!.ms < 8_100, `busy at ${results[5]!.ms} ms`);
      // Cancelled in the throttle's queue: it never reached Graph, so it took no slot of the next window.
      await clock.tickAsync(2_500);
      await new Promise((resolve) => setImmediate(resolve));
      const later = checks(service, [users[5]!]);
      await settle(later, 1_000);
      const [again] = await Promise.all(later);
      assert.equal(again!.view.template === "status" && again!.view.fromCache, false);
      assert.ok(again!.ms < 1_000, `answered at once in the new window (${again!.ms} ms)`);
    } finally {
      directory.close();
    }
  });
});
