import { renderView, view } from "../../cards/view";
import { textsFor } from "../../i18n/i18n";
import type { ScheduledJob } from "../scheduler/scheduler";
import { listGlobalAdministrators } from "./approvers";
import { type PostponementDeps, REMINDER_JOB_KIND } from "./postponement-deps";
import { readerLocale } from "./reader-locale";
import { reminderCardData } from "./requester-views";

/**
 * The reminder some days before an approved postponement (or Support lift) runs out: to every Global
 * Administrator at that moment. The job lives in storage, so it survives restarts.
 */
export function registerReminders(deps: PostponementDeps): void {
  deps.scheduler.on(REMINDER_JOB_KIND, (job) => sendReminder(deps, job));
}

export async function sendReminder(deps: PostponementDeps, job: ScheduledJob): Promise<void> {
  const requestId = job.payload.requestId;
  const request = typeof requestId === "string" ? await deps.store.get(job.tenantId, requestId) : undefined;
  if (request === undefined || request.status !== "approved") {
    deps.logger.info(
      { jobId: job.id },
      "postponement reminder for a request that is gone or not approved: skipped",
    );
    return;
  }
  const now = deps.now();
  const approvers = await listGlobalAdministrators(deps.directory, deps.authz);
  // Each Global Administrator reads it in their own language.
  const results = await Promise.allSettled(
    approvers.map(async (approver) => {
      const locale = await readerLocale(deps, request.tenantId, approver.id, approver.preferredLanguage);
      const card = renderView(view("postponement-reminder", reminderCardData(request, now, locale)), locale);
      return deps.messenger.sendCard(request.tenantId, approver.id, card, {
        summary: textsFor(locale)("postponement.reminder.notification"),
      });
    }),
  );
  const delivered = results.filter((result) => result.status === "fulfilled").length;
  await deps.auditLog.record({
    tenantId: request.tenantId,
    actorId: "mfa-ready",
    action: "postponement.reminder-sent",
    subjectId: request.id,
    outcome: delivered > 0 || approvers.length === 0 ? "success" : "failed",
    detail: {
      phase: request.phase,
      wantedDate: request.wantedDate,
      delivered,
      unreachable: approvers.length - delivered,
    },
  });
  if (delivered === 0 && approvers.length > 0) {
    // Let the scheduler retry later: nobody heard it.
    throw new Error("no Global Administrator could be reached for the postponement reminder");
  }
}
