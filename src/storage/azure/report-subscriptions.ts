import type { TableClient } from "@azure/data-tables";

import type { ReportSubscription } from "../../domain/report-subscription";
import { deleteEntity, entities, key, literal, lostRace, readEntity } from "./tables";

interface Entity {
  tenantId: string;
  userId: string;
  userName?: string;
  subscribedAt: string;
}

const norm = (id: string) => id.toLowerCase();

/** PartitionKey = tenant, RowKey = user: subscribe is an insert (a second one loses with 409), the daily run reads one partition. */
export class AzureReportSubscriptionStore {
  constructor(private readonly table: TableClient) {}

  async add(subscription: ReportSubscription): Promise<boolean> {
    const tenantId = norm(subscription.tenantId);
    const userId = norm(subscription.userId);
    try {
      await this.table.createEntity<Entity>({
        partitionKey: key(tenantId),
        rowKey: key(userId),
        tenantId,
        userId,
        subscribedAt: subscription.subscribedAt,
        ...(subscription.userName === undefined ? {} : { userName: subscription.userName }),
      });
      return true;
    } catch (error) {
      if (lostRace(error)) {
        return false;
      }
      throw error;
    }
  }

  async remove(tenantId: string, userId: string): Promise<boolean> {
    return deleteEntity(this.table, key(norm(tenantId)), key(norm(userId)));
  }

  async has(tenantId: string, userId: string): Promise<boolean> {
    return (await readEntity(this.table, key(norm(tenantId)), key(norm(userId)))) !== undefined;
  }

  async list(tenantId: string): Promise<ReportSubscription[]> {
    const out: ReportSubscription[] = [];
    for await (const e of entities<Entity>(this.table, `PartitionKey eq ${literal(key(norm(tenantId)))}`)) {
      out.push({
        tenantId: e.tenantId,
        userId: e.userId,
        userName: e.userName,
        subscribedAt: e.subscribedAt,
      });
    }
    return out.sort(
      (a, b) => a.subscribedAt.localeCompare(b.subscribedAt) || a.userId.localeCompare(b.userId),
    );
  }
}
