import { randomUUID } from "node:crypto";

import type { NewScheduledJob, ScheduledJob } from "../domain/scheduled-job";
import type { Database } from "./database";

interface JobRow {
  id: string;
  kind: string;
  job_key: string | null;
  tenant_id: string;
  run_at: string;
  payload: string;
  attempts: number;
}

const toJob = (row: JobRow): ScheduledJob => ({
  id: row.id,
  kind: row.kind,
  tenantId: row.tenant_id,
  runAt: row.run_at,
  payload: JSON.parse(row.payload) as Record<string, unknown>,
  ...(row.job_key === null ? {} : { key: row.job_key }),
  attempts: row.attempts,
});

export class SqliteScheduledJobStore {
  constructor(private readonly database: Database) {}

  upsert(job: NewScheduledJob): ScheduledJob {
    const runAt = new Date(job.runAt).toISOString();
    const insert = this.database.transaction(() => {
      if (job.key !== undefined) {
        this.database
          .prepare("DELETE FROM scheduled_jobs WHERE kind = ? AND job_key = ?")
          .run(job.kind, job.key);
      }
      const id = randomUUID();
      this.database
        .prepare(
          `INSERT INTO scheduled_jobs (id, kind, job_key, tenant_id, run_at, payload)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(id, job.kind, job.key ?? null, job.tenantId, runAt, JSON.stringify(job.payload));
      return id;
    });
    const id = insert.immediate();
    return { ...job, runAt, id, attempts: 0 };
  }

  cancel(kind: string, key: string): boolean {
    return (
      this.database.prepare("DELETE FROM scheduled_jobs WHERE kind = ? AND job_key = ?").run(kind, key)
        .changes > 0
    );
  }

  claimDue(now: Date, owner: string, leaseMs: number, limit: number): ScheduledJob[] {
    const claim = this.database.transaction(() => {
      const at = now.toISOString();
      const rows = this.database
        .prepare<[string, string, number], JobRow>(
          `SELECT * FROM scheduled_jobs
           WHERE run_at <= ? AND (leased_until IS NULL OR leased_until <= ?)
           ORDER BY run_at LIMIT ?`,
        )
        .all(at, at, limit);
      const lease = this.database.prepare(
        "UPDATE scheduled_jobs SET leased_until = ?, lease_owner = ? WHERE id = ?",
      );
      const until = new Date(now.getTime() + leaseMs).toISOString();
      for (const row of rows) {
        lease.run(until, owner, row.id);
      }
      return rows.map(toJob);
    });
    return claim.immediate();
  }

  complete(id: string, owner: string): void {
    this.database.prepare("DELETE FROM scheduled_jobs WHERE id = ? AND lease_owner = ?").run(id, owner);
  }

  retryLater(id: string, owner: string, retryAt: Date, error: string): void {
    this.database
      .prepare(
        `UPDATE scheduled_jobs SET run_at = ?, attempts = attempts + 1, last_error = ?,
           leased_until = NULL, lease_owner = NULL
         WHERE id = ? AND lease_owner = ?`,
      )
      .run(retryAt.toISOString(), error.slice(0, 500), id, owner);
  }

  list(kind?: string): ScheduledJob[] {
    const rows =
      kind === undefined
        ? this.database.prepare<[], JobRow>("SELECT * FROM scheduled_jobs ORDER BY run_at").all()
        : this.database
            .prepare<[string], JobRow>("SELECT * FROM scheduled_jobs WHERE kind = ? ORDER BY run_at")
            .all(kind);
    return rows.map(toJob);
  }
}
