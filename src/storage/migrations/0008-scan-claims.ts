import type { Migration } from "./migration";

/**
 * Which process runs a tenant's readiness scan now, with its progress: with several instances a
 * request arriving at any of them joins the one scan. The claim lapses when its holder stops renewing.
 */
export const migration: Migration = {
  version: 8,
  name: "scan claims (one running scan per tenant across processes)",
  sql: `
    CREATE TABLE report_scan_claims (
      tenant_id   TEXT PRIMARY KEY,
      scan_id     TEXT NOT NULL,
      owner       TEXT NOT NULL,
      until       INTEGER NOT NULL,
      progress    TEXT NOT NULL
    );
  `,
};
