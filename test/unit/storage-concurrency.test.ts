import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";

import { openDatabase } from "../../src/storage/database";
import { SqliteStorage } from "../../src/storage/sqlite-storage";
import { startThread } from "../../src/storage/start-thread";
import { StorageConflictError } from "../../src/storage/storage-errors";

const root = mkdtempSync(path.join(tmpdir(), "mfa-ready-concurrency-"));
after(() => rmSync(root, { recursive: true, force: true }));
const workerFile = path.resolve(__dirname, "..", "support", "storage-writer-worker.ts");

/** Runs `workers` threads, each with its own connection to `file`; resolves with their answers. */
function runWorkers(
  file: string,
  mode: "same-key" | "many-keys",
  workers: number,
  keys = 0,
): Promise<string[]> {
  const barrier = new Int32Array(new SharedArrayBuffer(4));
  return Promise.all(
    Array.from({ length: workers }, (_unused, id) => {
      const worker = startThread(workerFile, {
        workerData: { file, mode, id, barrier, workers, keys },
      });
      return new Promise<string>((resolve, reject) => {
        worker.once("message", (answer: string) => resolve(answer));
        worker.once("error", reject);
      }).finally(() => worker.terminate());
    }),
  );
}

describe("SqliteStorage under concurrent writers", () => {
  it("two connections with the same eTag: the first write wins, the second conflicts", async () => {
    const file = path.join(root, "two.sqlite");
    const a = openDatabase(file);
    const b = openDatabase(file);
    try {
      const left = new SqliteStorage(a);
      const right = new SqliteStorage(b);
      await left.write({ k: { v: 0 } });
      const seenByLeft = (await left.read(["k"])).k!;
      const seenByRight = (await right.read(["k"])).k!;
      assert.equal(seenByLeft.eTag, seenByRight.eTag);
      await left.write({ k: { ...seenByLeft, v: "left" } });
      await assert.rejects(right.write({ k: { ...seenByRight, v: "right" } }), StorageConflictError);
      assert.equal((await right.read(["k"])).k!.v, "left");
    } finally {
      a.close();
      b.close();
    }
  });

  it("threads racing on one key with the same eTag: exactly one wins and its value is stored", async () => {
    const file = path.join(root, "race.sqlite");
    const db = openDatabase(file);
    const storage = new SqliteStorage(db);
    await storage.write({ shared: { winner: -1 } });
    try {
      const answers = await runWorkers(file, "same-key", 4);
      assert.equal(answers.filter((answer) => answer === "won").length, 1, answers.join(","));
      assert.equal(
        answers.filter((answer) => answer === "StorageConflictError").length,
        3,
        answers.join(","),
      );
      const stored = (await storage.read(["shared"])).shared!;
      assert.equal(stored.winner, answers.indexOf("won"));
    } finally {
      db.close();
    }
  });

  it("threads writing different keys at once: every write lands", async () => {
    const file = path.join(root, "many.sqlite");
    const workers = 4;
    const keys = 50;
    const answers = await runWorkers(file, "many-keys", workers, keys);
    assert.deepEqual(answers, Array(workers).fill("done"));
    const db = openDatabase(file);
    try {
      const wanted = Array.from(
        { length: workers * keys },
        (_unused, n) => `w${Math.floor(n / keys)}-k${n % keys}`,
      );
      const read = await new SqliteStorage(db).read(wanted);
      assert.equal(Object.keys(read).length, workers * keys);
      assert.deepEqual(read["w3-k49"]!.by, 3);
    } finally {
      db.close();
    }
  });
});
