import type { ScanChanges, ScanRecord, ScanStatus, ScanSummary, VerdictRow } from "../domain/report-types";
import type { Verdict } from "../domain/verdict";
import type { Database } from "./database";
import { encodeVerdictRows, verdictInserter } from "./verdict-insert";
import { VerdictWriterThread } from "./verdict-writer-thread";

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
  private readonly appendRows: ReturnType<typeof verdictInserter>;
  /** A database file's rows are written on a thread of their own; an in-memory one has only this connection. */
  private readonly thread?: VerdictWriterThread;
  private readonly running = new Set<string>();

  constructor(
    private readonly db: Database,
    private readonly pageSize = 1000,
  ) {
    this.appendRows = verdictInserter(db);
    if (!db.memory) {
      this.thread = new VerdictWriterThread(db.name);
    }
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
    this.running.add(scan.id);
    this.thread?.open();
  }

  async appendVerdicts(scanId: string, rows: readonly VerdictRow[]): Promise<void> {
    const encoded = encodeVerdictRows(rows);
    if (this.thread === undefined) {
      this.appendRows(scanId, encoded);
    } else {
      await this.thread.append(scanId, encoded);
    }
  }

  /** Every row handed over for the scan is in the database; throws if one could not be stored. */
  private async written(scanId: string): Promise<void> {
    const failure = await this.thread?.failureOf(scanId);
    if (failure !== undefined) {
      throw failure;
    }
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
    // A scan some of whose rows were not stored cannot complete; its failure is the caller's to record.
    if (outcome.status === "completed") {
      await this.written(scanId);
    }
    this.running.delete(scanId);
    await this.thread?.release(scanId, this.running.size === 0);
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
    await this.written(scanId);
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
    await this.written(scanId);
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
