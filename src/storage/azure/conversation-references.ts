import type { TableClient } from "@azure/data-tables";

import type { StoredConversationReference } from "../../domain/conversation-reference";
import { deleteEntity, entities, key, literal, readEntity } from "./tables";

interface Entity {
  tenantId: string;
  userId: string;
  conversationId: string;
  serviceUrl: string;
  reference: string;
  updatedAt: string;
}

const norm = (id: string) => id.toLowerCase();

const fromEntity = (e: Entity): StoredConversationReference => ({
  tenantId: e.tenantId,
  userId: e.userId,
  conversationId: e.conversationId,
  serviceUrl: e.serviceUrl,
  reference: JSON.parse(e.reference) as StoredConversationReference["reference"],
  updatedAt: e.updatedAt,
});

/**
 * PartitionKey = tenant, RowKey = user: a turn's save and a broadcast's lookup are point operations, and
 * a tenant's list is one partition read in RowKey (user id) order, page by page.
 */
export class AzureConversationReferenceStore {
  constructor(private readonly table: TableClient) {}

  async save(ref: StoredConversationReference): Promise<void> {
    const tenantId = norm(ref.tenantId);
    const userId = norm(ref.userId);
    await this.table.upsertEntity<Entity>(
      {
        partitionKey: key(tenantId),
        rowKey: key(userId),
        tenantId,
        userId,
        conversationId: ref.conversationId,
        serviceUrl: ref.serviceUrl,
        reference: JSON.stringify(ref.reference),
        updatedAt: ref.updatedAt,
      },
      "Replace",
    );
  }

  async get(tenantId: string, userId: string): Promise<StoredConversationReference | undefined> {
    const entity = await readEntity<Entity>(this.table, key(norm(tenantId)), key(norm(userId)));
    return entity && fromEntity(entity);
  }

  async remove(tenantId: string, userId: string): Promise<boolean> {
    return deleteEntity(this.table, key(norm(tenantId)), key(norm(userId)));
  }

  async *list(tenantId: string): AsyncIterable<StoredConversationReference> {
    for await (const entity of entities<Entity>(
      this.table,
      `PartitionKey eq ${literal(key(norm(tenantId)))}`,
    )) {
      yield fromEntity(entity);
    }
  }

  async count(tenantId: string): Promise<number> {
    let n = 0;
    for await (const _ of entities(this.table, `PartitionKey eq ${literal(key(norm(tenantId)))}`, [
      "RowKey",
    ])) {
      n += 1;
    }
    return n;
  }
}
