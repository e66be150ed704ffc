import type {
  BroadcastContent,
  BroadcastDraft,
  BroadcastJob,
  JobOrigin,
  JobState,
  NewJob,
  ProgressCardRef,
} from "../domain/broadcast";
import type { Database } from "./database";

interface JobRow {
  id: string;
  tenant_id: string;
  content: string;
  author_id: string;
  author_name: string | null;
  origin: JobOrigin;
  state: JobState;
  pause_reason: string | null;
  resume_at: number | null;
  progress_ref: string | null;
  parent_job_id: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  send_ms: number;
}

const fromRow = (row: JobRow): BroadcastJob => ({
  id: row.id,
  tenantId: row.tenant_id,
  content: JSON.parse(row.content) as BroadcastContent,
  authorId: row.author_id,
  authorName: row.author_name ?? undefined,
  origin: row.origin,
  state: row.state,
  pauseReason: row.pause_reason ?? undefined,
  resumeAt: row.resume_at ?? undefined,
  progressRef: row.progress_ref ? (JSON.parse(row.progress_ref) as ProgressCardRef) : undefined,
  parentJobId: row.parent_job_id ?? undefined,
  createdAt: row.created_at,
  startedAt: row.started_at ?? undefined,
  finishedAt: row.finished_at ?? undefined,
  sendMs: row.send_ms,
});

/** The features' BroadcastJobStore over SQLite (checked structurally in product-stores.ts). */
export class SqliteBroadcastJobStore {
  constructor(private readonly db: Database) {}

  async saveDraft(draft: BroadcastDraft): Promise<void> {
    this.db
      .prepare(
        "INSERT INTO broadcast_drafts (id, tenant_id, author_id, author_name, content, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      )
      .run(
        draft.id,
        draft.tenantId.toLowerCase(),
        draft.authorId,
        draft.authorName ?? null,
        JSON.stringify(draft.content),
        draft.createdAt,
      );
  }

  async getDraft(id: string): Promise<BroadcastDraft | undefined> {
    const row = this.db
      .prepare<
        [string],
        {
          id: string;
          tenant_id: string;
          author_id: string;
          author_name: string | null;
          content: string;
          created_at: string;
        }
      >("SELECT * FROM broadcast_drafts WHERE id = ?")
      .get(id);
    return row
      ? {
          id: row.id,
          tenantId: row.tenant_id,
          authorId: row.author_id,
          authorName: row.author_name ?? undefined,
          content: JSON.parse(row.content) as BroadcastContent,
          createdAt: row.created_at,
        }
      : undefined;
  }

  async createJob(job: NewJob): Promise<{ created: boolean; job: BroadcastJob }> {
    const result = this.db
      .prepare(
        `INSERT OR IGNORE INTO broadcast_jobs (id, tenant_id, content, author_id, author_name, origin, state, parent_job_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 'preparing', ?, ?)`,
      )
      .run(
        job.id,
        job.tenantId.toLowerCase(),
        JSON.stringify(job.content),
        job.authorId,
        job.authorName ?? null,
        job.origin,
        job.parentJobId ?? null,
        job.createdAt,
      );
    return { created: result.changes > 0, job: (await this.getJob(job.id))! };
  }

  async getJob(id: string): Promise<BroadcastJob | undefined> {
    const row = this.db.prepare<[string], JobRow>("SELECT * FROM broadcast_jobs WHERE id = ?").get(id);
    return row ? fromRow(row) : undefined;
  }

  async transition(
    id: string,
    from: readonly JobState[],
    to: JobState,
    extra: { pauseReason?: string; resumeAt?: number; at?: string } = {},
  ): Promise<boolean> {
    const at = extra.at ?? new Date().toISOString();
    const result = this.db
      .prepare(
        `UPDATE broadcast_jobs SET state = @to, pause_reason = @pauseReason, resume_at = @resumeAt,
           started_at = CASE WHEN @to = 'sending' THEN coalesce(started_at, @at) ELSE started_at END,
           finished_at = CASE WHEN @to IN ('done', 'cancelled') THEN @at ELSE finished_at END
         WHERE id = @id AND state IN (SELECT value FROM json_each(@from))`,
      )
      .run({
        id,
        to,
        from: JSON.stringify(from),
        pauseReason: extra.pauseReason ?? null,
        resumeAt: extra.resumeAt ?? null,
        at,
      });
    return result.changes > 0;
  }

  async setProgressRef(id: string, ref: ProgressCardRef): Promise<void> {
    this.db.prepare("UPDATE broadcast_jobs SET progress_ref = ? WHERE id = ?").run(JSON.stringify(ref), id);
  }

  async addSendMs(id: string, ms: number): Promise<void> {
    this.db
      .prepare("UPDATE broadcast_jobs SET send_ms = send_ms + ? WHERE id = ?")
      .run(Math.max(0, Math.round(ms)), id);
  }

  async acquireLease(id: string, owner: string, now: number, leaseMs: number): Promise<boolean> {
    const result = this.db
      .prepare(
        `UPDATE broadcast_jobs SET lease_owner = @owner, lease_until = @until
         WHERE id = @id AND (lease_owner IS NULL OR lease_owner = @owner OR lease_until < @now)
           AND NOT EXISTS (SELECT 1 FROM broadcast_jobs AS other WHERE other.tenant_id = broadcast_jobs.tenant_id
             AND other.id != broadcast_jobs.id AND other.lease_owner != @owner AND other.lease_until >= @now)`,
      )
      .run({ owner, until: now + leaseMs, id, now });
    return result.changes > 0;
  }

  async releaseLease(id: string, owner: string): Promise<void> {
    this.db
      .prepare(
        "UPDATE broadcast_jobs SET lease_owner = NULL, lease_until = 0 WHERE id = ? AND lease_owner = ?",
      )
      .run(id, owner);
  }

  async activeJobIds(): Promise<string[]> {
    return this.db
      .prepare<[], { id: string }>(
        "SELECT id FROM broadcast_jobs WHERE state IN ('preparing', 'sending', 'paused') ORDER BY created_at",
      )
      .all()
      .map((row) => row.id);
  }

  async latest(tenantId: string, limit: number): Promise<BroadcastJob[]> {
    return this.db
      .prepare<[string, number], JobRow>(
        "SELECT * FROM broadcast_jobs WHERE tenant_id = ? ORDER BY created_at DESC LIMIT ?",
      )
      .all(tenantId.toLowerCase(), limit)
      .map(fromRow);
  }
}
