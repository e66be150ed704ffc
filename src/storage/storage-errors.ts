/** Why a store refused a write. */
export type StorageErrorReason = "etag-conflict";

/**
 * A write that lost an optimistic-concurrency race. The message matches botbuilder's MemoryStorage,
 * so code (and people) that know that contract recognise it; nothing of the batch was written.
 */
export class StorageConflictError extends Error {
  readonly reason: StorageErrorReason = "etag-conflict";

  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = "StorageConflictError";
  }
}
