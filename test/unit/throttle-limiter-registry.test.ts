import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";

import sinon from "sinon";

import { GRAPH_LIMIT_FAMILIES, LimiterRegistry, systemClock } from "../../src/throttle";

describe("LimiterRegistry", () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: 0, toFake: ["setTimeout", "clearTimeout", "Date"] });
  });
  afterEach(() => clock.restore());

  it("puts reports and audit logs in one family, everything else in the default one", () => {
    const registry = new LimiterRegistry({ families: GRAPH_LIMIT_FAMILIES, clock: systemClock });
    assert.equal(
      registry.familyOf("/reports/authenticationMethods/userRegistrationDetails")?.name,
      "reports",
    );
    assert.equal(registry.familyOf("/auditLogs/signIns")?.name, "reports");
    assert.equal(registry.familyOf("/users/abc/authentication/methods")?.name, "default");
    const a = registry.limiterFor("/reports/x", "tenant-a")!.limiter;
    assert.equal(
      registry.limiterFor("/auditLogs/signIns", "tenant-a")!.limiter,
      a,
      "one limiter for the family",
    );
    assert.notEqual(registry.limiterFor("/auditLogs/signIns", "tenant-b")!.limiter, a, "one per tenant");
  });

  it("installing a Teams app for a user is its own family (30/s), reading installations another (60/s), by method", () => {
    const registry = new LimiterRegistry({ families: GRAPH_LIMIT_FAMILIES, clock: systemClock });
    assert.equal(registry.familyOf("/users/abc/teamwork/installedApps", "POST")?.name, "teamsAppInstall");
    assert.equal(registry.familyOf("/users/abc/teamwork/installedApps", "GET")?.name, "teamsAppRead");
    assert.equal(
      registry.familyOf("/users/abc/teamwork/installedApps/xyz/chat", "GET")?.name,
      "teamsAppRead",
    );
    assert.equal(
      registry.familyOf("/users/abc/teamwork/installedApps?$filter=teamsApp/id eq 'x'", "GET")?.name,
      "teamsAppRead",
    );
    assert.equal(registry.familyOf("/users/abc", "POST")?.name, "default");
    assert.deepEqual(registry.familyOf("/users/abc/teamwork/installedApps", "POST")?.rules, [
      { kind: "window", limit: 30, windowMs: 1_000, marginMs: 100 },
      { kind: "window", limit: 3, windowMs: 100, marginMs: 0 },
    ]);
    assert.notEqual(
      registry.limiterFor("/users/a/teamwork/installedApps", "t", "POST")!.limiter,
      registry.limiterFor("/users/a/teamwork/installedApps", "t", "GET")!.limiter,
    );
  });

  it("scales the published limit for a scaled simulator and counts each grant from the margin after it went", async () => {
    const registry = new LimiterRegistry({
      families: GRAPH_LIMIT_FAMILIES,
      clock: systemClock,
      scale: 2,
      windowMargin: 0.1,
    });
    const { limiter } = registry.limiterFor("/auditLogs/signIns")!;
    assert.deepEqual(limiter.rules, [{ kind: "window", limit: 10, windowMs: 10_000, marginMs: 1_000 }]);
    const times: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      void limiter.acquire().then(() => times.push(Date.now()));
    }
    await clock.tickAsync(20_000);
    assert.deepEqual(times, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 11_000]);
  });
});
