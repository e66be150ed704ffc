import type { Migration } from "./migration";

/**
 * Broadcasts: drafts (what an admin previewed), jobs (one per Send, id = the draft's, so a second Send
 * is a no-op) and the ledger, one row per recipient. The ledger is the truth the dispatcher resumes from:
 * a row is marked `sending` before the connector call and `sent` after, so a row found in `sending` at
 * start-up is the only kind that may have reached Teams twice.
 */
export const migration: Migration = {
  version: 7,
  name: "broadcast drafts, jobs and the per-recipient ledger",
  sql: `
    CREATE TABLE broadcast_drafts (
      id          TEXT PRIMARY KEY,
      tenant_id   TEXT NOT NULL,
      author_id   TEXT NOT NULL,
      author_name TEXT,
      content     TEXT NOT NULL,
      created_at  TEXT NOT NULL
    );

    CREATE TABLE broadcast_jobs (
      id             TEXT PRIMARY KEY,
      tenant_id      TEXT NOT NULL,
      content        TEXT NOT NULL,
      author_id      TEXT NOT NULL,
      author_name    TEXT,
      origin         TEXT NOT NULL CHECK (origin IN ('bot', 'cli', 'follow-up')),
      state          TEXT NOT NULL CHECK (state IN ('preparing', 'sending', 'paused', 'cancelled', 'done')),
      pause_reason   TEXT,
      resume_at      INTEGER,
      progress_ref   TEXT,
      lease_owner    TEXT,
      lease_until    INTEGER NOT NULL DEFAULT 0,
      parent_job_id  TEXT,
      created_at     TEXT NOT NULL,
      started_at     TEXT,
      finished_at    TEXT,
      send_ms        INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX broadcast_jobs_by_tenant ON broadcast_jobs (tenant_id, created_at DESC);
    CREATE INDEX broadcast_jobs_active ON broadcast_jobs (state) WHERE state IN ('preparing', 'sending', 'paused');

    CREATE TABLE broadcast_deliveries (
      job_id              TEXT NOT NULL REFERENCES broadcast_jobs (id),
      seq                 INTEGER NOT NULL,
      user_id             TEXT NOT NULL,
      upn                 TEXT NOT NULL,
      display_name        TEXT NOT NULL,
      personal            TEXT,
      state               TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'skipped')),
      reason              TEXT,
      activity_id         TEXT,
      conversation_id     TEXT,
      service_url         TEXT,
      attempts            INTEGER NOT NULL DEFAULT 0,
      possibly_duplicated INTEGER NOT NULL DEFAULT 0,
      updated_at          TEXT NOT NULL,
      PRIMARY KEY (job_id, seq),
      UNIQUE (job_id, user_id)
    );
    CREATE INDEX broadcast_deliveries_by_state ON broadcast_deliveries (job_id, state, seq);`,
};
