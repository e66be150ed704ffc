import type { NewScheduledJob, ScheduledJob } from "../../domain/scheduled-job";

/** SQLite answers at once, Azure Table Storage over the network: callers await either. */
type MaybePromise<T> = T | Promise<T>;

export interface ScheduledJobStore {
  upsert(job: NewScheduledJob): MaybePromise<ScheduledJob>;
  cancel(kind: string, key: string): MaybePromise<boolean>;
  /** Leases up to `limit` jobs due at `now` to `owner`, so another instance does not run them too. */
  claimDue(now: Date, owner: string, leaseMs: number, limit: number): MaybePromise<ScheduledJob[]>;
  complete(id: string, owner: string): MaybePromise<void>;
  /** Puts a failed job back for `retryAt`, counting the attempt. */
  retryLater(id: string, owner: string, retryAt: Date, error: string): MaybePromise<void>;
  list(kind?: string): MaybePromise<ScheduledJob[]>;
}
