import type { BroadcastDraft, BroadcastJob, ProgressCardRef } from "../../domain/broadcast";
import { FOLLOW_UP_KIND } from "./scheduled-kinds";
import type { BroadcastServiceOptions } from "./service-options";

/**
 * The draft becomes its job (id = the draft's: a second Send, a retried invoke or a scheduled send
 * that fires on two instances starts nothing new), audited, its reminder scheduled, and run.
 */
export async function startJob(
  options: BroadcastServiceOptions,
  draft: BroadcastDraft,
  origin: "bot" | "cli",
  card: ProgressCardRef | undefined,
  detail: Record<string, string | number | boolean> = {},
): Promise<BroadcastJob> {
  const { created, job } = await options.jobs.createJob({
    id: draft.id,
    tenantId: draft.tenantId,
    content: draft.content,
    authorId: draft.authorId,
    authorName: draft.authorName,
    origin,
    createdAt: options.now().toISOString(),
  });
  if (!created) {
    return job;
  }
  if (card) {
    await options.jobs.setProgressRef(job.id, card);
  }
  await options.auditLog.record({
    tenantId: draft.tenantId,
    actorId: draft.authorId,
    actorName: draft.authorName,
    action: "broadcast.started",
    subjectId: job.id,
    subjectName: draft.content.title.slice(0, 120),
    outcome: "success",
    detail: {
      audience: draft.content.audience.kind,
      remindDays: draft.content.remindDays ?? 0,
      origin,
      ...detail,
    },
  });
  if (draft.content.remindDays && options.scheduler) {
    const runAt = new Date(options.now().getTime() + draft.content.remindDays * 86_400_000).toISOString();
    await options.scheduler.schedule({
      kind: FOLLOW_UP_KIND,
      tenantId: draft.tenantId,
      runAt,
      payload: { jobId: job.id },
      key: job.id,
    });
  }
  void options.runner.run(job.id);
  return job;
}
