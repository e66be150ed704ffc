import type { TableClient } from "@azure/data-tables";

import type { WalkthroughRecord } from "../../domain/walkthrough-record";
import { entities, key, literal, readEntity } from "./tables";

interface Entity extends Omit<WalkthroughRecord, "baseline" | "checklist"> {
  baseline: string;
  checklist: string;
}

const norm = (id: string) => id.toLowerCase();
const partition = (tenantId: string, userId: string) => `${key(norm(tenantId))}_${key(norm(userId))}`;

const fromEntity = (e: Entity): WalkthroughRecord => ({
  tenantId: e.tenantId,
  userId: e.userId,
  method: e.method,
  status: e.status,
  step: e.step,
  startedAt: e.startedAt,
  updatedAt: e.updatedAt,
  baseline: JSON.parse(e.baseline) as string[],
  checklist: JSON.parse(e.checklist) as string[],
  // A row written before the workload identity fields has neither property.
  ...(typeof e.workloadAppId === "string" ? { workloadAppId: e.workloadAppId } : {}),
  ...(typeof e.checklistSavedAt === "string" ? { checklistSavedAt: e.checklistSavedAt } : {}),
});

/**
 * PartitionKey = tenant + user, RowKey = method: a step is a point read and write, and a user's active
 * walkthroughs are one small partition (one row per method). Any instance can take the next step.
 */
export class AzureWalkthroughStore {
  constructor(private readonly table: TableClient) {}

  async get(tenantId: string, userId: string, method: string): Promise<WalkthroughRecord | undefined> {
    const entity = await readEntity<Entity>(this.table, partition(tenantId, userId), key(method));
    return entity && fromEntity(entity);
  }

  async save(record: WalkthroughRecord): Promise<void> {
    const { workloadAppId, checklistSavedAt, ...rest } = record;
    // "Replace" drops a property left out: a cleared app id is gone, not kept from the last write.
    await this.table.upsertEntity<Entity>(
      {
        partitionKey: partition(record.tenantId, record.userId),
        rowKey: key(record.method),
        ...rest,
        ...(workloadAppId === undefined ? {} : { workloadAppId }),
        ...(checklistSavedAt === undefined ? {} : { checklistSavedAt }),
        tenantId: norm(record.tenantId),
        userId: norm(record.userId),
        baseline: JSON.stringify(record.baseline),
        checklist: JSON.stringify(record.checklist),
      },
      "Replace",
    );
  }

  async active(tenantId: string, userId: string): Promise<WalkthroughRecord[]> {
    const out: WalkthroughRecord[] = [];
    const filter = `PartitionKey eq ${literal(partition(tenantId, userId))} and status eq 'active'`;
    for await (const entity of entities<Entity>(this.table, filter)) {
      out.push(fromEntity(entity));
    }
    return out.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }
}
