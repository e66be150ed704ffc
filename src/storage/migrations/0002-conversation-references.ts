import type { Migration } from "./migration";

export const migration: Migration = {
  version: 2,
  name: "conversation references, one per user and tenant",
  sql: `
    CREATE TABLE conversation_references (
      tenant_id       TEXT NOT NULL,
      user_id         TEXT NOT NULL,
      conversation_id TEXT NOT NULL,
      service_url     TEXT NOT NULL,
      reference       TEXT NOT NULL,
      updated_at      TEXT NOT NULL,
      PRIMARY KEY (tenant_id, user_id)
    ) WITHOUT ROWID;`,
};
