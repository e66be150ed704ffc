import type { Migration } from "./migration";

export const migration: Migration = {
  version: 3,
  name: "audit log; scheduled jobs with leases",
  sql: `
    CREATE TABLE audit_log (
      id           INTEGER PRIMARY KEY AUTOINCREMENT,
      at           TEXT NOT NULL,
      tenant_id    TEXT NOT NULL,
      actor_id     TEXT NOT NULL,
      actor_name   TEXT,
      action       TEXT NOT NULL,
      subject_id   TEXT,
      subject_name TEXT,
      outcome      TEXT NOT NULL CHECK (outcome IN ('success', 'refused', 'failed')),
      detail       TEXT
    );
    CREATE INDEX audit_log_by_tenant ON audit_log (tenant_id, id DESC);

    CREATE TABLE scheduled_jobs (
      id            TEXT PRIMARY KEY,
      kind          TEXT NOT NULL,
      job_key       TEXT,
      tenant_id     TEXT NOT NULL,
      run_at        TEXT NOT NULL,
      payload       TEXT NOT NULL,
      attempts      INTEGER NOT NULL DEFAULT 0,
      leased_until  TEXT,
      lease_owner   TEXT,
      last_error    TEXT
    );
    CREATE UNIQUE INDEX scheduled_jobs_by_key ON scheduled_jobs (kind, job_key) WHERE job_key IS NOT NULL;
    CREATE INDEX scheduled_jobs_due ON scheduled_jobs (run_at);`,
};
