import type { Migration } from "./migration";

/**
 * Typed methods the product read live (a status check) or verified (a walkthrough), per user, with when:
 * newer than Microsoft's registration report until it catches up, so the scan and the audiences use them.
 */
export const migration: Migration = {
  version: 10,
  name: "live methods (typed methods read or verified by the product, per user)",
  sql: `
    CREATE TABLE live_methods (
      tenant_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      read_at TEXT NOT NULL,
      source TEXT NOT NULL,
      methods TEXT NOT NULL,
      verdict TEXT NOT NULL,
      PRIMARY KEY (tenant_id, user_id)
    );
    CREATE INDEX live_methods_read_at ON live_methods (tenant_id, read_at);
  `,
};
