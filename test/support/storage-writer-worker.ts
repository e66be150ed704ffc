// A separate thread with its own SQLite connection, for the storage concurrency tests.
// Protocol: workerData { file, mode, id, barrier (Int32Array over a SharedArrayBuffer), workers, keys }.
import { parentPort, workerData } from "node:worker_threads";

import { openDatabase } from "../../src/storage/database";
import { SqliteStorage } from "../../src/storage/sqlite-storage";

interface Job {
  file: string;
  mode: "same-key" | "many-keys";
  id: number;
  barrier: Int32Array;
  workers: number;
  keys: number;
}

/** Waits until every worker has arrived, so the writes below really overlap. */
function arriveAndWait(barrier: Int32Array, workers: number): void {
  Atomics.add(barrier, 0, 1);
  Atomics.notify(barrier, 0);
  while (Atomics.load(barrier, 0) < workers) {
    Atomics.wait(barrier, 0, Atomics.load(barrier, 0), 50);
  }
}

async function main(job: Job): Promise<string> {
  const db = openDatabase(job.file);
  const storage = new SqliteStorage(db);
  try {
    if (job.mode === "same-key") {
      const current = (await storage.read(["shared"])).shared!;
      arriveAndWait(job.barrier, job.workers);
      try {
        await storage.write({ shared: { ...current, winner: job.id } });
        return "won";
      } catch (err) {
        return (err as Error).name;
      }
    }
    arriveAndWait(job.barrier, job.workers);
    for (let i = 0; i < job.keys; i++) {
      await storage.write({ [`w${job.id}-k${i}`]: { by: job.id, i } });
    }
    return "done";
  } finally {
    db.close();
  }
}

main(workerData as Job).then(
  (result) => parentPort?.postMessage(result),
  (err: unknown) => parentPort?.postMessage(`failed: ${(err as Error).message}`),
);
