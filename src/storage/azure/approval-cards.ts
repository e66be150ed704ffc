import type { TableClient } from "@azure/data-tables";

import { entities, key, literal } from "./tables";

export interface CardEntity {
  requestId: string;
  approverId: string;
  conversationId: string;
  activityId: string;
  serviceUrl: string;
}

/** PartitionKey = request, RowKey = approver: one row per approver's card (re-posting replaces it), read together on a decision. */
export class ApprovalCardTable {
  constructor(private readonly table: TableClient) {}

  async put(card: CardEntity): Promise<void> {
    const approverId = card.approverId.toLowerCase();
    await this.table.upsertEntity(
      { partitionKey: key(card.requestId), rowKey: key(approverId), ...card, approverId },
      "Replace",
    );
  }

  async list(requestId: string): Promise<CardEntity[]> {
    const out: CardEntity[] = [];
    for await (const e of entities<CardEntity>(this.table, `PartitionKey eq ${literal(key(requestId))}`)) {
      out.push({
        requestId: e.requestId,
        approverId: e.approverId,
        conversationId: e.conversationId,
        activityId: e.activityId,
        serviceUrl: e.serviceUrl,
      });
    }
    return out.sort((a, b) => a.approverId.localeCompare(b.approverId));
  }
}
