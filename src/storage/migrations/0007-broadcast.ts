import type { Migration } from "./migration";

/** Reserved for the broadcast feature; its owner replaces this placeholder with the real tables. */
export const migration: Migration = {
  version: 7,
  name: "broadcast (reserved)",
  sql: "CREATE TABLE reserved_broadcast_placeholder (id INTEGER PRIMARY KEY);",
};
