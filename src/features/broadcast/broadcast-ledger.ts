import type { Delivery, DeliveryTotals, NewDelivery } from "../../domain/broadcast";

/**
 * One row per recipient of a job. Rows are read in pages by `seq` (keyset), so a dispatcher's memory
 * does not grow with the audience. Every change is one autocommitted statement: durable at return.
 */
export interface BroadcastLedger {
  /** Appends recipients (a user already in the job is ignored); returns how many were added. */
  add(jobId: string, rows: readonly NewDelivery[], now: string): Promise<number>;
  /** Pending rows after `afterSeq`, in order. */
  pendingPage(jobId: string, afterSeq: number, limit: number): Promise<Delivery[]>;
  /** Every row after `afterSeq` (any state), in order: for reports. */
  page(jobId: string, afterSeq: number, limit: number): Promise<Delivery[]>;
  get(jobId: string, userId: string): Promise<Delivery | undefined>;
  /** Written before the connector call; the conversation is kept so a re-send goes to the same chat. */
  markSending(
    jobId: string,
    seq: number,
    target: { conversationId: string; serviceUrl: string },
    now: string,
  ): Promise<void>;
  markSent(jobId: string, seq: number, activityId: string, now: string): Promise<void>;
  /** Final: failed or skipped, with the reason. */
  markFinal(
    jobId: string,
    seq: number,
    state: "failed" | "skipped",
    reason: string,
    now: string,
  ): Promise<void>;
  /** Back to pending (a retry later, or a pause); `possiblyDuplicated` when Teams may have it already. */
  markPending(jobId: string, seq: number, now: string, possiblyDuplicated?: boolean): Promise<void>;
  /** Rows a dead process left in `sending`: pending again, flagged possibly duplicated. Returns the count. */
  recoverInterrupted(jobId: string, now: string): Promise<number>;
  /** Cancel: every pending row becomes skipped ("cancelled"). */
  cancelPending(jobId: string, now: string): Promise<number>;
  /**
   * The recipient pressed "Done: check me now": when, and whether the re-check found them ready
   * (`readyNow` undefined: it could not be read). Undefined when they are not in the job.
   */
  acknowledge(
    jobId: string,
    userId: string,
    check: { readyNow?: boolean },
    now: string,
  ): Promise<Delivery | undefined>;
  totals(jobId: string): Promise<DeliveryTotals>;
}
