import type { VerdictRow } from "../domain/report-types";
import type { Database } from "./database";

/** A batch of verdict rows as their column values, six to a row: cheap to hand to another thread. */
export type EncodedVerdictRows = Array<string | number>;

const COLUMNS = 6;

/** The columns a row is stored as; the verdict's JSON is made here, on the caller's thread. */
export function encodeVerdictRows(rows: readonly VerdictRow[]): EncodedVerdictRows {
  const encoded: EncodedVerdictRows = [];
  for (const row of rows) {
    encoded.push(
      row.seq,
      row.verdict.userId.toLowerCase(),
      row.affected ? 1 : 0,
      row.ready ? 1 : 0,
      `,${row.findings.join(",")},`,
      JSON.stringify(row.verdict),
    );
  }
  return encoded;
}

/** Appends encoded rows to a scan, a batch to a transaction, through one prepared statement. */
export function verdictInserter(db: Database): (scanId: string, rows: EncodedVerdictRows) => void {
  const insert = db.prepare(
    `INSERT INTO report_verdicts (scan_id, seq, user_id, affected, ready, findings, verdict) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  return db.transaction((scanId: string, rows: EncodedVerdictRows) => {
    for (let at = 0; at < rows.length; at += COLUMNS) {
      insert.run(scanId, ...rows.slice(at, at + COLUMNS));
    }
  });
}
