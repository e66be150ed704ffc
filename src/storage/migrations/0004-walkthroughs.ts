import type { Migration } from "./migration";

/**
 * Walkthrough progress (one active walkthrough per tenant, user and method, resumable after a restart)
 * and Temporary Access Pass requests with the approval cards sent for them. No pass value is ever
 * stored: Graph shows it once and it goes straight to the requester.
 */
export const migration: Migration = {
  version: 4,
  name: "walkthroughs; Temporary Access Pass requests and approval cards",
  sql: `
    CREATE TABLE walkthroughs (
      tenant_id   TEXT NOT NULL,
      user_id     TEXT NOT NULL,
      method      TEXT NOT NULL,
      status      TEXT NOT NULL CHECK (status IN ('active', 'verified', 'cancelled')),
      step        INTEGER NOT NULL,
      started_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL,
      baseline    TEXT NOT NULL,
      checklist   TEXT NOT NULL,
      PRIMARY KEY (tenant_id, user_id, method)
    ) WITHOUT ROWID;

    CREATE TABLE tap_requests (
      id              TEXT PRIMARY KEY,
      tenant_id       TEXT NOT NULL,
      requester_id    TEXT NOT NULL,
      requester_name  TEXT,
      status          TEXT NOT NULL CHECK (status IN ('pending', 'issuing', 'issued', 'declined', 'cancelled', 'failed')),
      needs_privileged INTEGER NOT NULL,
      created_at      TEXT NOT NULL,
      decided_by      TEXT,
      decided_by_name TEXT,
      decided_at      TEXT,
      lifetime_minutes INTEGER,
      usable_once     INTEGER,
      expires_at      TEXT,
      note            TEXT
    );
    CREATE INDEX tap_requests_by_requester ON tap_requests (tenant_id, requester_id, status);

    CREATE TABLE tap_approval_cards (
      request_id      TEXT NOT NULL REFERENCES tap_requests (id) ON DELETE CASCADE,
      approver_id     TEXT NOT NULL,
      conversation_id TEXT NOT NULL,
      activity_id     TEXT NOT NULL,
      service_url     TEXT NOT NULL,
      PRIMARY KEY (request_id, approver_id)
    ) WITHOUT ROWID;`,
};
