import type { TableClient, TableEntityResult } from "@azure/data-tables";

import { readEntity, statusOf } from "./tables";

/** How many times a read-check-write is retried after losing an If-Match race before giving up. */
const MAX_TRIES = 20;

/**
 * Optimistic read-check-write, the Table equivalent of SQLite's `UPDATE … WHERE state = ?`: read the
 * row, let `change` decide from what it sees (undefined: no change, the answer is false), write the
 * change with If-Match on the eTag read. Losing the race (412) reads again, so the decision is always
 * taken on the current row: of two simultaneous deciders exactly one sees "pending".
 */
export async function updateIf<T extends object>(
  table: TableClient,
  partitionKey: string,
  rowKey: string,
  change: (current: TableEntityResult<T>) => Partial<T> | undefined,
): Promise<boolean> {
  for (let attempt = 0; attempt < MAX_TRIES; attempt += 1) {
    const current = await readEntity<T>(table, partitionKey, rowKey);
    if (current === undefined) {
      return false;
    }
    const patch = change(current);
    if (patch === undefined) {
      return false;
    }
    try {
      await table.updateEntity({ partitionKey, rowKey, ...patch }, "Merge", { etag: current.etag });
      return true;
    } catch (error) {
      if (statusOf(error) !== 412 && statusOf(error) !== 404) {
        throw error;
      }
    }
  }
  throw new Error(
    `table ${table.tableName}: ${partitionKey}/${rowKey} kept changing under ${MAX_TRIES} tries`,
  );
}
