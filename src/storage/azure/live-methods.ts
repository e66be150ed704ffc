import type { TableClient } from "@azure/data-tables";

import type { LiveMethods, LiveMethodsSource } from "../../domain/live-methods";
import type { Verdict } from "../../domain/verdict";
import { entities, key, literal, lostRace, readEntity } from "./tables";

interface Entity {
  tenantId: string;
  userId: string;
  readAt: string;
  source: LiveMethodsSource;
  methods: string;
  verdict: string;
}

const norm = (id: string) => id.toLowerCase();

const fromEntity = (e: Entity): LiveMethods => ({
  tenantId: e.tenantId,
  userId: e.userId,
  readAt: e.readAt,
  source: e.source,
  methods: JSON.parse(e.methods) as LiveMethods["methods"],
  verdict: JSON.parse(e.verdict) as Verdict,
});

/**
 * PartitionKey = tenant, RowKey = user: one row per user. A write keeps the later read: a create (409
 * loses), or a replace If-Match over an older row, retried when another writer got there first.
 */
export class AzureLiveMethodsStore {
  constructor(private readonly table: TableClient) {}

  async put(record: LiveMethods): Promise<void> {
    const tenantId = norm(record.tenantId);
    const userId = norm(record.userId);
    const partitionKey = key(tenantId);
    const rowKey = key(userId);
    const entity: Entity = {
      tenantId,
      userId,
      readAt: new Date(record.readAt).toISOString(),
      source: record.source,
      methods: JSON.stringify(record.methods),
      verdict: JSON.stringify(record.verdict),
    };
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const current = await readEntity<Entity>(this.table, partitionKey, rowKey);
      try {
        if (current === undefined) {
          await this.table.createEntity({ partitionKey, rowKey, ...entity });
          return;
        }
        if (current.readAt > entity.readAt) {
          return;
        }
        await this.table.updateEntity({ partitionKey, rowKey, ...entity }, "Replace", {
          etag: current.etag,
        });
        return;
      } catch (error) {
        if (!lostRace(error)) {
          throw error;
        }
      }
    }
    throw new Error(`live methods of ${userId} kept changing`);
  }

  async get(tenantId: string, userId: string): Promise<LiveMethods | undefined> {
    const found = await readEntity<Entity>(this.table, key(norm(tenantId)), key(norm(userId)));
    return found && fromEntity(found);
  }

  async *list(tenantId: string, options: { since?: string } = {}): AsyncIterable<LiveMethods> {
    const partition = `PartitionKey eq ${literal(key(norm(tenantId)))}`;
    const filter =
      options.since === undefined
        ? partition
        : `${partition} and readAt ge ${literal(new Date(options.since).toISOString())}`;
    for await (const e of entities<Entity>(this.table, filter)) {
      yield fromEntity(e);
    }
  }
}
