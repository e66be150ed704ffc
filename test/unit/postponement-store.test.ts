import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";

import type { NewPostponementRequest } from "../../src/domain/postponement-request";
import { openDatabase } from "../../src/storage/database";
import { SqlitePostponementRequestStore } from "../../src/storage/postponement-requests";
import { startThread } from "../../src/storage/start-thread";

const root = mkdtempSync(path.join(tmpdir(), "mfa-ready-postponement-"));
after(() => rmSync(root, { recursive: true, force: true }));
const workerFile = path.resolve(__dirname, "..", "support", "postponement-decide-worker.ts");

const newRequest = (id: string): NewPostponementRequest => ({
  id,
  tenantId: "T1",
  requesterId: "U-REQUESTER",
  requesterName: "Ben",
  phase: "2",
  wantedDate: "2026-06-30",
  route: "selfService",
  justification: "j".repeat(30),
  affectedSystems: "pipelines",
  createdAt: "2026-06-01T10:00:00.000Z",
});

describe("the postponement request store", () => {
  it("stores a request pending, ids compared without case, and keeps the approval cards", async () => {
    const db = openDatabase(":memory:");
    const store = new SqlitePostponementRequestStore(db);
    const created = await store.create(newRequest("r1"));
    assert.equal(created.status, "pending");
    assert.equal(created.requesterId, "u-requester");
    assert.deepEqual(await store.get("t1", "r1"), created);
    assert.equal(await store.get("other-tenant", "r1"), undefined);
    await store.addApprovalCard({
      requestId: "r1",
      approverId: "A1",
      conversationId: "c",
      activityId: "x",
      serviceUrl: "s",
    });
    await store.addApprovalCard({
      requestId: "r1",
      approverId: "A1",
      conversationId: "c",
      activityId: "y",
      serviceUrl: "s",
    });
    assert.deepEqual(
      (await store.approvalCards("r1")).map((card) => card.activityId),
      ["y"],
    );
    db.close();
  });

  it("the first decision wins; a later one changes nothing", async () => {
    const db = openDatabase(":memory:");
    const store = new SqlitePostponementRequestStore(db);
    await store.create(newRequest("r1"));
    const at = "2026-06-01T11:00:00.000Z";
    assert.equal(
      await store.decide("t1", "r1", {
        status: "approved",
        decidedById: "A",
        decidedByName: "Adele",
        decidedAt: at,
      }),
      true,
    );
    assert.equal(
      await store.decide("t1", "r1", { status: "declined", decidedById: "B", decidedAt: at }),
      false,
    );
    const stored = await store.get("t1", "r1");
    assert.equal(stored?.status, "approved");
    assert.equal(stored?.decidedByName, "Adele");
    await store.recordApplied("t1", "r1", { kind: "applied", readBackDate: "2026-06-30" });
    assert.deepEqual((await store.get("t1", "r1"))?.applied, { kind: "applied", readBackDate: "2026-06-30" });
    db.close();
  });

  it("four threads with their own connections deciding at once: exactly one decision is recorded", async () => {
    const file = path.join(root, "race.sqlite");
    const db = openDatabase(file);
    await new SqlitePostponementRequestStore(db).create(newRequest("race"));
    const workers = 4;
    const barrier = new Int32Array(new SharedArrayBuffer(4));
    const answers = await Promise.all(
      Array.from({ length: workers }, (_unused, index) => {
        const worker = startThread(workerFile, {
          workerData: { file, requestId: "race", approverId: `approver-${index}`, barrier, workers },
        });
        return new Promise<unknown>((resolve, reject) => {
          worker.once("message", resolve);
          worker.once("error", reject);
        }).finally(() => worker.terminate());
      }),
    );
    assert.equal(answers.filter((won) => won === true).length, 1, JSON.stringify(answers));
    assert.equal(answers.filter((won) => won === false).length, 3);
    const winner = answers.indexOf(true);
    assert.equal(
      (await new SqlitePostponementRequestStore(db).get("t1", "race"))?.decidedById,
      `approver-${winner}`,
    );
    db.close();
  });
});
