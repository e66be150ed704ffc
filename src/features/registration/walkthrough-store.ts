import type { WalkthroughRecord } from "../../domain/walkthrough-record";

/** Walkthrough progress, keyed by tenant + user + method; src/storage implements it on SQLite and Azure Storage. */
export interface WalkthroughStore {
  get(tenantId: string, userId: string, method: string): Promise<WalkthroughRecord | undefined>;
  save(record: WalkthroughRecord): Promise<void>;
  /** Every walkthrough of one user that is still active, most recent first. */
  active(tenantId: string, userId: string): Promise<WalkthroughRecord[]>;
}
