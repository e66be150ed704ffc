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

  async compare(previousScanId: string, scanId: string): Promise<ScanChanges> {
    const changed = this.db
      .prepare<
        [string, string],
        {
          becameReady: number;
          noLongerReady: number;
          newlyAffected: number;
          noLongerAffected: number;
          newUsers: number;
        }
      >(
        `SELECT
           COALESCE(SUM(now.affected = 1 AND now.ready = 1 AND was.ready = 0), 0) AS becameReady,
           COALESCE(SUM(now.affected = 1 AND now.ready = 0 AND was.ready = 1), 0) AS noLongerReady,
           COALESCE(SUM(now.affected = 1 AND (was.user_id IS NULL OR was.affected = 0)), 0) AS newlyAffected,
           COALESCE(SUM(now.affected = 0 AND was.affected = 1), 0) AS noLongerAffected,
           COALESCE(SUM(was.user_id IS NULL), 0) AS newUsers
         FROM report_verdicts AS now
         LEFT JOIN report_verdicts AS was ON was.scan_id = ? AND was.user_id = now.user_id
         WHERE now.scan_id = ?`,
      )
      .get(previousScanId, scanId)!;
    const removed = this.db
      .prepare<[string, string], { removedUsers: number }>(
        `SELECT COUNT(*) AS removedUsers FROM report_verdicts AS was
         WHERE was.scan_id = ? AND NOT EXISTS
           (SELECT 1 FROM report_verdicts AS now WHERE now.scan_id = ? AND now.user_id = was.user_id)`,
      )
      .get(previousScanId, scanId)!;
    return { ...changed, removedUsers: removed.removedUsers };
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
