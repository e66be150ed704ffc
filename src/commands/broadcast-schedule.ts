import type { TFunction } from "i18next";

import type { BroadcastContent } from "../domain/broadcast";
import { SEND_AT_KIND } from "../features/broadcast/scheduled-kinds";
import { wallClock } from "../features/broadcast/send-at";
import type { ProductStores } from "../product-stores";
import type { CommandIo } from "./command";

/**
 * `--at`: the draft and a scheduled job (kind broadcast.sendAt, key = the job id) in the shared stores;
 * whichever bot instance's scheduler leases it when it falls due sends it, once. Running the same command
 * again schedules nothing new.
 */
export async function scheduleSend(
  send: {
    jobId: string;
    tenantId: string;
    content: BroadcastContent;
    operator: string;
    timeZone?: string | undefined;
  },
  stores: ProductStores,
  io: CommandIo,
  t: TFunction,
): Promise<number> {
  const { jobId, tenantId, content, operator } = send;
  const local = wallClock(content.sendAt!, send.timeZone);
  const when = `${local.date} ${local.time} (${send.timeZone ?? "UTC"})`;
  if (
    (await stores.broadcastJobs.getJob(jobId)) ||
    (await stores.scheduledJobs.list(SEND_AT_KIND)).some((job) => job.key === jobId)
  ) {
    io.stdout.write(`${t("broadcast.cli.alreadyScheduled", { jobId })}\n`);
    return 0;
  }
  if (!(await stores.broadcastJobs.getDraft(jobId))) {
    await stores.broadcastJobs.saveDraft({
      id: jobId,
      tenantId,
      authorId: `cli:${operator}`,
      authorName: operator,
      content,
      createdAt: new Date().toISOString(),
    });
  }
  await stores.scheduledJobs.upsert({
    kind: SEND_AT_KIND,
    tenantId,
    runAt: content.sendAt!,
    key: jobId,
    payload: { draftId: jobId },
  });
  await stores.auditLog.record({
    tenantId,
    actorId: `cli:${operator}`,
    actorName: operator,
    action: "broadcast.scheduled",
    subjectId: jobId,
    subjectName: content.title,
    outcome: "success",
    detail: { audience: content.audience.kind, sendAt: content.sendAt!, origin: "cli" },
  });
  io.stdout.write(`${t("broadcast.cli.scheduled", { jobId, when, sendAt: content.sendAt })}\n`);
  return 0;
}

/** `--cancel`: a scheduled send that has not fired yet is dropped (audited); nothing is sent. */
export async function cancelScheduled(
  jobId: string,
  operator: string,
  stores: ProductStores,
  io: CommandIo,
  t: TFunction,
): Promise<number> {
  const scheduled = (await stores.scheduledJobs.list(SEND_AT_KIND)).find((job) => job.key === jobId);
  if (!scheduled || !(await stores.scheduledJobs.cancel(SEND_AT_KIND, jobId))) {
    io.stdout.write(`${t("broadcast.cli.noScheduled", { jobId })}\n`);
    return 1;
  }
  await stores.auditLog.record({
    tenantId: scheduled.tenantId,
    actorId: `cli:${operator}`,
    actorName: operator,
    action: "broadcast.cancelled",
    subjectId: jobId,
    outcome: "success",
    detail: { scheduled: true, sendAt: scheduled.runAt, origin: "cli" },
  });
  io.stdout.write(`${t("broadcast.cli.cancelled", { jobId })}\n`);
  return 0;
}
