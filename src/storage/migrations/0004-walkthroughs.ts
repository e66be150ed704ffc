import type { Migration } from "./migration";

/** Reserved for the walkthroughs feature; its owner replaces this placeholder with the real tables. */
export const migration: Migration = {
  version: 4,
  name: "walkthroughs (reserved)",
  sql: "CREATE TABLE reserved_walkthrough_placeholder (id INTEGER PRIMARY KEY);",
};
