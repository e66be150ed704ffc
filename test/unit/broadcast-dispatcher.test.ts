import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";

import type { AdaptiveCardJson } from "../../src/cards/types";
import { JobRunner } from "../../src/features/broadcast/job-runner";
import type { BroadcastTransport, SendOutcome, SendTarget } from "../../src/features/broadcast/transport";
import { createLogger } from "../../src/logger";
import { type EmbeddedStores, openEmbeddedStores } from "../../src/storage";
import { SqliteBroadcastJobStore } from "../../src/storage/broadcast-jobs";
import { SqliteBroadcastLedger } from "../../src/storage/broadcast-ledger";
import { systemClock } from "../../src/throttle";

const TENANT = "11111111-2222-3333-4444-555555555555";
const card: AdaptiveCardJson = { type: "AdaptiveCard", version: "1.5", id: "broadcast-message" };

/** Answers per conversation from a script (then "sent"), recording every send. */
function scriptedTransport(script: Record<string, SendOutcome[]>): BroadcastTransport & { sends: string[] } {
  const sends: string[] = [];
  let n = 0;
  return {
    sends,
    async send(target: SendTarget) {
      sends.push(target.conversationId);
      const next = script[target.conversationId]?.shift();
      return next ?? { kind: "sent", activityId: `act-${++n}` };
    },
    async update() {
      return { kind: "sent", activityId: "x" };
    },
    async createConversation(target) {
      return { kind: "created", conversationId: `chat-${target.userId}` };
    },
  };
}

describe("broadcast dispatcher", () => {
  let stores: EmbeddedStores;
  let jobs: SqliteBroadcastJobStore;
  let ledger: SqliteBroadcastLedger;

  beforeEach(async () => {
    stores = openEmbeddedStores(":memory:");
    jobs = new SqliteBroadcastJobStore(stores.database);
    ledger = new SqliteBroadcastLedger(stores.database);
  });
  afterEach(() => stores.close());

  const runner = (transport: BroadcastTransport, users: string[], tuning = {}) =>
    new JobRunner({
      jobs,
      ledger,
      transport,
      clock: systemClock,
      logger: createLogger({ level: "silent" }),
      tenantRps: 1000,
      owner: "test",
      resolveTarget: async (tenantId, delivery) => ({
        kind: "target",
        target: {
          tenantId,
          userId: delivery.userId,
          conversationId: `chat-${delivery.userId}`,
          serviceUrl: "http://stub/",
        },
      }),
      render: () => ({ card, summary: "s" }),
      prepare: async (job) => {
        await ledger.add(
          job.id,
          users.map((user) => ({ userId: user, upn: `${user}@x.example`, displayName: user })),
          new Date().toISOString(),
        );
      },
      pollMs: 20,
      tuning: {
        retry: {
          maxAttempts: 3,
          retryStatuses: [412, 429, 502, 503, 504],
          baseDelayMs: 5,
          maxDelayMs: 20,
          maxRetryAfterMs: 5_000,
          random: () => 0.5,
        },
        ...tuning,
      },
    });
  const newJob = (id = "job-1") =>
    jobs.createJob({
      id,
      tenantId: TENANT,
      content: { title: "t", message: "m", audience: { kind: "affected" } },
      authorId: "admin",
      origin: "cli",
      createdAt: new Date().toISOString(),
    });

  it("retries 429 (Retry-After) and 5xx, treats 403 and 404 as final, bounds attempts", async () => {
    const transport = scriptedTransport({
      "chat-u1": [{ kind: "retryable", status: 429, retryAfterMs: 30, reason: "http429" }],
      "chat-u2": [{ kind: "final", status: 403, reason: "blocked" }],
      "chat-u3": [{ kind: "final", status: 404, reason: "notFound" }],
      "chat-u4": [503, 503, 503].map((status) => ({
        kind: "retryable" as const,
        status,
        reason: `http${status}`,
      })),
      "chat-u5": [{ kind: "retryable", status: 412, reason: "http412" }],
    });
    await newJob();
    assert.equal(await runner(transport, ["u1", "u2", "u3", "u4", "u5", "u6"]).run("job-1"), "done");
    const rows = await ledger.page("job-1", 0, 100);
    const byUser = Object.fromEntries(rows.map((row) => [row.userId, row]));
    assert.equal(byUser.u1!.state, "sent");
    assert.equal(byUser.u1!.attempts, 2);
    assert.deepEqual([byUser.u2!.state, byUser.u2!.reason, byUser.u2!.attempts], ["failed", "blocked", 1]);
    assert.deepEqual([byUser.u3!.state, byUser.u3!.reason], ["failed", "notFound"]);
    assert.deepEqual(
      [byUser.u4!.state, byUser.u4!.reason, byUser.u4!.attempts],
      ["failed", "unavailable:http503", 3],
    );
    assert.equal(byUser.u5!.state, "sent");
    assert.match(byUser.u6!.activityId ?? "", /^act-/);
    assert.equal((await jobs.getJob("job-1"))!.state, "done");
    const totals = await ledger.totals("job-1");
    assert.deepEqual(
      [totals.sent, totals.failed, totals.failedByReason],
      [3, 3, { blocked: 1, notFound: 1, "unavailable:http503": 1 }],
    );
  });

  it("after a crash, rows left in sending are re-sent once and reported possibly duplicated", async () => {
    await newJob();
    await ledger.add(
      "job-1",
      ["u1", "u2", "u3"].map((user) => ({ userId: user, upn: user, displayName: user })),
      new Date().toISOString(),
    );
    await jobs.transition("job-1", ["preparing"], "sending");
    // A dead process: u1 sent, u2 marked sending (Teams may have it), u3 untouched.
    await ledger.markSending(
      "job-1",
      1,
      { conversationId: "chat-u1", serviceUrl: "http://stub/" },
      new Date().toISOString(),
    );
    await ledger.markSent("job-1", 1, "act-0", new Date().toISOString());
    await ledger.markSending(
      "job-1",
      2,
      { conversationId: "chat-u2", serviceUrl: "http://stub/" },
      new Date().toISOString(),
    );
    await jobs.acquireLease("job-1", "dead-process", Date.now() - 60_000, 1_000);
    const transport = scriptedTransport({});
    assert.equal(await runner(transport, []).run("job-1"), "done");
    assert.deepEqual(transport.sends.sort(), ["chat-u2", "chat-u3"]);
    const totals = await ledger.totals("job-1");
    assert.deepEqual([totals.sent, totals.possiblyDuplicated], [3, 1]);
    assert.equal((await ledger.get("job-1", "u2"))!.possiblyDuplicated, true);
  });

  it("pauses the whole job when Teams keeps answering 429", async () => {
    const throttled = () =>
      Array.from({ length: 3 }, () => ({
        kind: "retryable" as const,
        status: 429,
        retryAfterMs: 10,
        reason: "http429",
      }));
    const transport = scriptedTransport({
      "chat-u1": throttled(),
      "chat-u2": throttled(),
      "chat-u3": throttled(),
    });
    await newJob();
    const end = await new Promise<string>((resolve) => {
      // The runner would resume by itself after throttlePauseMs; the test reads the pause, then stops it.
      const r = runner(transport, ["u1", "u2", "u3"], {
        pauseAfterConsecutive429: 3,
        throttlePauseMs: 60_000,
      });
      void r.run("job-1");
      const check = setInterval(async () => {
        const job = await jobs.getJob("job-1");
        if (job?.state === "paused") {
          clearInterval(check);
          await r.stopAll();
          resolve(`${job.state}:${job.pauseReason}`);
        }
      }, 10);
    });
    assert.equal(end, "paused:throttled");
    assert.equal((await ledger.totals("job-1")).sent, 0);
  });

  it("a job leased by a live process is not sent by another", async () => {
    await newJob();
    assert.equal(await jobs.acquireLease("job-1", "other", Date.now(), 60_000), true);
    const transport = scriptedTransport({});
    assert.equal(await runner(transport, ["u1"]).run("job-1"), "stopped");
    assert.equal(transport.sends.length, 0);
  });
});
