import type { BroadcastJob } from "../../domain/broadcast";
import type { AuditLog } from "../authz/audit-log";
import type { BroadcastJobStore } from "./broadcast-job-store";

/** "Remind those not yet ready" (a click, or the scheduled reminder) and "Resend to those who failed". */
export type FollowUpKind = "not-ready" | "failed";

/** One of each per job: its id is the parent's with a suffix, so a second click or run starts nothing. */
export const followUpJobId = (parentId: string, kind: FollowUpKind) =>
  `${parentId}:${kind === "failed" ? "resend" : "follow-up"}`;

/**
 * Creates the follow-up job over the parent's ledger (its recipients, not a new audience) and audits
 * it when it is new. The caller has authorised the author and runs the job.
 */
export async function createFollowUp(
  stores: { jobs: BroadcastJobStore; auditLog: AuditLog },
  parent: BroadcastJob,
  kind: FollowUpKind,
  by: { userId: string; name?: string },
  now: Date,
): Promise<{ created: boolean; job: BroadcastJob }> {
  const id = followUpJobId(parent.id, kind);
  const result = await stores.jobs.createJob({
    id,
    tenantId: parent.tenantId,
    authorId: parent.authorId,
    authorName: parent.authorName,
    origin: "follow-up",
    parentJobId: parent.id,
    createdAt: now.toISOString(),
    content: {
      ...parent.content,
      // The parent's own title: "Reminder: …" / "Again: …" is added where it is shown, in the reader's language.
      title: parent.content.title,
      audience:
        kind === "failed"
          ? { kind: "resend-failed", parentJobId: parent.id }
          : { kind: "follow-up", parentJobId: parent.id },
      remindDays: undefined,
    },
  });
  if (result.created) {
    await stores.auditLog.record({
      tenantId: parent.tenantId,
      actorId: by.userId,
      actorName: by.name,
      action: "broadcast.started",
      subjectId: id,
      subjectName: result.job.content.title,
      outcome: "success",
      detail: { audience: result.job.content.audience.kind, origin: "follow-up", parentJobId: parent.id },
    });
  }
  return result;
}
