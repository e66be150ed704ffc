export type WalkthroughStatus = "active" | "verified" | "cancelled";

/** One user's progress through one method's walkthrough. */
export interface WalkthroughRecord {
  tenantId: string;
  userId: string;
  method: string;
  status: WalkthroughStatus;
  /** 0-based index of the step the user is on. */
  step: number;
  startedAt: string;
  updatedAt: string;
  /** Ids of the user's methods of this kind when the walkthrough started ("new since" checks). */
  baseline: string[];
  /** Checklist items the user has ticked (workload identity). */
  checklist: string[];
}
