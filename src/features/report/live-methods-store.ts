import type { LiveMethods } from "../../domain/live-methods";
import type { Logger } from "../../logger";

/**
 * Typed methods the product read live or verified, one record per user (the newest read). The status
 * check and the walkthroughs write it; the readiness scan and the broadcast audiences read it, so a
 * method the product saw itself wins over an older registration-report row everywhere.
 * src/storage implements it on SQLite and Azure Storage.
 */
export interface LiveMethodsStore {
  /** Keeps the record unless the stored one was read later (two writers: the newer read wins). */
  put(record: LiveMethods): Promise<void>;
  get(tenantId: string, userId: string): Promise<LiveMethods | undefined>;
  /** The tenant's records read at or after `since` (ISO 8601; every record without it), in no set order. */
  list(tenantId: string, options?: { since?: string }): AsyncIterable<LiveMethods>;
}

/** The part a writer needs (status, registration). */
export type LiveMethodsWriter = Pick<LiveMethodsStore, "put">;

/** Writes one record when there is a writer; a store failure is logged and never costs the caller's answer. */
export async function keepLiveMethods(
  writer: LiveMethodsWriter | undefined,
  record: LiveMethods,
  logger: Pick<Logger, "warn">,
): Promise<void> {
  if (writer === undefined) {
    return;
  }
  try {
    await writer.put(record);
  } catch (error) {
    logger.warn(
      { event: "liveMethods.notKept", source: record.source, err: { message: (error as Error).message } },
      "live methods not kept",
    );
  }
}
