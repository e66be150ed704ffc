import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { DirectoryError } from "../../src/directory/errors";
import { StatusService, type StatusServiceOptions } from "../../src/features/status/status-service";
import { createLogger } from "../../src/logger";
import { SnapshotDirectory } from "../support/status-snapshot-directory";

const TENANT = "11111111-2222-3333-4444-555555555555";
const BOB = "b0000000-0000-0000-0000-000000000002";
const ALICE = "a0000000-0000-0000-0000-000000000001";
const CAPTURED = new Date("2026-11-20T09:00:00Z");
const silent = createLogger({ level: "silent" });

function setup(overrides: Partial<StatusServiceOptions> = {}) {
  const directory = new SnapshotDirectory();
  let now = new Date("2026-11-20T10:00:00Z");
  const clock = { now: () => now, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
  const service = new StatusService({
    directory,
    settings: directory.snapshot.settings,
    lookbackDays: 30,
    logger: silent,
    tenantId: TENANT,
    clock: clock.now,
    windowEnd: () => CAPTURED,
    ...overrides,
  });
  return { directory, service, clock };
}

describe("StatusService", () => {
  it("reads the user's facts once per check, in the window ending at the snapshot's capture time", async () => {
    const { directory, service } = setup();
    const view = await service.check({ tenantId: TENANT, userId: BOB });
    assert.equal(view.template, "status");
    assert.equal(
      view.template === "status" && view.data.headline,
      "You are affected by phase 2 and not ready yet",
    );
    assert.equal(directory.calls.getUserFacts, 1);
    assert.deepEqual(directory.windows[0], { start: new Date("2026-10-21T09:00:00Z"), end: CAPTURED });
  });

  it("shares the tenant's method policy across users: later checks cost one round trip", async () => {
    const { directory, service } = setup();
    await service.check({ tenantId: TENANT, userId: BOB });
    await service.check({ tenantId: TENANT, userId: ALICE });
    assert.deepEqual(directory.calls, { getUserFacts: 2, getMethodsPolicy: 1 });
  });

  it("answers from the cache within the TTL, reads again after it, and Refresh (fresh) bypasses it", async () => {
    const { directory, service, clock } = setup({ cacheTtlMs: 60_000 });
    await service.check({ tenantId: TENANT, userId: BOB });
    const again = await service.check({ tenantId: TENANT, userId: BOB });
    assert.equal(again.template === "status" && again.fromCache, true);
    assert.equal(directory.calls.getUserFacts, 1);

    await service.check({ tenantId: TENANT, userId: BOB }, { fresh: true });
    assert.equal(directory.calls.getUserFacts, 2);

    clock.advance(60_000);
    const expired = await service.check({ tenantId: TENANT, userId: BOB });
    assert.equal(expired.template === "status" && expired.fromCache, false);
    assert.equal(directory.calls.getUserFacts, 3);
  });

  it("sees a new passkey on Refresh and turns green", async () => {
    const { directory, service } = setup();
    const before = await service.check({ tenantId: TENANT, userId: BOB });
    assert.equal(before.template === "status" && before.data.tone, "attention");
    directory.snapshot.authenticationMethods![BOB]!.push({
      "@odata.type": "#microsoft.graph.fido2AuthenticationMethod",
      id: "new-key",
    });
    const cached = await service.check({ tenantId: TENANT, userId: BOB });
    assert.equal(
      cached.template === "status" && cached.data.tone,
      "attention",
      "the cache still holds the old answer",
    );
    const after = await service.check({ tenantId: TENANT, userId: BOB }, { fresh: true });
    assert.equal(after.template === "status" && after.data.tone, "good");
    assert.equal(after.template === "status" && after.data.headline, "You are affected by phase 2 and ready");
  });

  it("a user of another tenant, or without an object id, gets the not-found card without a Graph call", async () => {
    const { directory, service } = setup();
    const other = await service.check({ tenantId: "99999999-2222-3333-4444-555555555555", userId: BOB });
    const anonymous = await service.check({ tenantId: TENANT, userId: undefined });
    for (const view of [other, anonymous]) {
      assert.equal(view.template, "status-problem");
      assert.equal(view.template === "status-problem" && view.data.title, "We could not find your account");
    }
    assert.equal(directory.calls.getUserFacts, 0);
  });

  it("a user the directory does not hold (404) gets the not-found card", async () => {
    const { service } = setup();
    const view = await service.check({ tenantId: TENANT, userId: "00000000-0000-0000-0000-00000000dead" });
    assert.equal(view.template === "status-problem" && view.problem.kind, "notInTenant");
  });

  it("throttled Graph says busy and when to come back, from Graph's Retry-After; the error is not cached", async () => {
    const { directory, service } = setup();
    directory.failWith = new DirectoryError("throttled", "Graph answered 429.", {
      status: 429,
      retryAfterMs: 47_200,
    });
    const view = await service.check({ tenantId: TENANT, userId: BOB });
    assert.equal(view.template === "status-problem" && view.data.title, "Microsoft Graph is busy");
    assert.equal(view.template === "status-problem" && view.problem.retryAfterSeconds, 48);
    assert.equal(view.template === "status-problem" && view.data.todo, "Try again in 48 s.");
    directory.failWith = undefined;
    assert.equal((await service.check({ tenantId: TENANT, userId: BOB })).template, "status");
  });

  it("throttled without a Retry-After falls back to 30 s; an unavailable Graph that said when uses it", async () => {
    const { directory, service } = setup();
    directory.failWith = new DirectoryError("throttled", "Graph answered 429.", { status: 429 });
    const throttled = await service.check({ tenantId: TENANT, userId: BOB });
    assert.equal(throttled.template === "status-problem" && throttled.data.todo, "Try again in 30 s.");
    directory.failWith = new DirectoryError("unavailable", "Graph answered 503.", {
      status: 503,
      retryAfterMs: 5_000,
    });
    const unavailable = await service.check({ tenantId: TENANT, userId: BOB });
    assert.equal(unavailable.template === "status-problem" && unavailable.data.todo, "Try again in 5 s.");
  });

  it("a Graph that does not answer in time gives the busy card by the deadline and the read is cancelled", async () => {
    const { directory, service } = setup({ deadlineMs: 100 });
    directory.delayMs = 400;
    const started = Date.now();
    const view = await service.check({ tenantId: TENANT, userId: BOB });
    assert.ok(Date.now() - started < 350, "answered at the deadline, not when Graph finished");
    assert.equal(view.template === "status-problem" && view.problem.kind, "deadline");
    assert.equal(directory.signals[0]?.aborted, true, "the directory was told to stop");
    await new Promise((resolve) => setTimeout(resolve, 450));
    directory.delayMs = 0;
    // What a cancelled read brought back late is not kept: the next check asks Graph again.
    const later = await service.check({ tenantId: TENANT, userId: BOB });
    assert.equal(later.template === "status" && later.fromCache, false);
    assert.equal(directory.calls.getUserFacts, 2);
  });

  it("a missing permission names it; an unexpected error gives a reference and no stack", async () => {
    const { directory, service } = setup();
    directory.failWith = new DirectoryError("forbidden", "Graph answered 403.", {
      status: 403,
      permission: "UserAuthenticationMethod.Read.All",
    });
    const forbidden = await service.check({ tenantId: TENANT, userId: BOB });
    assert.match(
      JSON.stringify(forbidden.template === "status-problem" && forbidden.data),
      /UserAuthenticationMethod\.Read\.All/,
    );

    directory.failWith = new TypeError("Cannot read properties of undefined (reading 'x')");
    const unexpected = await service.check({ tenantId: TENANT, userId: BOB });
    assert.equal(unexpected.template === "status-problem" && unexpected.problem.kind, "unexpected");
    const text = JSON.stringify(unexpected.template === "status-problem" && unexpected.data);
    assert.match(text, /reference [0-9a-f]{8}/);
    assert.doesNotMatch(text, /TypeError|Cannot read|at .*\.ts/);
  });

  it("an unreadable method policy is a data gap, not a failure", async () => {
    const { directory, service } = setup();
    delete directory.snapshot.authenticationMethodsPolicy;
    const view = await service.check({ tenantId: TENANT, userId: BOB });
    assert.equal(view.template, "status");
    assert.ok(
      view.template === "status" && view.data.dataGaps.some((gap) => gap.text.includes("Policy.Read.All")),
    );
  });

  it("concurrent checks for one user share a single read", async () => {
    const { directory, service } = setup();
    directory.delayMs = 20;
    await Promise.all([1, 2, 3].map(() => service.check({ tenantId: TENANT, userId: BOB }, { fresh: true })));
    assert.equal(directory.calls.getUserFacts, 1);
  });
});
