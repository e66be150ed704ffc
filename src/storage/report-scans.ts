import type { ScanChanges, ScanRecord, ScanStatus, ScanSummary, VerdictRow } from "../domain/report-types";
import type { Verdict } from "../domain/verdict";
import type { Database } from "./database";

interface ScanRow {
  id: string;
  tenant_id: string;
  status: ScanStatus;
  requested_by: string;
  started_at: string;
  finished_at: string | null;
  window_end: string;
  users: number;
  csv_bytes: number;
  summary: string | null;
  error: string | null;
}

const fromRow = (row: ScanRow): ScanRecord => ({
  id: row.id,
  tenantId: row.tenant_id,
  status: row.status,
  requestedBy: row.requested_by,
  startedAt: row.started_at,
  finishedAt: row.finished_at ?? undefined,
  windowEnd: row.window_end,
  users: row.users,
  csvBytes: row.csv_bytes,
  summary: row.summary === null ? undefined : (JSON.parse(row.summary) as ScanSummary),
  error: row.error ?? undefined,
});

const norm = (id: string) => id.toLowerCase();

export class SqliteReportScanStore {
  /** A scan appends a tenant's every verdict, 100 to a call: one statement and one transaction serve them all. */
  private readonly appendRows: (scanId: string, rows: readonly VerdictRow[]) => void;

  constructor(
    private readonly db: Database,
    private readonly pageSize = 1000,
  ) {
    const insert = db.prepare(
      `INSERT INTO report_verdicts (scan_id, seq, user_id, affected, ready, findings, verdict) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.appendRows = db.transaction((scanId: string, rows: readonly VerdictRow[]) => {
      for (const row of rows) {
        insert.run(
          scanId,
          row.seq,
          norm(row.verdict.userId),
          row.affected ? 1 : 0,
          row.ready ? 1 : 0,
          `,${row.findings.join(",")},`,
          JSON.stringify(row.verdict),
        );
      }
    });
  }

  async create(
    scan: Pick<ScanRecord, "id" | "tenantId" | "requestedBy" | "startedAt" | "windowEnd">,
  ): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO report_scans (id, tenant_id, status, requested_by, started_at, window_end)
         VALUES (?, ?, 'running', ?, ?, ?)`,
      )
      .run(scan.id, norm(scan.tenantId), scan.requestedBy, scan.startedAt, scan.windowEnd);
  }

  async appendVerdicts(scanId: string, rows: readonly VerdictRow[]): Promise<void> {
    this.appendRows(scanId, rows);
  }

  async finish(
    scanId: string,
    outcome: {
      status: Exclude<ScanStatus, "running">;
      finishedAt: string;
      users: number;
      csvBytes: number;
      summary?: ScanSummary;
      error?: string;
    },
  ): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE report_scans SET status = ?, finished_at = ?, users = ?, csv_bytes = ?, summary = ?, error = ? WHERE id = ?`,
        )
        .run(
          outcome.status,
          outcome.finishedAt,
          outcome.users,
          outcome.csvBytes,
          outcome.summary === undefined ? null : JSON.stringify(outcome.summary),
          outcome.error ?? null,
          scanId,
        );
      if (outcome.status !== "completed") {
        // A partial scan is never shown, compared or exported: its rows go now.
        this.db.prepare(`DELETE FROM report_verdicts WHERE scan_id = ?`).run(scanId);
      }
    })();
  }

  async get(scanId: string): Promise<ScanRecord | undefined> {
    const row = this.db.prepare<[string], ScanRow>(`SELECT * FROM report_scans WHERE id = ?`).get(scanId);
    return row && fromRow(row);
  }

  async latestCompleted(tenantId: string, before?: string): Promise<ScanRecord | undefined> {
    const row = this.db
      .prepare<[string, string], ScanRow>(
        `SELECT * FROM report_scans WHERE tenant_id = ? AND status = 'completed' AND id != ?
         ORDER BY finished_at DESC LIMIT 1`,
      )
      .get(norm(tenantId), before ?? "");
    return row && fromRow(row);
  }

  async *verdicts(scanId: string, options: { finding?: string } = {}): AsyncIterable<Verdict> {
    const page = this.db.prepare<[string, number, string, number], { seq: number; verdict: string }>(
      `SELECT seq, verdict FROM report_verdicts WHERE scan_id = ? AND seq > ? AND findings LIKE ? ORDER BY seq LIMIT ?`,
    );
    const like = options.finding === undefined ? "%" : `%,${options.finding},%`;
    let after = -1;
    for (;;) {
      // One page at a time, read to the end before yielding: no statement stays open across awaits.
      const rows = page.all(scanId, after, like, this.pageSize);
      for (const row of rows) {
        yield JSON.parse(row.verdict) as Verdict;
      }
      if (rows.length < this.pageSize) {
        return;
      }
      after = rows.at(-1)!.seq;
    }
  }

  /**
   * Both scans' rows grouped by user: one pass over the two scans (a sort), with no per-user index to
   * keep up while a scan writes its rows.
   */
  async compare(previousScanId: string, scanId: string): Promise<ScanChanges> {
    return this.db
      .prepare<{ was: string; now: string }, ScanChanges>(
        `SELECT
           COALESCE(SUM(now_affected = 1 AND now_ready = 1 AND was_ready = 0), 0) AS becameReady,
           COALESCE(SUM(now_affected = 1 AND now_ready = 0 AND was_ready = 1), 0) AS noLongerReady,
           COALESCE(SUM(now_affected = 1 AND (was_seen = 0 OR was_affected = 0)), 0) AS newlyAffected,
           COALESCE(SUM(now_affected = 0 AND was_affected = 1), 0) AS noLongerAffected,
           COALESCE(SUM(now_seen = 1 AND was_seen = 0), 0) AS newUsers,
           COALESCE(SUM(now_seen = 0 AND was_seen = 1), 0) AS removedUsers
         FROM (
           SELECT
             MAX(scan_id = @now) AS now_seen,
             MAX(scan_id = @was) AS was_seen,
             MAX(CASE WHEN scan_id = @now THEN affected END) AS now_affected,
             MAX(CASE WHEN scan_id = @now THEN ready END) AS now_ready,
             MAX(CASE WHEN scan_id = @was THEN affected END) AS was_affected,
             MAX(CASE WHEN scan_id = @was THEN ready END) AS was_ready
           FROM report_verdicts
           WHERE scan_id IN (@now, @was)
           GROUP BY user_id
         )`,
      )
      .get({ was: previousScanId, now: scanId })!;
  }

  async prune(tenantId: string, keep: readonly string[]): Promise<number> {
    const kept = new Set(keep);
    const ids = this.db
      .prepare<[string], { id: string }>(
        `SELECT id FROM report_scans WHERE tenant_id = ? AND status != 'running'`,
      )
      .all(norm(tenantId))
      .map((row) => row.id)
      .filter((id) => !kept.has(id));
    const remove = this.db.prepare(`DELETE FROM report_scans WHERE id = ?`);
    const removeRows = this.db.prepare(`DELETE FROM report_verdicts WHERE scan_id = ?`);
    this.db.transaction(() => {
      for (const id of ids) {
        removeRows.run(id);
        remove.run(id);
      }
    })();
    return ids.length;
  }
}
