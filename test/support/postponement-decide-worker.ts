// A thread with its own SQLite connection that decides one postponement request, for the race test.
// workerData { file, requestId, approverId, barrier (Int32Array over a SharedArrayBuffer), workers }.
import { parentPort, workerData } from "node:worker_threads";

import { openDatabase } from "../../src/storage/database";
import { SqlitePostponementRequestStore } from "../../src/storage/postponement-requests";

interface Job {
  file: string;
  requestId: string;
  approverId: string;
  barrier: Int32Array;
  workers: number;
}

async function main(job: Job): Promise<boolean> {
  const db = openDatabase(job.file);
  try {
    const store = new SqlitePostponementRequestStore(db);
    // Every thread arrives before any decides, so the UPDATEs really overlap.
    Atomics.add(job.barrier, 0, 1);
    Atomics.notify(job.barrier, 0);
    while (Atomics.load(job.barrier, 0) < job.workers) {
      Atomics.wait(job.barrier, 0, Atomics.load(job.barrier, 0), 50);
    }
    return await store.decide("t1", job.requestId, {
      status: "approved",
      decidedById: job.approverId,
      decidedAt: new Date().toISOString(),
    });
  } finally {
    db.close();
  }
}

main(workerData as Job).then(
  (won) => parentPort?.postMessage(won),
  (error: unknown) => parentPort?.postMessage(`error: ${String(error)}`),
);
