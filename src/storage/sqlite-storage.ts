import { randomUUID } from "node:crypto";

import type { Storage, StoreItem, StoreItems } from "botbuilder";

import type { Database } from "./database";
import { StorageConflictError } from "./storage-errors";

interface Row {
  key: string;
  value: string;
  etag: string;
}

/**
 * botbuilder's Storage over SQLite, with the same eTag contract as MemoryStorage:
 * a change without an eTag, with "*", or for a key not yet stored is written; a change whose eTag
 * differs from the stored one fails the whole batch (one transaction, so nothing of it lands).
 * eTags are random, so a deleted-then-recreated item never matches an eTag read before the delete.
 */
export class SqliteStorage implements Storage {
  private readonly selectMany;
  private readonly selectEtag;
  private readonly upsert;
  private readonly deleteMany;

  constructor(private readonly db: Database) {
    this.selectMany = db.prepare<[string], Row>(
      "SELECT key, value, etag FROM bot_state WHERE key IN (SELECT value FROM json_each(?))",
    );
    this.selectEtag = db.prepare<[string], { etag: string }>("SELECT etag FROM bot_state WHERE key = ?");
    this.upsert = db.prepare<[string, string, string, string]>(
      `INSERT INTO bot_state (key, value, etag, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = excluded.updated_at`,
    );
    this.deleteMany = db.prepare<[string]>(
      "DELETE FROM bot_state WHERE key IN (SELECT value FROM json_each(?))",
    );
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) {
      throw new ReferenceError("Keys are required when reading.");
    }
    const items: StoreItems = {};
    if (keys.length === 0) {
      return items;
    }
    for (const row of this.selectMany.all(JSON.stringify(keys))) {
      items[row.key] = { ...(JSON.parse(row.value) as StoreItem), eTag: row.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) {
      throw new ReferenceError("Changes are required when writing.");
    }
    const now = new Date().toISOString();
    // IMMEDIATE takes the write lock before the eTag check, so another connection cannot slip in between.
    this.db
      .transaction(() => {
        for (const [key, item] of Object.entries(changes)) {
          const { eTag, ...value } = item as StoreItem;
          if (eTag && eTag !== "*") {
            const stored = this.selectEtag.get(key);
            if (stored && stored.etag !== eTag) {
              throw new StorageConflictError(key);
            }
          }
          this.upsert.run(key, JSON.stringify(value), randomUUID(), now);
        }
      })
      .immediate();
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) {
      throw new ReferenceError("Keys are required when deleting.");
    }
    if (keys.length > 0) {
      this.deleteMany.run(JSON.stringify(keys));
    }
  }
}
