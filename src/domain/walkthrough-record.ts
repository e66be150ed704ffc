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
  /** Workload identity: the new identity's application (client) id, lower case, when the owner named it. */
  workloadAppId?: string;
  /**
   * Workload identity: when the owner last saved the checklist, i.e. said the move is made. The sign-in
   * check reads from there: the account's sign-ins while the move was under way are not leftovers.
   */
  checklistSavedAt?: string;
}
