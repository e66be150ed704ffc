import { randomUUID } from "node:crypto";

import { buildErrorCard } from "../../cards/error-card";
import type { AdaptiveCardJson } from "../../cards/types";
import type { Actor } from "../../domain/actor";
import type { BroadcastJob, ProgressCardRef } from "../../domain/broadcast";
import type { Verdict } from "../../domain/verdict";
import type { Logger } from "../../logger";
import type { AuditLog } from "../authz/audit-log";
import type { Authorizer } from "../authz/authorize";
import { refusalCard } from "../authz/refusal-card";
import { uploadCsv } from "../report/csv-upload";
import type { Scheduler } from "../scheduler/scheduler";
import { GUIDANCE } from "../status/guidance";
import { type AudienceSources, NoScanError } from "./audience";
import type { BroadcastJobStore } from "./broadcast-job-store";
import type { BroadcastLedger } from "./broadcast-ledger";
import { type ComposeInput, composeValues, validateCompose } from "./compose";
import { deliveryNotices, type OfferRefusal } from "./delivery-notices";
import { deliveryReportBytes, deliveryReportPieces } from "./delivery-report";
import { createFollowUp, type FollowUpKind } from "./follow-ups";
import type { JobRunner } from "./job-runner";
import { buildMessageCard, type CheckResult } from "./message-card";
import { personalLine } from "./personal-line";
import type { Assess } from "./prepare";
import { buildComposeCard, buildPreviewCard, countAudience } from "./preview";
import { snapshotOf } from "./progress";
import { buildProgressCard } from "./progress-card";

export const FOLLOW_UP_KIND = "broadcast.followUp";

export interface BroadcastServiceOptions {
  /** Who may broadcast: the permissions table, roles read in Graph at each step. */
  authz: Authorizer;
  sources: AudienceSources;
  jobs: BroadcastJobStore;
  ledger: BroadcastLedger;
  runner: JobRunner;
  auditLog: AuditLog;
  scheduler?: Scheduler;
  /** Re-checks one user in Graph now (the status service): "Done: check me now" and reminders. */
  assess?: Assess;
  logger: Logger;
  now: () => Date;
  /** For the delivery report's upload to Teams (OneDrive); global fetch when absent. */
  fetch?: typeof fetch;
}

/** What the re-check found, in one line: ready, what is still missing, or that it could not be read. */
function checkResult(verdict: Verdict | undefined): CheckResult {
  if (verdict === undefined) {
    return {
      text: "Your status could not be checked just now. Please try again in a minute.",
      style: "emphasis",
    };
  }
  if (verdict.mfaReady) {
    return {
      text: "Checked just now: you are ready. Thank you, there is nothing more to do.",
      style: "good",
    };
  }
  const first = verdict.actions[0];
  const missing =
    first && first in GUIDANCE
      ? GUIDANCE[first as keyof typeof GUIDANCE].title
      : "an MFA method that counts (Authenticator, a passkey or a security key)";
  return { text: `Checked just now: not ready yet. Still missing: ${missing}.`, style: "warning" };
}

/** The file a consent card offers for a job's delivery report. */
export interface DeliveryOffer {
  jobId: string;
  name: string;
  description: string;
  sizeInBytes: number;
}

/** Compose, preview, send and control broadcasts; every step re-reads the actor's roles in Graph. */
export class BroadcastService {
  constructor(private readonly options: BroadcastServiceOptions) {}

  /** Undefined when allowed, else the refusal card; either way authorize has audited it. */
  private async refusal(
    actor: Actor,
    step: string,
    subjectId?: string,
  ): Promise<AdaptiveCardJson | undefined> {
    const decision = await this.options.authz.authorize(actor, "broadcast", {
      step,
      ...(subjectId ? { subjectId } : {}),
    });
    return decision.allowed ? undefined : refusalCard(decision);
  }

  async compose(actor: Actor, draftId?: string): Promise<AdaptiveCardJson> {
    const refused = await this.refusal(actor, "compose");
    if (refused) {
      return refused;
    }
    const draft = typeof draftId === "string" ? await this.options.jobs.getDraft(draftId) : undefined;
    return buildComposeCard(draft && draft.tenantId === actor.tenantId ? composeValues(draft.content) : {});
  }

  async preview(actor: Actor, input: ComposeInput): Promise<AdaptiveCardJson> {
    const refused = await this.refusal(actor, "preview");
    if (refused) {
      return refused;
    }
    const values = Object.fromEntries(
      Object.entries(input).map(([key, value]) => [
        key,
        typeof value === "string" ? value : value === undefined ? "" : String(value),
      ]),
    );
    const result = validateCompose(input);
    if (!result.ok) {
      return buildComposeCard(values, result.problems);
    }
    let count;
    try {
      count = await countAudience(actor.tenantId, result.content, this.options.sources);
    } catch (error) {
      if (error instanceof NoScanError) {
        return buildComposeCard(values, [error.message]);
      }
      throw error;
    }
    const draftId = randomUUID();
    await this.options.jobs.saveDraft({
      id: draftId,
      tenantId: actor.tenantId,
      authorId: actor.userId,
      authorName: actor.name,
      content: result.content,
      createdAt: this.options.now().toISOString(),
    });
    return buildPreviewCard(draftId, result.content, count, actor.name ?? "your IT team");
  }

  /** Send: the job's id is the draft's, so a second Send (or a retried invoke) starts nothing new. */
  async send(
    actor: Actor,
    draftId: unknown,
    card: Omit<ProgressCardRef, "adminMri"> | undefined,
  ): Promise<AdaptiveCardJson> {
    const refused = await this.refusal(actor, "send", typeof draftId === "string" ? draftId : undefined);
    if (refused) {
      return refused;
    }
    const draft = typeof draftId === "string" ? await this.options.jobs.getDraft(draftId) : undefined;
    if (!draft || draft.tenantId !== actor.tenantId.toLowerCase() || draft.authorId !== actor.userId) {
      return buildErrorCard({
        title: "This preview cannot be sent",
        whatHappened: "The draft does not exist, or it is someone else's.",
        whatToDo: "Type broadcast to write a new one.",
      });
    }
    const { created, job } = await this.options.jobs.createJob({
      id: draft.id,
      tenantId: draft.tenantId,
      content: draft.content,
      authorId: actor.userId,
      authorName: actor.name,
      origin: "bot",
      createdAt: this.options.now().toISOString(),
    });
    if (created) {
      if (card) {
        await this.options.jobs.setProgressRef(job.id, { ...card, adminMri: actor.mri });
      }
      await this.options.auditLog.record({
        tenantId: actor.tenantId,
        actorId: actor.userId,
        actorName: actor.name,
        action: "broadcast.started",
        subjectId: job.id,
        subjectName: draft.content.title.slice(0, 120),
        outcome: "success",
        detail: {
          audience: draft.content.audience.kind,
          remindDays: draft.content.remindDays ?? 0,
          origin: "bot",
        },
      });
      if (draft.content.remindDays && this.options.scheduler) {
        const runAt = new Date(
          this.options.now().getTime() + draft.content.remindDays * 86_400_000,
        ).toISOString();
        await this.options.scheduler.schedule({
          kind: FOLLOW_UP_KIND,
          tenantId: actor.tenantId,
          runAt,
          payload: { jobId: job.id },
          key: job.id,
        });
      }
      void this.options.runner.run(job.id);
    }
    return this.progressCard(job.id, actor);
  }

  async discard(actor: Actor): Promise<AdaptiveCardJson> {
    const refused = await this.refusal(actor, "discard");
    if (refused) {
      return refused;
    }
    return buildErrorCard({
      title: "Broadcast cancelled",
      whatHappened: "Nothing was sent.",
      whatToDo: "Type broadcast to write a new one.",
    });
  }

  async control(
    actor: Actor,
    jobId: unknown,
    action: "pause" | "resume" | "cancel",
  ): Promise<AdaptiveCardJson> {
    const id = typeof jobId === "string" ? jobId : "";
    const refused = await this.refusal(actor, action, id);
    if (refused) {
      return refused;
    }
    const job = await this.options.jobs.getJob(id);
    if (!job || job.tenantId !== actor.tenantId.toLowerCase()) {
      return buildErrorCard({
        title: "No such broadcast",
        whatHappened: "This card names a broadcast that does not exist here.",
        whatToDo: "Type broadcast to start a new one.",
      });
    }
    const changed =
      action === "pause"
        ? await this.options.jobs.transition(id, ["sending", "preparing"], "paused", { pauseReason: "admin" })
        : action === "resume"
          ? await this.options.jobs.transition(id, ["paused"], "sending")
          : await this.options.jobs.transition(id, ["sending", "paused", "preparing"], "cancelled");
    if (changed) {
      await this.options.auditLog.record({
        tenantId: actor.tenantId,
        actorId: actor.userId,
        actorName: actor.name,
        action: `broadcast.${action === "pause" ? "paused" : action === "resume" ? "resumed" : "cancelled"}`,
        subjectId: id,
        outcome: "success",
      });
      if (action === "resume") {
        void this.options.runner.run(id);
      } else if (action === "cancel" && !this.options.runner.isRunning(id)) {
        await this.options.ledger.cancelPending(id, this.options.now().toISOString());
        if (this.options.scheduler) {
          await this.options.scheduler.cancel(FOLLOW_UP_KIND, id);
        }
      }
    }
    return this.progressCard(id, actor);
  }

  async progress(actor: Actor, jobId: unknown): Promise<AdaptiveCardJson> {
    const refused = await this.refusal(actor, "progress", typeof jobId === "string" ? jobId : undefined);
    if (refused) {
      return refused;
    }
    return this.progressCard(typeof jobId === "string" ? jobId : "", actor);
  }

  private async progressCard(jobId: string, actor: Actor): Promise<AdaptiveCardJson> {
    const job = await this.options.jobs.getJob(jobId);
    if (!job || job.tenantId !== actor.tenantId.toLowerCase()) {
      return buildErrorCard({
        title: "No such broadcast",
        whatHappened: "This card names a broadcast that does not exist here.",
        whatToDo: "Type broadcast to start a new one.",
      });
    }
    return buildProgressCard(job, snapshotOf(await this.options.ledger.totals(jobId), 0), {
      adminMri: actor.mri ?? job.progressRef?.adminMri,
      now: this.options.now(),
    });
  }

  /** "Delivery report (CSV)": what the file consent card offers, and the progress card to leave in place. */
  async offerReport(
    actor: Actor,
    jobId: unknown,
  ): Promise<{ card: AdaptiveCardJson; offer?: DeliveryOffer }> {
    const id = typeof jobId === "string" ? jobId : "";
    const refused = await this.refusal(actor, "report", id || undefined);
    if (refused) {
      return { card: refused };
    }
    const job = await this.jobInTenant(id, actor);
    if (!job) {
      return { card: await this.progressCard(id, actor) };
    }
    const day = (job.finishedAt ?? job.createdAt).slice(0, 10);
    const totals = await this.options.ledger.totals(job.id);
    const offer = {
      jobId: job.id,
      name: `mfa-broadcast-delivery-${day}-${job.id.slice(0, 8)}.csv`,
      description: `Delivery of "${job.content.title.slice(0, 80)}" to ${totals.total} recipients (one row each: state, reason, possibly duplicated).`,
      sizeInBytes: await deliveryReportBytes(this.options.ledger, job.id),
    };
    return { card: await this.progressCard(job.id, actor), offer };
  }

  /** An answer to an offer that was not made to this user (or names no one): refused, audited. */
  async refuseReport(actor: Actor, jobId: string, reason: OfferRefusal): Promise<AdaptiveCardJson> {
    await this.options.auditLog.record({
      tenantId: actor.tenantId,
      actorId: actor.userId,
      actorName: actor.name,
      action: "broadcast.refused",
      subjectId: jobId,
      outcome: "refused",
      detail: { step: "report.accept", reason },
    });
    this.options.logger.warn(
      { event: "broadcast.reportRefused", reason, userId: actor.userId, jobId },
      "delivery report offer not honoured",
    );
    return deliveryNotices.notHonoured(reason);
  }

  /**
   * The admin accepted the file consent card: roles re-read in Graph now, the job must be of their
   * tenant; then the CSV is streamed from the ledger to Teams' upload URL in Content-Range fragments.
   */
  async acceptReport(
    actor: Actor,
    jobId: string,
    uploadUrl: string,
    reference: string,
  ): Promise<{ uploaded: boolean; card?: AdaptiveCardJson }> {
    if (await this.refusal(actor, "report.accept", jobId)) {
      return { uploaded: false, card: deliveryNotices.notHonoured("noRole") };
    }
    const job = await this.jobInTenant(jobId, actor);
    if (!job) {
      return { uploaded: false, card: await this.refuseReport(actor, jobId, "noSuchJob") };
    }
    const { ledger } = this.options;
    const totalBytes = await deliveryReportBytes(ledger, job.id);
    try {
      await uploadCsv({
        url: uploadUrl,
        totalBytes,
        pieces: deliveryReportPieces(ledger, job.id),
        fetch: this.options.fetch,
      });
    } catch (error) {
      this.options.logger.warn(
        {
          event: "broadcast.reportFailed",
          jobId,
          err: { name: (error as Error).name, message: (error as Error).message },
        },
        "delivery report upload failed",
      );
      return { uploaded: false, card: deliveryNotices.failed(reference) };
    }
    await this.options.auditLog.record({
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

  /**
   * "Resend to those who failed" / "Remind those not yet ready" on the progress or report card: a new job
   * over this one's ledger, one of each kind per job (a second click shows the same job), audited; the
   * card is replaced by the new job's progress card, which then updates itself in the same place.
   */
  async followUp(
    actor: Actor,
    jobId: unknown,
    kind: FollowUpKind,
    card?: Omit<ProgressCardRef, "adminMri">,
  ): Promise<AdaptiveCardJson> {
    const id = typeof jobId === "string" ? jobId : "";
    const refused = await this.refusal(actor, kind === "failed" ? "resend" : "remind", id || undefined);
    if (refused) {
      return refused;
    }
    const parent = await this.jobInTenant(id, actor);
    if (!parent) {
      return this.progressCard(id, actor);
    }
    const { created, job } = await createFollowUp(
      { jobs: this.options.jobs, auditLog: this.options.auditLog },
      parent,
      kind,
      { userId: actor.userId, ...(actor.name ? { name: actor.name } : {}) },
      this.options.now(),
    );
    if (created) {
      const ref = card ?? parent.progressRef;
      if (ref) {
        await this.options.jobs.setProgressRef(job.id, {
          ...ref,
          adminMri: actor.mri ?? parent.progressRef?.adminMri,
        });
      }
      void this.options.runner.run(job.id);
    }
    return this.progressCard(job.id, actor);
  }

  /**
   * A recipient's "Done: check me now": their status re-read in Graph (the status service, fresh), the
   * acknowledgement and what it found recorded in the ledger, and their card answered in place.
   * Only a recipient of the job can acknowledge it: the actor is the turn's sender, never card data.
   */
  async checkMe(actor: Actor, jobId: unknown): Promise<AdaptiveCardJson> {
    const id = typeof jobId === "string" ? jobId : "";
    const job = await this.jobInTenant(id, actor);
    const delivery = job ? await this.options.ledger.get(job.id, actor.userId) : undefined;
    if (!job || !delivery) {
      return buildErrorCard({
        title: "This message was not sent to you",
        whatHappened: "The card names a broadcast you are not a recipient of.",
        whatToDo: "Type status to check your own status.",
      });
    }
    const verdict = this.options.assess
      ? await this.options.assess(actor.tenantId, actor.userId).catch((error: unknown) => {
          this.options.logger.warn(
            { event: "broadcast.recheckFailed", jobId: id, err: String(error) },
            "re-check failed",
          );
          return undefined;
        })
      : undefined;
    await this.options.ledger.acknowledge(
      job.id,
      actor.userId,
      verdict ? { readyNow: verdict.mfaReady } : {},
      this.options.now().toISOString(),
    );
    return buildMessageCard(
      job.content,
      personalLine(verdict) ?? delivery.personal,
      job.origin === "cli" ? "your IT team" : (job.authorName ?? "your IT team"),
      { jobId: job.id, result: checkResult(verdict) },
    );
  }

  private async jobInTenant(jobId: string, actor: Actor): Promise<BroadcastJob | undefined> {
    const job = jobId ? await this.options.jobs.getJob(jobId) : undefined;
    return job && job.tenantId === actor.tenantId.toLowerCase() ? job : undefined;
  }

  /** The progress card for the runner's updates (no actor: the job's own reference). */
  async cardFor(job: BroadcastJob, ratePerSecond: number): Promise<AdaptiveCardJson> {
    return buildProgressCard(job, snapshotOf(await this.options.ledger.totals(job.id), ratePerSecond), {
      adminMri: job.progressRef?.adminMri,
      now: this.options.now(),
    });
  }
}
