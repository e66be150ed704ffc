import type { Migration } from "./migration";

/**
 * The verdict rows lose their (scan_id, user_id) index. A scan appends a tenant's every verdict while
 * Graph's pages come in, and a random-order index made each row cost about twice as much to write
 * (measured: 19 against 8 ms per 1,000 rows); it served only the comparison with the previous scan,
 * once per scan, which now groups the two scans' rows by user instead (about 0.25 s at 100,000 users).
 */
export const migration: Migration = {
  version: 12,
  name: "report verdicts: no per-user index",
  sql: `DROP INDEX IF EXISTS report_verdicts_by_user;`,
};
