import type { Migration } from "./migration";

/**
 * Placeholder: version 10 belongs to another branch's migration (0010-live-methods). It does nothing, so
 * this branch's databases can reach 11; at the merge the real 0010 replaces this file.
 */
export const migration: Migration = {
  version: 10,
  name: "reserved (replaced by 0010-live-methods at the merge)",
  sql: "SELECT 1;",
};
