import type { Actor } from "../../domain/actor";
import { ENGLISH, type Language } from "../../domain/language";
import { translator } from "../../i18n/i18n";
import { uploadCsv } from "../report/csv-upload";
import { textsOf } from "./admin-locale";
import { jobInTenant, refusalOf } from "./broadcast-access";
import type { BroadcastView } from "./broadcast-view";
import { shownTitle } from "./content-labels";
import { deliveryNotices, type OfferRefusal } from "./delivery-notices";
import { deliveryReportBytes, deliveryReportPieces } from "./delivery-report";
import { progressAnswer } from "./progress-answer";
import type { BroadcastServiceOptions } from "./service-options";

/** The file a consent card offers for a job's delivery report. */
export interface DeliveryOffer {
  jobId: string;
  name: string;
  description: string;
  sizeInBytes: number;
  /** The language of the file's words (the `why` column): the size is of the file in it. */
  language: Language;
}

/** "Delivery report (CSV)": what the file consent card offers, and the progress view to leave in place. */
export async function offerReport(
  options: BroadcastServiceOptions,
  actor: Actor,
  jobId: unknown,
): Promise<{ shown: BroadcastView; offer?: DeliveryOffer }> {
  const id = typeof jobId === "string" ? jobId : "";
  const refused = await refusalOf(options.authz, actor, "report", id || undefined);
  if (refused) {
    return { shown: refused };
  }
  const job = await jobInTenant(options.jobs, id, actor);
  if (!job) {
    return { shown: await progressAnswer(options, id, actor) };
  }
  const day = (job.finishedAt ?? job.createdAt).slice(0, 10);
  const language = (actor.locale ?? ENGLISH).language;
  const totals = await options.ledger.totals(job.id);
  const offer = {
    jobId: job.id,
    name: `mfa-broadcast-delivery-${day}-${job.id.slice(0, 8)}.csv`,
    description: textsOf(actor)("broadcast.notices.offerDescription", {
      title: shownTitle(job.content, textsOf(actor)).slice(0, 80),
      count: totals.total,
    }),
    sizeInBytes: await deliveryReportBytes(options.ledger, job.id, translator(language)),
    language,
  };
  return { shown: await progressAnswer(options, job.id, actor), offer };
}

/** An answer to an offer that was not made to this user (or names no one): refused, audited. */
export async function refuseReport(
  options: BroadcastServiceOptions,
  actor: Actor,
  jobId: string,
  reason: OfferRefusal,
): Promise<BroadcastView> {
  await options.auditLog.record({
    tenantId: actor.tenantId,
    actorId: actor.userId,
    actorName: actor.name,
    action: "broadcast.refused",
    subjectId: jobId,
    outcome: "refused",
    detail: { step: "report.accept", reason },
  });
  options.logger.warn(
    { event: "broadcast.reportRefused", reason, userId: actor.userId, jobId },
    "delivery report offer not honoured",
  );
  return deliveryNotices.notHonoured(reason, actor.locale);
}

/**
 * The admin accepted the file consent card: roles re-read in Graph now, the job must be of their
 * tenant; then the CSV is streamed from the ledger to Teams' upload URL in Content-Range fragments.
 */
export async function acceptReport(
  options: BroadcastServiceOptions,
  actor: Actor,
  offer: { jobId: string; uploadUrl: string; reference: string; language?: Language | undefined },
): Promise<{ uploaded: boolean; shown?: BroadcastView }> {
  const { jobId } = offer;
  if (await refusalOf(options.authz, actor, "report.accept", jobId)) {
    return { uploaded: false, shown: deliveryNotices.notHonoured("noRole", actor.locale) };
  }
  const job = await jobInTenant(options.jobs, jobId, actor);
  if (!job) {
    return { uploaded: false, shown: await refuseReport(options, actor, jobId, "noSuchJob") };
  }
  const { ledger } = options;
  // The language it was offered in (its size was announced in it), else the accepting admin's.
  const t = translator(offer.language ?? (actor.locale ?? ENGLISH).language);
  const totalBytes = await deliveryReportBytes(ledger, job.id, t);
  try {
    await uploadCsv({
      url: offer.uploadUrl,
      totalBytes,
      pieces: deliveryReportPieces(ledger, job.id, t),
      fetch: options.fetch,
    });
  } catch (error) {
    options.logger.warn(
      {
        event: "broadcast.reportFailed",
        jobId,
        err: { name: (error as Error).name, message: (error as Error).message },
      },
      "delivery report upload failed",
    );
    return { uploaded: false, shown: deliveryNotices.failed(offer.reference, actor.locale) };
  }
  await options.auditLog.record({
    tenantId: actor.tenantId,
    actorId: actor.userId,
    actorName: actor.name,
    action: "broadcast.reportUploaded",
    subjectId: job.id,
    outcome: "success",
    detail: { bytes: totalBytes },
  });
  return { uploaded: true };
}
