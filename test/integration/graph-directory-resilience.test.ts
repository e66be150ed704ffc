import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { generateTenant } from "../../src/dev/generate-tenant";
import { DirectoryError } from "../../src/directory/errors";
import { type Harness, startHarness } from "../support/graph-directory-harness";

const ADELE = "a0000000-0000-4000-8000-000000000001";
const snapshot = generateTenant({ users: 200, seed: 11 });
const window = {
  start: new Date(Date.parse(snapshot.capturedAt) - 30 * 86_400_000),
  end: new Date(snapshot.capturedAt),
};

async function drain<T>(items: AsyncIterable<T>): Promise<number> {
  let n = 0;
  for await (const _item of items) {
    n += 1;
  }
  return n;
}

describe("GraphDirectory under throttling, failures and hangs", () => {
  let harness: Harness;
  before(async () => {
    // A short per-request timeout and quick backoff keep the test fast; Retry-After is still waited in full.
    harness = await startHarness(snapshot, {
      timeoutMs: 300,
      directory: { retry: { maxAttempts: 3, baseDelayMs: 20 } },
    });
  });
  after(() => harness.close());

  it("waits out a 429's Retry-After and then succeeds", async () => {
    harness.simulator.admin.injectFault({
      pathPrefix: "/v1.0/users",
      count: 1,
      status: 429,
      retryAfterSeconds: 1,
    });
    const started = Date.now();
    assert.equal(await drain(harness.directory.listUsers()), 200);
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 1_000 && elapsed < 2_500, `took ${elapsed} ms`);
    const retries = harness.lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.msg === "graph retry");
    assert.deepEqual(
      retries.map((entry) => [entry.status, entry.delayMs]),
      [[429, 1_000]],
    );
  });

  it("retries a 503 with backoff, and gives up as unavailable after the bounded attempts", async () => {
    harness.simulator.admin.injectFault({ pathPrefix: "/v1.0/policies/", count: 1, status: 503 });
    assert.ok((await harness.directory.getMethodsPolicy()).authenticationMethodConfigurations.length > 0);
    harness.simulator.admin.injectFault({ pathPrefix: "/v1.0/users/", count: 3, status: 503 });
    await assert.rejects(harness.directory.listMethods(ADELE), (error: unknown) => {
      assert.ok(error instanceof DirectoryError);
      assert.equal(error.reason, "unavailable");
      assert.equal(error.retryable, true);
      return true;
    });
  });

  it("turns a hung request into a timeout after the bounded attempts", async () => {
    harness.simulator.admin.injectFault({ pathPrefix: "/v1.0/roleManagement/", count: 3, hangMs: 5_000 });
    const started = Date.now();
    await assert.rejects(drain(harness.directory.listRoleAssignments(ADELE)), (error: unknown) => {
      assert.ok(error instanceof DirectoryError);
      assert.equal(error.reason, "timeout");
      assert.match(error.message, /no answer within 300 ms/);
      return true;
    });
    assert.ok(Date.now() - started < 3_000);
    harness.simulator.admin.clearFaults();
  });

  it("does not repeat a POST that timed out (a Temporary Access Pass must not be issued twice)", async () => {
    harness.simulator.admin.injectFault({
      pathPrefix: "/v1.0/users/",
      method: "POST",
      count: 1,
      hangMs: 2_000,
    });
    const before =
      harness.simulator.stats.byPath["POST /users/{id}/authentication/temporaryAccessPassMethods"] ?? 0;
    await assert.rejects(
      harness.directory.createTemporaryAccessPass(ADELE, { lifetimeInMinutes: 60, isUsableOnce: true }),
      (error: unknown) => error instanceof DirectoryError && error.reason === "timeout",
    );
    assert.equal(
      (harness.simulator.stats.byPath["POST /users/{id}/authentication/temporaryAccessPassMethods"] ?? 0) -
        before,
      1,
    );
  });

  it("in a $batch, retries only the inner 429 after its Retry-After and keeps the 200s and a 404 as they are", async () => {
    harness.simulator.admin.injectFault({
      pathPrefix: `/v1.0/users/${ADELE}/authentication/methods`,
      count: 1,
      status: 429,
      retryAfterSeconds: 1,
    });
    harness.simulator.admin.injectFault({
      pathPrefix: `/v1.0/users/${ADELE}/transitiveMemberOf`,
      count: 1,
      status: 404,
    });
    const stats = harness.simulator.stats;
    const before = {
      batches: stats.batches,
      users: stats.byPath["GET /users/{id}"] ?? 0,
      methods: stats.byPath["GET /users/{id}/authentication/methods"] ?? 0,
      betaSignIns: stats.byPath["GET /beta/auditLogs/signIns"] ?? 0,
    };
    const started = Date.now();
    const facts = await harness.directory.getUserFacts(ADELE, window);
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 1_000, `Retry-After honoured (${elapsed} ms)`);
    assert.equal(stats.batches - before.batches, 2, "the second batch holds only the throttled request");
    assert.equal((stats.byPath["GET /users/{id}"] ?? 0) - before.users, 1);
    assert.equal((stats.byPath["GET /users/{id}/authentication/methods"] ?? 0) - before.methods, 2);
    assert.equal(
      (stats.byPath["GET /beta/auditLogs/signIns"] ?? 0) - before.betaSignIns,
      1,
      "beside the batch, once",
    );
    assert.ok(facts.methods !== undefined);
    assert.ok(facts.signIns !== undefined && facts.signIns.length > 0);
    assert.equal(facts.groupIds, undefined);
    assert.deepEqual(facts.dataGaps, [{ data: "groups", reason: "notFound" }]);
  });

  it("names an inner 429 that outlasts the attempts as a throttled gap, not a failed check", async () => {
    harness.simulator.admin.injectFault({
      pathPrefix: "/v1.0/users/" + ADELE + "/transitiveMemberOf",
      count: 3,
      status: 429,
      retryAfterSeconds: 0,
    });
    const facts = await harness.directory.getUserFacts(ADELE, window);
    assert.equal(facts.groupIds, undefined);
    assert.deepEqual(facts.dataGaps, [{ data: "groups", reason: "throttled" }]);
  });
});

describe("GraphDirectory against the simulator's own throttling", () => {
  let harness: Harness;
  before(async () => {
    // The client believes the reports family allows 10 per 10 s; the simulator enforces Graph's 5.
    harness = await startHarness(snapshot, {
      simulator: { throttle: true, throttleScale: 1 },
      directory: { throttleScale: 2 },
    });
  });
  after(() => harness.close());

  it("meets a real 429, waits its Retry-After, holds the whole family, and completes every read", async () => {
    const scope = { appIds: ["04b07795-8ddb-461a-bbee-02f9e1bf7b46"], resourceIds: [] };
    const started = Date.now();
    const counts: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      const signIns = await harness.directory.listSignIns(window, scope);
      assert.equal(signIns.available, true);
      counts.push(signIns.available ? await drain(signIns.items) : -1);
    }
    const elapsed = Date.now() - started;
    assert.equal(new Set(counts).size, 1);
    assert.equal(
      harness.simulator.stats.throttled,
      1,
      "one 429, then the family waits instead of asking again",
    );
    assert.ok(elapsed >= 9_000 && elapsed < 15_000, `took ${elapsed} ms`);
  });
});
