import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { startGraphSimulator } from "../../src/dev/graph-simulator";
import { call, get } from "../support/graph-simulator-client";
import { contosoSmall, manualClock } from "../support/graph-simulator-fixtures";

interface BatchResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: Record<string, unknown>;
}
const responses = (body: unknown) =>
  new Map((body as { responses: BatchResponse[] }).responses.map((r) => [r.id, r]));

describe("graph simulator: $batch, throttling and faults", () => {
  it("answers each batched request on its own: 200, 404 and a throttled 429 with Retry-After", async () => {
    const clock = manualClock();
    const sim = await startGraphSimulator({ snapshot: contosoSmall(), throttle: true, now: clock.now });
    try {
      const requests = [
        { id: "user", method: "GET", url: "/users/bob@contoso.example?$select=id" },
        { id: "missing", method: "GET", url: "users/nobody@contoso.example" },
        ...Array.from({ length: 6 }, (_, i) => ({
          id: `report${i}`,
          method: "GET",
          url: "/reports/authenticationMethods/userRegistrationDetails",
        })),
        { id: "count", method: "GET", url: "/users/$count", headers: { ConsistencyLevel: "eventual" } },
      ];
      const answer = await call(sim, "POST", "/v1.0/$batch", { body: { requests } });
      assert.equal(answer.status, 200);
      const byId = responses(answer.body);
      assert.equal(byId.get("user")!.status, 200);
      assert.equal(byId.get("user")!.body!.id, "b0000000-0000-0000-0000-000000000002");
      assert.equal(byId.get("missing")!.status, 404);
      assert.equal(byId.get("count")!.body as unknown, "4");
      const reports = [...byId.values()].filter((r) => r.id.startsWith("report"));
      assert.equal(reports.filter((r) => r.status === 200).length, 5, "5 report requests per 10 s");
      const throttled = reports.filter((r) => r.status === 429);
      assert.equal(throttled.length, 1);
      assert.match(throttled[0]!.headers["Retry-After"]!, /^\d+$/);
      assert.equal(sim.stats.throttled, 1);
      assert.equal(sim.stats.batches, 1);
      assert.equal(sim.stats.requests, 9);
    } finally {
      await sim.close();
    }
  });

  it("rejects a batch of more than 20 requests with 400", async () => {
    const sim = await startGraphSimulator({ snapshot: contosoSmall() });
    try {
      const requests = Array.from({ length: 21 }, (_, i) => ({
        id: String(i),
        method: "GET",
        url: "/users",
      }));
      const answer = await call(sim, "POST", "/v1.0/$batch", { body: { requests } });
      assert.equal(answer.status, 400);
      assert.equal((answer.body as { error: { code: string } }).error.code, "BadRequest");
    } finally {
      await sim.close();
    }
  });

  it("throttles the reports family with 429 + Retry-After, then serves again once the wait is over", async () => {
    const clock = manualClock();
    const sim = await startGraphSimulator({
      snapshot: contosoSmall(),
      throttle: true,
      throttleScale: 2,
      now: clock.now,
    });
    try {
      for (let i = 0; i < 10; i += 1) {
        assert.equal((await get(sim, "/v1.0/auditLogs/signIns")).status, 200, `request ${i + 1} of 10`);
        clock.advance(100);
      }
      const throttled = await get(sim, "/v1.0/auditLogs/signIns");
      assert.equal(throttled.status, 429);
      const wait = Number(throttled.headers["retry-after"]);
      assert.ok(Number.isInteger(wait) && wait >= 1 && wait <= 10, `Retry-After ${wait}`);
      assert.equal((await get(sim, "/v1.0/users")).status, 200, "other calls draw from another budget");
      clock.advance(wait * 1000);
      assert.equal((await get(sim, "/v1.0/auditLogs/signIns")).status, 200);
      assert.equal(sim.stats.throttled, 1);
    } finally {
      await sim.close();
    }
  });

  it("injects faults for the next N matching requests: 503 with Retry-After, then a hang that times out", async () => {
    const sim = await startGraphSimulator({ snapshot: contosoSmall() });
    try {
      sim.admin.injectFault({ pathPrefix: "/v1.0/users", count: 2, status: 503, retryAfterSeconds: 2 });
      const first = await get(sim, "/v1.0/users");
      assert.equal(first.status, 503);
      assert.equal(first.headers["retry-after"], "2");
      assert.equal((await get(sim, "/v1.0/users/bob@contoso.example")).status, 503);
      assert.equal((await get(sim, "/v1.0/users")).status, 200, "the fault is used up");
      sim.admin.injectFault({ pathPrefix: "/v1.0/policies", count: 1, hangMs: 5_000 });
      await assert.rejects(
        get(sim, "/v1.0/policies/authenticationMethodsPolicy", { timeoutMs: 200 }),
        /timed out/,
      );
      assert.equal((await get(sim, "/v1.0/policies/authenticationMethodsPolicy")).status, 200);
    } finally {
      await sim.close();
    }
  });

  it("adds the configured latency to every response", async () => {
    const sim = await startGraphSimulator({ snapshot: contosoSmall(), latencyMs: 150 });
    try {
      const started = Date.now();
      assert.equal((await get(sim, "/v1.0/users")).status, 200);
      assert.ok(Date.now() - started >= 140);
    } finally {
      await sim.close();
    }
  });
});
