import type { Migration } from "./migration";

/**
 * The readiness report: one row per scan (its summary once complete), one row per user verdict so a
 * report can be streamed back (CSV, "show all", broadcast audiences) without rescanning, and the admins
 * subscribed to the daily report.
 */
export const migration: Migration = {
  version: 6,
  name: "report scans, verdict rows, daily subscriptions",
  sql: `
    CREATE TABLE report_scans (
      id            TEXT PRIMARY KEY,
      tenant_id     TEXT NOT NULL,
      status        TEXT NOT NULL CHECK (status IN ('running', 'completed', 'canceled', 'failed')),
      requested_by  TEXT NOT NULL,
      started_at    TEXT NOT NULL,
      finished_at   TEXT,
      window_end    TEXT NOT NULL,
      users         INTEGER NOT NULL DEFAULT 0,
      csv_bytes     INTEGER NOT NULL DEFAULT 0,
      summary       TEXT,
      error         TEXT
    );
    CREATE INDEX report_scans_by_tenant ON report_scans (tenant_id, started_at DESC);

    CREATE TABLE report_verdicts (
      scan_id   TEXT NOT NULL REFERENCES report_scans (id) ON DELETE CASCADE,
      seq       INTEGER NOT NULL,
      user_id   TEXT NOT NULL,
      affected  INTEGER NOT NULL,
      ready     INTEGER NOT NULL,
      findings  TEXT NOT NULL,
      verdict   TEXT NOT NULL,
      PRIMARY KEY (scan_id, seq)
    ) WITHOUT ROWID;
    CREATE INDEX report_verdicts_by_user ON report_verdicts (scan_id, user_id);

    CREATE TABLE report_subscriptions (
      tenant_id      TEXT NOT NULL,
      user_id        TEXT NOT NULL,
      user_name      TEXT,
      subscribed_at  TEXT NOT NULL,
      PRIMARY KEY (tenant_id, user_id)
    );`,
};
