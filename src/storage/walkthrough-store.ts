import type { WalkthroughRecord, WalkthroughStatus } from "../domain/walkthrough-record";
import type { Database } from "./database";

interface Row {
  tenant_id: string;
  user_id: string;
  method: string;
  status: WalkthroughStatus;
  step: number;
  started_at: string;
  updated_at: string;
  baseline: string;
  checklist: string;
  workload_app_id: string | null;
  checklist_saved_at: string | null;
}

const norm = (id: string) => id.toLowerCase();

const fromRow = (row: Row): WalkthroughRecord => ({
  tenantId: row.tenant_id,
  userId: row.user_id,
  method: row.method,
  status: row.status,
  step: row.step,
  startedAt: row.started_at,
  updatedAt: row.updated_at,
  baseline: JSON.parse(row.baseline) as string[],
  checklist: JSON.parse(row.checklist) as string[],
  ...(row.workload_app_id === null ? {} : { workloadAppId: row.workload_app_id }),
  ...(row.checklist_saved_at === null ? {} : { checklistSavedAt: row.checklist_saved_at }),
});

export class SqliteWalkthroughStore {
  private readonly selectOne;
  private readonly selectActive;
  private readonly upsert;

  constructor(db: Database) {
    this.selectOne = db.prepare<[string, string, string], Row>(
      "SELECT * FROM walkthroughs WHERE tenant_id = ? AND user_id = ? AND method = ?",
    );
    this.selectActive = db.prepare<[string, string], Row>(
      "SELECT * FROM walkthroughs WHERE tenant_id = ? AND user_id = ? AND status = 'active' ORDER BY updated_at DESC",
    );
    this.upsert = db.prepare(
      `INSERT INTO walkthroughs (tenant_id, user_id, method, status, step, started_at, updated_at, baseline, checklist,
         workload_app_id, checklist_saved_at)
       VALUES (@tenantId, @userId, @method, @status, @step, @startedAt, @updatedAt, @baseline, @checklist,
         @workloadAppId, @checklistSavedAt)
       ON CONFLICT (tenant_id, user_id, method) DO UPDATE SET status = excluded.status, step = excluded.step,
         started_at = excluded.started_at, updated_at = excluded.updated_at, baseline = excluded.baseline,
         checklist = excluded.checklist, workload_app_id = excluded.workload_app_id,
         checklist_saved_at = excluded.checklist_saved_at`,
    );
  }

  async get(tenantId: string, userId: string, method: string): Promise<WalkthroughRecord | undefined> {
    const row = this.selectOne.get(norm(tenantId), norm(userId), method);
    return row === undefined ? undefined : fromRow(row);
  }

  async save(record: WalkthroughRecord): Promise<void> {
    this.upsert.run({
      ...record,
      tenantId: norm(record.tenantId),
      userId: norm(record.userId),
      baseline: JSON.stringify(record.baseline),
      checklist: JSON.stringify(record.checklist),
      workloadAppId: record.workloadAppId ?? null,
      checklistSavedAt: record.checklistSavedAt ?? null,
    });
  }

  async active(tenantId: string, userId: string): Promise<WalkthroughRecord[]> {
    return this.selectActive.all(norm(tenantId), norm(userId)).map(fromRow);
  }
}
