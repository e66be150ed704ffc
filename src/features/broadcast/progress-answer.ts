import type { Actor } from "../../domain/actor";
import type { BroadcastJob } from "../../domain/broadcast";
import type { Locale } from "../../domain/language";
import { replyLocale } from "../../i18n/locale";
import { localeOf, textsOf } from "./admin-locale";
import { errorView } from "./broadcast-access";
import type { BroadcastView } from "./broadcast-view";
import { snapshotOf } from "./progress";
import { progressView } from "./progress-card";
import type { BroadcastServiceOptions } from "./service-options";

type Parts = Pick<BroadcastServiceOptions, "jobs" | "ledger" | "now" | "timeZone">;

/** The progress view of a job of the actor's tenant, for the actor; else "no such broadcast". */
export async function progressAnswer(parts: Parts, jobId: string, actor: Actor): Promise<BroadcastView> {
  const job = await parts.jobs.getJob(jobId);
  if (!job || job.tenantId !== actor.tenantId.toLowerCase()) {
    return errorView(textsOf(actor), "noSuch");
  }
  return progressView(job, snapshotOf(await parts.ledger.totals(jobId), 0), {
    adminMri: actor.mri ?? job.progressRef?.adminMri,
    now: parts.now(),
    locale: localeOf(actor, parts.timeZone),
  });
}

/** The progress view for the runner's updates (no actor: the job's own reference), with its reader's locale. */
export async function progressUpdate(
  parts: Parts,
  job: BroadcastJob,
  ratePerSecond: number,
): Promise<{ shown: BroadcastView; locale: Locale }> {
  const reader = replyLocale({ activityLocale: job.progressRef?.locale });
  const locale = parts.timeZone ? { ...reader, timeZone: parts.timeZone } : reader;
  const shown = progressView(job, snapshotOf(await parts.ledger.totals(job.id), ratePerSecond), {
    adminMri: job.progressRef?.adminMri,
    now: parts.now(),
    locale,
  });
  return { shown, locale };
}
