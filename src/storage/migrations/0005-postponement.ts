import type { Migration } from "./migration";

/**
 * Postponement requests and the approval cards sent for them. A decision is a conditional UPDATE
 * (status = 'pending'), so the first click wins; the cards table lets every other approver's card update.
 */
export const migration: Migration = {
  version: 5,
  name: "postponement requests and approval cards",
  sql: `
    CREATE TABLE postponement_requests (
      id                TEXT PRIMARY KEY,
      tenant_id         TEXT NOT NULL,
      requester_id      TEXT NOT NULL,
      requester_name    TEXT,
      phase             TEXT NOT NULL CHECK (phase IN ('1', '2')),
      wanted_date       TEXT NOT NULL,
      route             TEXT NOT NULL CHECK (route IN ('selfService', 'support')),
      justification     TEXT NOT NULL,
      affected_systems  TEXT NOT NULL,
      status            TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'declined')),
      created_at        TEXT NOT NULL,
      decided_by_id     TEXT,
      decided_by_name   TEXT,
      decided_at        TEXT,
      decision_note     TEXT,
      applied           TEXT
    );
    CREATE INDEX postponement_requests_by_tenant ON postponement_requests (tenant_id, created_at DESC);

    CREATE TABLE postponement_approval_cards (
      request_id       TEXT NOT NULL REFERENCES postponement_requests (id) ON DELETE CASCADE,
      approver_id      TEXT NOT NULL,
      conversation_id  TEXT NOT NULL,
      activity_id      TEXT NOT NULL,
      service_url      TEXT NOT NULL,
      PRIMARY KEY (request_id, approver_id)
    );`,
};
