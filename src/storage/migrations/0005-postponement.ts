import type { Migration } from "./migration";

/** Reserved for the postponement feature; its owner replaces this placeholder with the real tables. */
export const migration: Migration = {
  version: 5,
  name: "postponement (reserved)",
  sql: "CREATE TABLE reserved_postponement_placeholder (id INTEGER PRIMARY KEY);",
};
