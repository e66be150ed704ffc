import type { TableClient } from "@azure/data-tables";

import type {
  BroadcastContent,
  BroadcastDraft,
  BroadcastJob,
  JobState,
  NewJob,
  ProgressCardRef,
} from "../../domain/broadcast";
import { updateIf } from "./conditional-update";
import { entities, key, literal, lostRace, readEntity } from "./tables";

interface JobEntity extends Omit<BroadcastJob, "content" | "progressRef"> {
  content: string;
  progressRef?: string;
  /** "" when free. */
  leaseOwner: string;
  leaseUntil: number;
}

interface SenderEntity {
  /** "" when free. */
  owner: string;
  until: number;
}

interface DraftEntity extends Omit<BroadcastDraft, "content"> {
  content: string;
}

/** Jobs are few (an admin's sends) and read by id, by tenant, or "still active": one partition each kind. */
const JOBS = "job";
const DRAFTS = "draft";
const SENDERS = "sender";
const ACTIVE: readonly JobState[] = ["preparing", "sending", "paused"];

const fromEntity = (e: JobEntity): BroadcastJob => ({
  id: e.id,
  tenantId: e.tenantId,
  content: JSON.parse(e.content) as BroadcastContent,
  authorId: e.authorId,
  authorName: e.authorName,
  origin: e.origin,
  state: e.state,
  pauseReason: e.pauseReason || undefined,
  resumeAt: e.resumeAt || undefined,
  progressRef: e.progressRef === undefined ? undefined : (JSON.parse(e.progressRef) as ProgressCardRef),
  parentJobId: e.parentJobId,
  createdAt: e.createdAt,
  startedAt: e.startedAt,
  finishedAt: e.finishedAt,
  sendMs: e.sendMs,
});

/**
 * PartitionKey "job", RowKey = job id: every job change is a point read and an If-Match write. The lease
 * that makes one instance the sender is two columns of the job row, taken and renewed with If-Match:
 * a renewal from the holder or a take-over after expiry lands only on the row it read, so two instances
 * never both believe they hold it (a blob lease would give the same guarantee with a fixed 15–60 s term;
 * the job runner's own lease length and renewal are kept instead).
 */
export class AzureBroadcastJobStore {
  constructor(private readonly table: TableClient) {}

  async saveDraft(draft: BroadcastDraft): Promise<void> {
    const entity: DraftEntity = {
      ...draft,
      tenantId: draft.tenantId.toLowerCase(),
      content: JSON.stringify(draft.content),
    };
    await this.table.createEntity({ partitionKey: DRAFTS, rowKey: key(draft.id), ...stripUndefined(entity) });
  }

  async getDraft(id: string): Promise<BroadcastDraft | undefined> {
    const e = await readEntity<DraftEntity>(this.table, DRAFTS, key(id));
    return (
      e && {
        id: e.id,
        tenantId: e.tenantId,
        authorId: e.authorId,
        authorName: e.authorName,
        content: JSON.parse(e.content) as BroadcastContent,
        createdAt: e.createdAt,
      }
    );
  }

  async createJob(job: NewJob): Promise<{ created: boolean; job: BroadcastJob }> {
    const entity: JobEntity = {
      ...job,
      tenantId: job.tenantId.toLowerCase(),
      content: JSON.stringify(job.content),
      state: "preparing",
      sendMs: 0,
      leaseOwner: "",
      leaseUntil: 0,
    };
    let created = true;
    try {
      await this.table.createEntity({ partitionKey: JOBS, rowKey: key(job.id), ...stripUndefined(entity) });
    } catch (error) {
      if (!lostRace(error)) {
        throw error;
      }
      created = false;
    }
    return { created, job: (await this.getJob(job.id))! };
  }

  async getJob(id: string): Promise<BroadcastJob | undefined> {
    const e = await readEntity<JobEntity>(this.table, JOBS, key(id));
    return e && fromEntity(e);
  }

  async transition(
    id: string,
    from: readonly JobState[],
    to: JobState,
    extra: { pauseReason?: string; resumeAt?: number; at?: string } = {},
  ): Promise<boolean> {
    const at = extra.at ?? new Date().toISOString();
    return updateIf<JobEntity>(this.table, JOBS, key(id), (current) => {
      if (!from.includes(current.state)) {
        return undefined;
      }
      // Merge cannot remove a column: an absent reason is written as "" and read back as undefined.
      return {
        state: to,
        pauseReason: extra.pauseReason ?? "",
        resumeAt: extra.resumeAt ?? 0,
        ...(to === "sending" && current.startedAt === undefined ? { startedAt: at } : {}),
        ...(to === "done" || to === "cancelled" ? { finishedAt: at } : {}),
      };
    });
  }

  async setProgressRef(id: string, ref: ProgressCardRef): Promise<void> {
    await updateIf<JobEntity>(this.table, JOBS, key(id), () => ({ progressRef: JSON.stringify(ref) }));
  }

  async addSendMs(id: string, ms: number): Promise<void> {
    await updateIf<JobEntity>(this.table, JOBS, key(id), (current) => ({
      sendMs: current.sendMs + Math.max(0, Math.round(ms)),
    }));
  }

  async acquireLease(id: string, owner: string, now: number, leaseMs: number): Promise<boolean> {
    const job = await readEntity<JobEntity>(this.table, JOBS, key(id));
    if (job === undefined || !(await this.senderLease(job.tenantId, owner, now, leaseMs))) {
      return false;
    }
    return updateIf<JobEntity>(this.table, JOBS, key(id), (current) =>
      current.leaseOwner === "" || current.leaseOwner === owner || current.leaseUntil < now
        ? { leaseOwner: owner, leaseUntil: now + leaseMs }
        : undefined,
    );
  }

  async releaseLease(id: string, owner: string): Promise<void> {
    const released = await updateIf<JobEntity>(this.table, JOBS, key(id), (current) =>
      current.leaseOwner === owner ? { leaseOwner: "", leaseUntil: 0 } : undefined,
    );
    const job = released ? await readEntity<JobEntity>(this.table, JOBS, key(id)) : undefined;
    if (job === undefined) {
      return;
    }
    // The tenant's sender row goes with this owner's last job of the tenant.
    const filter = `PartitionKey eq ${literal(JOBS)} and tenantId eq ${literal(job.tenantId)} and leaseOwner eq ${literal(owner)}`;
    for await (const _ of entities(this.table, filter, ["RowKey"])) {
      return;
    }
    await updateIf<SenderEntity>(this.table, SENDERS, key(job.tenantId), (current) =>
      current.owner === owner ? { owner: "", until: 0 } : undefined,
    );
  }

  /**
   * One row per tenant ("sender", tenant) naming the process that sends for it, taken with If-Match
   * (or a create that loses with 409): the cross-row check SQLite does in one statement.
   */
  private async senderLease(tenantId: string, owner: string, now: number, leaseMs: number): Promise<boolean> {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const current = await readEntity<SenderEntity>(this.table, SENDERS, key(tenantId));
      try {
        if (current === undefined) {
          await this.table.createEntity<SenderEntity>({
            partitionKey: SENDERS,
            rowKey: key(tenantId),
            owner,
            until: now + leaseMs,
          });
          return true;
        }
        if (current.owner !== "" && current.owner !== owner && current.until >= now) {
          return false;
        }
        await this.table.updateEntity(
          { partitionKey: SENDERS, rowKey: key(tenantId), owner, until: now + leaseMs },
          "Merge",
          { etag: current.etag },
        );
        return true;
      } catch (error) {
        if (!lostRace(error)) {
          throw error;
        }
      }
    }
    return false;
  }

  async activeJobIds(): Promise<string[]> {
    const filter = `PartitionKey eq ${literal(JOBS)} and (${ACTIVE.map((state) => `state eq ${literal(state)}`).join(" or ")})`;
    return (await this.query(filter)).map((job) => job.id);
  }

  async latest(tenantId: string, limit: number): Promise<BroadcastJob[]> {
    const jobs = await this.query(
      `PartitionKey eq ${literal(JOBS)} and tenantId eq ${literal(tenantId.toLowerCase())}`,
    );
    return jobs.reverse().slice(0, Math.max(0, limit));
  }

  /** Matching jobs, oldest first. */
  private async query(filter: string): Promise<BroadcastJob[]> {
    const out: BroadcastJob[] = [];
    for await (const e of entities<JobEntity>(this.table, filter)) {
      out.push(fromEntity(e));
    }
    return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
