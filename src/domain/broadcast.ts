import type { Language } from "./language";

/** A broadcast's records: what it says, to whom, and one row per recipient. Pure data, no I/O. */

/** What a broadcast says and to whom: fixed when the admin previews, copied into the job on Send. */
export interface BroadcastContent {
  title: string;
  /** The admin's text, Markdown subset; shown literally otherwise (no templating, no HTML). */
  message: string;
  button?: BroadcastButton;
  audience: AudienceSpec;
  /** "Remind those still not ready in N days"; 0 or absent: no follow-up. */
  remindDays?: number;
  /** The message in more languages (the admin's own texts); a reader of another gets `message`. */
  translations?: Partial<Record<Language, string>>;
  /** "Send at": the instant (ISO, UTC) the admin chose in the tenant's time zone; absent: at once. */
  sendAt?: string;
}

export type BroadcastButton =
  { kind: "walkthrough"; code: string } | { kind: "url"; url: string; title: string };

export type AudienceSpec =
  | { kind: "affected-not-ready" }
  | { kind: "affected" }
  | { kind: "phase2" }
  | { kind: "break-glass" }
  | { kind: "group"; groupId: string }
  | { kind: "upns"; upns: string[] }
  /** A follow-up: the recipients of an earlier job, re-assessed (only those still not ready get it). */
  | { kind: "follow-up"; parentJobId: string }
  /** "Resend to those who failed": the recipients an earlier job could not reach. */
  | { kind: "resend-failed"; parentJobId: string };

export type JobState = "preparing" | "sending" | "paused" | "cancelled" | "done";
export type JobOrigin = "bot" | "cli" | "follow-up";

/** Where the admin's progress card is, to update it in place. */
export interface ProgressCardRef {
  conversationId: string;
  activityId: string;
  serviceUrl: string;
  /** The admin's MRI, for the card's refresh.userIds. */
  adminMri?: string;
  /** The admin's locale (BCP 47) when they sent it: the runner's updates of the card are in it. */
  locale?: string;
}

export interface BroadcastJob {
  id: string;
  tenantId: string;
  content: BroadcastContent;
  authorId: string;
  authorName?: string;
  origin: JobOrigin;
  state: JobState;
  /** "admin" (Pause pressed) or "throttled" (Teams kept answering 429). */
  pauseReason?: string;
  /** Epoch ms: a throttled pause ends by itself then. */
  resumeAt?: number;
  progressRef?: ProgressCardRef;
  parentJobId?: string;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** Time spent sending (paused time excluded), summed over every process that ran the job. */
  sendMs: number;
}

export type DeliveryState = "pending" | "sending" | "sent" | "failed" | "skipped";

export interface Delivery {
  jobId: string;
  seq: number;
  userId: string;
  upn: string;
  displayName: string;
  /** The recipient's own status, fixed when the job was prepared (a code written out in their language). */
  personal?: string;
  /** Their Graph preferredLanguage, read when the job was prepared. */
  locale?: string;
  state: DeliveryState;
  reason?: string;
  activityId?: string;
  conversationId?: string;
  serviceUrl?: string;
  attempts: number;
  possiblyDuplicated: boolean;
  updatedAt: string;
  /** When the recipient last pressed "Done: check me now". */
  acknowledgedAt?: string;
  /** What that re-check found (absent when their status could not be read then). */
  readyNow?: boolean;
}

export type NewDelivery = Pick<Delivery, "userId" | "upn" | "displayName" | "personal" | "locale"> &
  Partial<Pick<Delivery, "state" | "reason">>;

export interface DeliveryTotals {
  total: number;
  pending: number;
  sending: number;
  sent: number;
  failed: number;
  skipped: number;
  possiblyDuplicated: number;
  /** Recipients who pressed "Done: check me now". */
  acknowledged: number;
  /** Of those, the ones whose re-check in Graph found them ready. */
  nowReady: number;
  failedByReason: Record<string, number>;
  skippedByReason: Record<string, number>;
}

/** Totals of a job with no deliveries yet: where every ledger starts counting. */
export function emptyDeliveryTotals(): DeliveryTotals {
  return {
    total: 0,
    pending: 0,
    sending: 0,
    sent: 0,
    failed: 0,
    skipped: 0,
    possiblyDuplicated: 0,
    acknowledged: 0,
    nowReady: 0,
    failedByReason: {},
    skippedByReason: {},
  };
}

export interface BroadcastDraft {
  id: string;
  tenantId: string;
  authorId: string;
  authorName?: string;
  content: BroadcastContent;
  createdAt: string;
}

export type NewJob = Pick<
  BroadcastJob,
  "id" | "tenantId" | "content" | "authorId" | "authorName" | "origin" | "parentJobId"
> & {
  createdAt: string;
};
