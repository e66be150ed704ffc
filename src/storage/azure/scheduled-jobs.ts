import { randomUUID } from "node:crypto";

import type { TableClient } from "@azure/data-tables";

import type { NewScheduledJob, ScheduledJob } from "../../domain/scheduled-job";
import { updateIf } from "./conditional-update";
import { deleteEntity, entities, key, literal, lostRace, readEntity, statusOf } from "./tables";

interface Entity {
  kind: string;
  jobKey?: string;
  tenantId: string;
  /** ISO 8601 UTC, always the same width: string order is time order. */
  runAt: string;
  payload: string;
  attempts: number;
  /** "" when free. */
  leasedUntil: string;
  leaseOwner: string;
  /** Changes on every upsert, so a replaced job's id no longer matches (complete/retry leave the new one alone). */
  generation: string;
  lastError?: string;
}

/**
 * Every job lives in one partition: the due query spans kinds and tenants, and the set is small (a
 * reminder per open postponement request, a daily report per tenant). RowKey is the job's slot: kind
 * + key for keyed jobs (so scheduling a key again replaces it in place), a fresh id otherwise. A claim
 * is an If-Match write of the lease on the row read, so of two instances polling at once one runs it.
 */
const PARTITION = "scheduled";

const slotOf = (job: NewScheduledJob) =>
  job.key === undefined ? `u~${randomUUID()}` : `k~${key(job.kind)}~${key(job.key)}`;
const parseId = (id: string) => {
  const at = id.lastIndexOf("|");
  return { rowKey: id.slice(0, at), generation: id.slice(at + 1) };
};

const toJob = (rowKey: string, e: Entity): ScheduledJob => ({
  id: `${rowKey}|${e.generation}`,
  kind: e.kind,
  tenantId: e.tenantId,
  runAt: e.runAt,
  payload: JSON.parse(e.payload) as Record<string, unknown>,
  ...(e.jobKey === undefined ? {} : { key: e.jobKey }),
  attempts: e.attempts,
});

export class AzureScheduledJobStore {
  constructor(private readonly table: TableClient) {}

  async upsert(job: NewScheduledJob): Promise<ScheduledJob> {
    const rowKey = slotOf(job);
    const entity: Entity = {
      kind: job.kind,
      tenantId: job.tenantId,
      runAt: new Date(job.runAt).toISOString(),
      payload: JSON.stringify(job.payload),
      attempts: 0,
      leasedUntil: "",
      leaseOwner: "",
      generation: randomUUID(),
      ...(job.key === undefined ? {} : { jobKey: job.key }),
    };
    await this.table.upsertEntity({ partitionKey: PARTITION, rowKey, ...entity }, "Replace");
    return toJob(rowKey, entity);
  }

  async cancel(kind: string, jobKey: string): Promise<boolean> {
    return deleteEntity(this.table, PARTITION, `k~${key(kind)}~${key(jobKey)}`);
  }

  async claimDue(now: Date, owner: string, leaseMs: number, limit: number): Promise<ScheduledJob[]> {
    const at = now.toISOString();
    const until = new Date(now.getTime() + leaseMs).toISOString();
    const due: { rowKey: string; etag: string; entity: Entity }[] = [];
    const filter = `PartitionKey eq ${literal(PARTITION)} and runAt le ${literal(at)}`;
    for await (const e of entities<Entity>(this.table, filter)) {
      if (e.leasedUntil <= at) {
        due.push({ rowKey: e.rowKey!, etag: e.etag, entity: e });
      }
    }
    due.sort((a, b) => a.entity.runAt.localeCompare(b.entity.runAt));
    const claimed: ScheduledJob[] = [];
    for (const { rowKey, etag, entity } of due) {
      if (claimed.length >= limit) {
        break;
      }
      try {
        await this.table.updateEntity(
          { partitionKey: PARTITION, rowKey, leasedUntil: until, leaseOwner: owner },
          "Merge",
          { etag },
        );
        claimed.push(toJob(rowKey, entity));
      } catch (error) {
        // Another instance claimed (or replaced, or completed) it between our read and write.
        if (!lostRace(error) && statusOf(error) !== 404) {
          throw error;
        }
      }
    }
    return claimed;
  }

  async complete(id: string, owner: string): Promise<void> {
    const { rowKey, generation } = parseId(id);
    const current = await readEntity<Entity>(this.table, PARTITION, rowKey);
    if (current === undefined || current.generation !== generation || current.leaseOwner !== owner) {
      return;
    }
    try {
      await deleteEntity(this.table, PARTITION, rowKey, current.etag);
    } catch (error) {
      if (!lostRace(error)) {
        throw error;
      }
      // Replaced by a new upsert meanwhile: that one is a new job and stays.
    }
  }

  async retryLater(id: string, owner: string, retryAt: Date, error: string): Promise<void> {
    const { rowKey, generation } = parseId(id);
    await updateIf<Entity>(this.table, PARTITION, rowKey, (current) =>
      current.generation === generation && current.leaseOwner === owner
        ? {
            runAt: retryAt.toISOString(),
            attempts: current.attempts + 1,
            lastError: error.slice(0, 500),
            leasedUntil: "",
            leaseOwner: "",
          }
        : undefined,
    );
  }

  async list(kind?: string): Promise<ScheduledJob[]> {
    const filter = `PartitionKey eq ${literal(PARTITION)}${kind === undefined ? "" : ` and kind eq ${literal(kind)}`}`;
    const out: ScheduledJob[] = [];
    for await (const e of entities<Entity>(this.table, filter)) {
      out.push(toJob(e.rowKey!, e));
    }
    return out.sort((a, b) => a.runAt.localeCompare(b.runAt));
  }
}
