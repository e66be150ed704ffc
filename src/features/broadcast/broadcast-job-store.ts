import type { BroadcastDraft, BroadcastJob, JobState, NewJob, ProgressCardRef } from "../../domain/broadcast";

/** Broadcast drafts and jobs; the ledger is BroadcastLedger. Async, so an Azure Table store can follow. */
export interface BroadcastJobStore {
  saveDraft(draft: BroadcastDraft): Promise<void>;
  getDraft(id: string): Promise<BroadcastDraft | undefined>;
  /** Inserts the job in state `preparing`; `created` is false when a job with this id already exists. */
  createJob(job: NewJob): Promise<{ created: boolean; job: BroadcastJob }>;
  getJob(id: string): Promise<BroadcastJob | undefined>;
  /** Moves the job to `to` only from one of `from`; false when it was in another state. */
  transition(
    id: string,
    from: readonly JobState[],
    to: JobState,
    extra?: { pauseReason?: string; resumeAt?: number; at?: string },
  ): Promise<boolean>;
  setProgressRef(id: string, ref: ProgressCardRef): Promise<void>;
  addSendMs(id: string, ms: number): Promise<void>;
  /**
   * Takes (or renews) the lease when it is free, expired or already ours, and no other owner holds a
   * live lease on another job of the same tenant: one process sends for a tenant at a time, so its
   * rate limiter alone keeps the tenant within BROADCAST_RPS whatever the number of instances.
   */
  acquireLease(id: string, owner: string, now: number, leaseMs: number): Promise<boolean>;
  releaseLease(id: string, owner: string): Promise<void>;
  /** Jobs some process should be running: preparing, sending or paused. */
  activeJobIds(): Promise<string[]>;
  latest(tenantId: string, limit: number): Promise<BroadcastJob[]>;
}
