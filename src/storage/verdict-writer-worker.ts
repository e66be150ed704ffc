// The verdict writer's thread: its own connection to the database file, one transaction per batch.
// Protocol: workerData { file }; a message { id, scanId, rows } is answered { id } once committed, or
// { id, error } when it could not be.
import { parentPort, workerData } from "node:worker_threads";

import { connect } from "./database";
import { type EncodedVerdictRows, verdictInserter } from "./verdict-insert";

const db = connect((workerData as { file: string }).file);
const append = verdictInserter(db);

parentPort!.on("message", (batch: { id: number; scanId: string; rows: EncodedVerdictRows }) => {
  try {
    append(batch.scanId, batch.rows);
    parentPort!.postMessage({ id: batch.id });
  } catch (error) {
    parentPort!.postMessage({ id: batch.id, error: error instanceof Error ? error.message : String(error) });
  }
});
