import type { Migration } from "./migration";

/** Reserved for the report feature; its owner replaces this placeholder with the real tables. */
export const migration: Migration = {
  version: 6,
  name: "report (reserved)",
  sql: "CREATE TABLE reserved_report_placeholder (id INTEGER PRIMARY KEY);",
};
