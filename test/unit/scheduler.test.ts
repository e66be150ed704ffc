import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";

import pino from "pino";

import { createScheduler } from "../../src/features/scheduler/scheduler";
import { openDatabase } from "../../src/storage/database";
import { SqliteScheduledJobStore } from "../../src/storage/scheduled-jobs";

const logger = pino({ level: "silent" });
const tenantId = "t1";
const root = mkdtempSync(path.join(tmpdir(), "mfa-ready-scheduler-"));
after(() => rmSync(root, { recursive: true, force: true }));

function clockAt(iso: string) {
  let current = new Date(iso);
  return {
    now: () => current,
    advance(ms: number) {
      current = new Date(current.getTime() + ms);
    },
  };
}

describe("scheduler", () => {
  it("runs a job only when it falls due, once", async () => {
    const clock = clockAt("2026-11-28T09:00:00Z");
    const store = new SqliteScheduledJobStore(openDatabase(":memory:"));
    const scheduler = createScheduler({ store, logger, now: clock.now });
    const ran: string[] = [];
    scheduler.on("reminder", async (job) => {
      ran.push(String(job.payload.requestId));
    });
    await scheduler.schedule({
      kind: "reminder",
      tenantId,
      runAt: "2026-11-30T09:00:00Z",
      payload: { requestId: "r1" },
    });

    assert.equal(await scheduler.runDue(), 0);
    clock.advance(2 * 24 * 3600_000);
    assert.equal(await scheduler.runDue(), 1);
    assert.equal(await scheduler.runDue(), 0);
    assert.deepEqual(ran, ["r1"]);
    assert.deepEqual(store.list(), []);
  });

  it("replaces a job scheduled again under the same key, and cancels by key", async () => {
    const clock = clockAt("2026-11-28T09:00:00Z");
    const store = new SqliteScheduledJobStore(openDatabase(":memory:"));
    const scheduler = createScheduler({ store, logger, now: clock.now });
    await scheduler.schedule({
      kind: "daily",
      key: "t1",
      tenantId,
      runAt: "2026-11-29T06:00:00Z",
      payload: { n: 1 },
    });
    await scheduler.schedule({
      kind: "daily",
      key: "t1",
      tenantId,
      runAt: "2026-11-29T07:00:00Z",
      payload: { n: 2 },
    });
    assert.deepEqual(
      store.list("daily").map((job) => [job.runAt, job.payload.n]),
      [["2026-11-29T07:00:00.000Z", 2]],
    );
    assert.equal(await scheduler.cancel("daily", "t1"), true);
    assert.equal(await scheduler.cancel("daily", "t1"), false);
    assert.deepEqual(store.list(), []);
  });

  it("retries a failing job later, a bounded number of times", async () => {
    const clock = clockAt("2026-11-28T09:00:00Z");
    const store = new SqliteScheduledJobStore(openDatabase(":memory:"));
    const scheduler = createScheduler({ store, logger, now: clock.now, maxAttempts: 2 });
    let calls = 0;
    scheduler.on("flaky", async () => {
      calls += 1;
      throw new Error("Graph said no");
    });
    await scheduler.schedule({ kind: "flaky", tenantId, runAt: "2026-11-28T09:00:00Z", payload: {} });
    assert.equal(await scheduler.runDue(), 1);
    assert.equal(store.list()[0]?.attempts, 1);
    assert.equal(await scheduler.runDue(), 0, "not before the retry delay");
    clock.advance(60_000);
    assert.equal(await scheduler.runDue(), 1);
    assert.equal(calls, 2);
    assert.deepEqual(store.list(), [], "given up after the last attempt");
  });

  it("survives a restart, and two instances on one database run a job once", async () => {
    const file = path.join(root, "jobs.sqlite");
    const clock = clockAt("2026-11-28T09:00:00Z");
    const first = openDatabase(file);
    await createScheduler({ store: new SqliteScheduledJobStore(first), logger, now: clock.now }).schedule({
      kind: "reminder",
      tenantId,
      runAt: "2026-11-28T10:00:00Z",
      payload: { requestId: "r2" },
    });
    first.close();

    clock.advance(3600_000);
    const ran: string[] = [];
    const instances = [openDatabase(file), openDatabase(file)].map((database, index) => {
      const scheduler = createScheduler({
        store: new SqliteScheduledJobStore(database),
        logger,
        now: clock.now,
      });
      scheduler.on("reminder", async (job) => {
        ran.push(`${index}:${String(job.payload.requestId)}`);
      });
      return { database, scheduler };
    });
    const counts = await Promise.all(instances.map(({ scheduler }) => scheduler.runDue()));
    assert.equal(counts[0]! + counts[1]!, 1);
    assert.equal(ran.length, 1);
    assert.match(ran[0]!, /:r2$/);
    for (const { database } of instances) {
      database.close();
    }
  });
});
