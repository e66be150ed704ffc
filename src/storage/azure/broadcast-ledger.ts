import type { TableClient, TransactionAction } from "@azure/data-tables";

import {
  type Delivery,
  type DeliveryState,
  type DeliveryTotals,
  emptyDeliveryTotals,
  type NewDelivery,
} from "../../domain/broadcast";
import { updateIf } from "./conditional-update";
import { entities, key, literal, lostRace, readEntity, rowRange, seqKey, statusOf } from "./tables";

interface DeliveryEntity {
  userId: string;
  upn: string;
  displayName: string;
  personal?: string;
  state: DeliveryState;
  /** "" for none (Merge cannot remove a column). */
  reason: string;
  activityId?: string;
  conversationId?: string;
  serviceUrl?: string;
  attempts: number;
  possiblyDuplicated: boolean;
  updatedAt: string;
  acknowledgedAt?: string;
  readyNow?: boolean;
  locale?: string;
}

interface MetaEntity {
  maxSeq: number;
}

/** Rows a transaction can carry: the meta row plus two per recipient, under the service's 100. */
const PER_BATCH = 49;
const META = "m";
const row = (seq: number) => `s|${seqKey(seq)}`;
const userRow = (userId: string) => `u|${key(userId.toLowerCase())}`;
const deliveries = (jobId: string, afterSeq: number) => rowRange(key(jobId), row(afterSeq), "s|~");

const fromEntity = (jobId: string, rowKey: string, e: DeliveryEntity): Delivery => ({
  jobId,
  seq: Number(rowKey.slice(2)),
  userId: e.userId,
  upn: e.upn,
  displayName: e.displayName,
  personal: e.personal,
  state: e.state,
  reason: e.reason || undefined,
  activityId: e.activityId,
  conversationId: e.conversationId,
  serviceUrl: e.serviceUrl,
  attempts: e.attempts,
  possiblyDuplicated: e.possiblyDuplicated,
  updatedAt: e.updatedAt,
  ...(e.acknowledgedAt === undefined ? {} : { acknowledgedAt: e.acknowledgedAt }),
  ...(e.readyNow === undefined ? {} : { readyNow: e.readyNow }),
  ...(e.locale === undefined ? {} : { locale: e.locale }),
});

/**
 * PartitionKey = job id. RowKeys: "s|<seq>" one per recipient (pages are RowKey ranges, in seq order),
 * "u|<user>" the user's seq (one recipient once, and `get` by user), "m" the highest seq. Recipients
 * are added in transactions that move "m" with If-Match, so two preparers cannot hand out one seq.
 * Per message: markSending is a read and an If-Match write (it counts the attempt), markSent one write;
 * each is durable when it returns, as SQLite's autocommit is.
 */
export class AzureBroadcastLedger {
  constructor(private readonly table: TableClient) {}

  async add(jobId: string, rows: readonly NewDelivery[], now: string): Promise<number> {
    let added = 0;
    for (let i = 0; i < rows.length; i += PER_BATCH) {
      added += await this.addChunk(jobId, rows.slice(i, i + PER_BATCH), now);
    }
    return added;
  }

  private async addChunk(jobId: string, chunk: readonly NewDelivery[], now: string): Promise<number> {
    const pk = key(jobId);
    const unique = [...new Map(chunk.map((r) => [r.userId.toLowerCase(), r])).values()];
    let candidates = unique;
    for (let attempt = 0; attempt < 20; attempt += 1) {
      if (candidates.length === 0) {
        return 0;
      }
      const meta = await readEntity<MetaEntity>(this.table, pk, META);
      const start = meta?.maxSeq ?? 0;
      const actions: TransactionAction[] = [
        meta === undefined
          ? ["create", { partitionKey: pk, rowKey: META, maxSeq: start + candidates.length }]
          : [
              "update",
              { partitionKey: pk, rowKey: META, maxSeq: start + candidates.length },
              "Merge",
              { etag: meta.etag },
            ],
      ];
      candidates.forEach((r, index) => {
        const seq = start + index + 1;
        const userId = r.userId.toLowerCase();
        actions.push(["create", { partitionKey: pk, rowKey: userRow(userId), seq }]);
        const entity: DeliveryEntity = {
          userId,
          upn: r.upn,
          displayName: r.displayName,
          state: r.state ?? "pending",
          reason: r.reason ?? "",
          attempts: 0,
          possiblyDuplicated: false,
          updatedAt: now,
          ...(r.personal === undefined ? {} : { personal: r.personal }),
          ...(r.locale === undefined ? {} : { locale: r.locale }),
        };
        actions.push(["create", { partitionKey: pk, rowKey: row(seq), ...entity }]);
      });
      try {
        await this.table.submitTransaction(actions);
        return candidates.length;
      } catch (error) {
        if (!lostRace(error) && statusOf(error) !== 400) {
          throw error;
        }
        // Another preparer moved "m", or a user is already in the job: drop those, try again.
        const present = await Promise.all(
          candidates.map((r) => readEntity(this.table, pk, userRow(r.userId))),
        );
        candidates = candidates.filter((_, index) => present[index] === undefined);
      }
    }
    throw new Error(`ledger ${jobId}: recipients could not be added (the job kept changing)`);
  }

  async pendingPage(jobId: string, afterSeq: number, limit: number): Promise<Delivery[]> {
    return this.read(jobId, `${deliveries(jobId, afterSeq)} and state eq 'pending'`, limit);
  }

  async page(jobId: string, afterSeq: number, limit: number): Promise<Delivery[]> {
    return this.read(jobId, deliveries(jobId, afterSeq), limit);
  }

  async get(jobId: string, userId: string): Promise<Delivery | undefined> {
    const index = await readEntity<{ seq: number }>(this.table, key(jobId), userRow(userId));
    if (index === undefined) {
      return undefined;
    }
    const e = await readEntity<DeliveryEntity>(this.table, key(jobId), row(index.seq));
    return e && fromEntity(jobId, e.rowKey!, e);
  }

  async markSending(
    jobId: string,
    seq: number,
    target: { conversationId: string; serviceUrl: string },
    now: string,
  ): Promise<void> {
    await updateIf<DeliveryEntity>(this.table, key(jobId), row(seq), (current) => ({
      state: "sending",
      attempts: current.attempts + 1,
      conversationId: target.conversationId,
      serviceUrl: target.serviceUrl,
      updatedAt: now,
    }));
  }

  async markSent(jobId: string, seq: number, activityId: string, now: string): Promise<void> {
    await this.merge(jobId, seq, { state: "sent", activityId, reason: "", updatedAt: now });
  }

  async markFinal(
    jobId: string,
    seq: number,
    state: "failed" | "skipped",
    reason: string,
    now: string,
  ): Promise<void> {
    await this.merge(jobId, seq, { state, reason, updatedAt: now });
  }

  async markPending(jobId: string, seq: number, now: string, possiblyDuplicated = false): Promise<void> {
    await updateIf<DeliveryEntity>(this.table, key(jobId), row(seq), (current) => ({
      state: "pending",
      possiblyDuplicated: current.possiblyDuplicated || possiblyDuplicated,
      updatedAt: now,
    }));
  }

  async recoverInterrupted(jobId: string, now: string): Promise<number> {
    return this.moveAll(jobId, "sending", { state: "pending", possiblyDuplicated: true, updatedAt: now });
  }

  async cancelPending(jobId: string, now: string): Promise<number> {
    return this.moveAll(jobId, "pending", { state: "skipped", reason: "cancelled", updatedAt: now });
  }

  async acknowledge(
    jobId: string,
    userId: string,
    check: { readyNow?: boolean },
    now: string,
  ): Promise<Delivery | undefined> {
    const index = await readEntity<{ seq: number }>(this.table, key(jobId), userRow(userId));
    if (index === undefined) {
      return undefined;
    }
    await this.merge(jobId, index.seq, {
      acknowledgedAt: now,
      ...(check.readyNow === undefined ? {} : { readyNow: check.readyNow }),
    });
    return this.get(jobId, userId);
  }

  async totals(jobId: string): Promise<DeliveryTotals> {
    const totals = emptyDeliveryTotals();
    for await (const e of entities<DeliveryEntity>(this.table, deliveries(jobId, 0), [
      "state",
      "reason",
      "possiblyDuplicated",
      "acknowledgedAt",
      "readyNow",
    ])) {
      totals.total += 1;
      totals[e.state] += 1;
      totals.possiblyDuplicated += e.possiblyDuplicated ? 1 : 0;
      totals.acknowledged += e.acknowledgedAt ? 1 : 0;
      totals.nowReady += e.readyNow === true ? 1 : 0;
      const reason = e.reason || "unknown";
      if (e.state === "failed") {
        totals.failedByReason[reason] = (totals.failedByReason[reason] ?? 0) + 1;
      } else if (e.state === "skipped") {
        totals.skippedByReason[reason] = (totals.skippedByReason[reason] ?? 0) + 1;
      }
    }
    return totals;
  }

  private async read(jobId: string, filter: string, limit: number): Promise<Delivery[]> {
    const out: Delivery[] = [];
    const pages = this.table
      .listEntities<DeliveryEntity>({ queryOptions: { filter } })
      .byPage({ maxPageSize: Math.min(1000, Math.max(1, limit)) });
    for await (const page of pages) {
      for (const e of page) {
        out.push(fromEntity(jobId, e.rowKey!, e));
        if (out.length >= limit) {
          return out;
        }
      }
    }
    return out;
  }

  private async merge(jobId: string, seq: number, patch: Partial<DeliveryEntity>): Promise<void> {
    await this.table.updateEntity({ partitionKey: key(jobId), rowKey: row(seq), ...patch }, "Merge");
  }

  /** Every row in `from` moved by `patch`, each only if still in `from` when written. */
  private async moveAll(jobId: string, from: DeliveryState, patch: Partial<DeliveryEntity>): Promise<number> {
    const rowKeys: string[] = [];
    for await (const e of entities(this.table, `${deliveries(jobId, 0)} and state eq ${literal(from)}`, [
      "RowKey",
    ])) {
      rowKeys.push(e.rowKey!);
    }
    let moved = 0;
    for (const rowKey of rowKeys) {
      if (
        await updateIf<DeliveryEntity>(this.table, key(jobId), rowKey, (current) =>
          current.state === from ? patch : undefined,
        )
      ) {
        moved += 1;
      }
    }
    return moved;
  }
}
