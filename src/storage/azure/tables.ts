import { RestError, type TableClient, type TableEntityResult } from "@azure/data-tables";

/** The HTTP status of an Azure SDK failure, when it has one. */
export const statusOf = (error: unknown): number | undefined =>
  error instanceof RestError ? error.statusCode : undefined;

/** 412 (If-Match lost) or 409 (already exists): another writer got there first. */
export const lostRace = (error: unknown): boolean => statusOf(error) === 412 || statusOf(error) === 409;

/** Creates the table once; "already exists" is the normal case after the first instance. */
export async function ensureTable(table: TableClient): Promise<void> {
  try {
    await table.createTable();
  } catch (error) {
    if (statusOf(error) !== 409) {
      throw error;
    }
  }
}

/** A point read: undefined for 404, every other failure thrown. */
export async function readEntity<T extends object>(
  table: TableClient,
  partitionKey: string,
  rowKey: string,
): Promise<TableEntityResult<T> | undefined> {
  try {
    return await table.getEntity<T>(partitionKey, rowKey);
  } catch (error) {
    if (statusOf(error) === 404) {
      return undefined;
    }
    throw error;
  }
}

/** Delete that treats "not there" as done; true when this call removed it. */
export async function deleteEntity(
  table: TableClient,
  partitionKey: string,
  rowKey: string,
  etag?: string,
): Promise<boolean> {
  try {
    await table.deleteEntity(partitionKey, rowKey, etag === undefined ? {} : { etag });
    return true;
  } catch (error) {
    if (statusOf(error) === 404) {
      return false;
    }
    throw error;
  }
}

/**
 * Keys may not hold / \ # ? or control characters: ids from Entra are GUIDs, but method names, job keys
 * and UPN-like ids are not, so every user-influenced key goes through here (one-to-one: every ~ starts an escape; GUIDs and plain words pass unchanged).
 */
export const key = (value: string): string =>
  encodeURIComponent(value).replace(/~/g, "%7E").replace(/%/g, "~");

/** Zero-padded so string order is numeric order (RowKey ranges, keyset paging). */
export const seqKey = (seq: number): string => String(seq).padStart(12, "0");

/** Escapes a string literal for an OData filter. */
export const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** Every entity of a query, page by page (1000 per page, the service's maximum). */
export async function* entities<T extends object>(
  table: TableClient,
  filter: string,
  select?: string[],
): AsyncIterable<TableEntityResult<T>> {
  const pages = table
    .listEntities<T>({ queryOptions: { filter, ...(select ? { select } : {}) } })
    .byPage({ maxPageSize: 1000 });
  for await (const page of pages) {
    yield* page;
  }
}

/** Rows of a partition whose RowKey lies strictly between two bounds. */
export const rowRange = (partitionKey: string, after: string, before: string): string =>
  `PartitionKey eq ${literal(partitionKey)} and RowKey gt ${literal(after)} and RowKey lt ${literal(before)}`;

/** Submits table actions of one partition in transactions of at most 100 (the service's limit). */
export async function inBatches(
  table: TableClient,
  actions: Parameters<TableClient["submitTransaction"]>[0],
): Promise<void> {
  for (let i = 0; i < actions.length; i += 100) {
    await table.submitTransaction(actions.slice(i, i + 100));
  }
}
