import { randomUUID } from "node:crypto";

import type { TFunction } from "i18next";

import { errorCard } from "../../cards/error-card";
import type { Actor } from "../../domain/actor";
import type { BroadcastDraft, BroadcastJob, ProgressCardRef } from "../../domain/broadcast";
import { ENGLISH, type Locale } from "../../domain/language";
import type { Verdict } from "../../domain/verdict";
import { textsFor } from "../../i18n/i18n";
import { replyLocale } from "../../i18n/locale";
import type { Logger } from "../../logger";
import type { AuditLog } from "../authz/audit-log";
import type { Authorizer } from "../authz/authorize";
import { refusalView } from "../authz/refusal-card";
import { uploadCsv } from "../report/csv-upload";
import type { ScheduledJob, Scheduler } from "../scheduler/scheduler";
import { type AudienceSources, NoScanError } from "./audience";
import type { BroadcastJobStore } from "./broadcast-job-store";
import type { BroadcastLedger } from "./broadcast-ledger";
import type { BroadcastView } from "./broadcast-view";
import { type ComposeInput, composeValues, validateCompose } from "./compose";
import { deliveryNotices, type OfferRefusal } from "./delivery-notices";
import { deliveryReportBytes, deliveryReportPieces } from "./delivery-report";
import { createFollowUp, type FollowUpKind } from "./follow-ups";
import type { JobRunner } from "./job-runner";
import { type CheckResult, messageView } from "./message-card";
import { actionTitle, personalCode } from "./personal-line";
import type { Assess } from "./prepare";
import { composeView, countAudience, previewView } from "./preview";
import { snapshotOf } from "./progress";
import { progressView, scheduledView } from "./progress-card";

export const FOLLOW_UP_KIND = "broadcast.followUp";
/** A broadcast with a "send at": the scheduler holds it (durable, leased) until then; key = the draft's id. */
export const SEND_AT_KIND = "broadcast.sendAt";

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
  /** TIME_ZONE: "send at" is read and shown in it (UTC when absent). */
  timeZone?: string | undefined;
  /** For the delivery report's upload to Teams (OneDrive); global fetch when absent. */
  fetch?: typeof fetch;
}

/** What the re-check found, in one line: ready, what is still missing, or that it could not be read. */
function checkResult(verdict: Verdict | undefined, t: TFunction): CheckResult {
  if (verdict === undefined) {
    return { text: t("broadcast.check.unknown"), style: "emphasis" };
  }
  if (verdict.mfaReady) {
    return { text: t("broadcast.check.ready"), style: "good" };
  }
  const first = verdict.actions[0];
  return {
    text: t("broadcast.check.notReady", {
      missing: first ? actionTitle(first, t) : t("broadcast.actions.other"),
    }),
    style: "warning",
  };
}

/** A view of the error template with the broadcast's own words (`<key>Title`, `<key>What`, `<key>Do`). */
function errorView(t: TFunction, key: string, todo = `${key}Do`): BroadcastView {
  return errorCard({
    title: t(`broadcast.errors.${key}Title`),
    whatHappened: t(`broadcast.errors.${key}What`),
    whatToDo: t(`broadcast.errors.${todo}`),
  });
}

/** What was typed, back into the form literally (untrusted: strings only). */
const formValues = (input: ComposeInput): Record<string, string> =>
  Object.fromEntries(
    Object.entries(input).map(([key, value]) => [
      key,
      typeof value === "string" ? value : value === undefined || value === null ? "" : String(value),
    ]),
  );

const textsOf = (actor: Actor) => textsFor(actor.locale ?? ENGLISH);

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

  /** Undefined when allowed, else the refusal in the actor's language; either way authorize has audited it. */
  private async refusal(actor: Actor, step: string, subjectId?: string): Promise<BroadcastView | undefined> {
    const decision = await this.options.authz.authorize(actor, "broadcast", {
      step,
      ...(subjectId ? { subjectId } : {}),
    });
    return decision.allowed ? undefined : refusalView(decision, actor.locale ?? ENGLISH);
  }

  async compose(actor: Actor, draftId?: string, typed?: ComposeInput): Promise<BroadcastView> {
    const refused = await this.refusal(actor, "compose");
    if (refused) {
      return refused;
    }
    if (typed) {
      return composeView(formValues(typed), [], this.formFor(actor));
    }
    const draft = typeof draftId === "string" ? await this.options.jobs.getDraft(draftId) : undefined;
    return composeView(
      draft && draft.tenantId === actor.tenantId ? composeValues(draft.content, this.options.timeZone) : {},
      [],
      this.formFor(actor),
    );
  }

  async preview(actor: Actor, input: ComposeInput): Promise<BroadcastView> {
    const refused = await this.refusal(actor, "preview");
    if (refused) {
      return refused;
    }
    const values = formValues(input);
    const result = validateCompose(input, {
      now: this.options.now(),
      timeZone: this.options.timeZone,
      t: textsOf(actor),
    });
    if (!result.ok) {
      return composeView(values, result.problems, this.formFor(actor));
    }
    let count;
    try {
      count = await countAudience(actor.tenantId, result.content, this.options.sources);
    } catch (error) {
      if (error instanceof NoScanError) {
        return composeView(values, [textsOf(actor)("broadcast.problems.noScan")], this.formFor(actor));
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
    return previewView(
      draftId,
      result.content,
      count,
      actor.name ?? textsOf(actor)("broadcast.sender"),
      this.formFor(actor),
    );
  }

  /** Send: the job's id is the draft's, so a second Send (or a retried invoke) starts nothing new. */
  async send(
    actor: Actor,
    draftId: unknown,
    card: Omit<ProgressCardRef, "adminMri"> | undefined,
  ): Promise<BroadcastView> {
    const refused = await this.refusal(actor, "send", typeof draftId === "string" ? draftId : undefined);
    if (refused) {
      return refused;
    }
    const draft = typeof draftId === "string" ? await this.options.jobs.getDraft(draftId) : undefined;
    if (!draft || draft.tenantId !== actor.tenantId.toLowerCase() || draft.authorId !== actor.userId) {
      return errorView(textsOf(actor), "cannotSend", "startAgain");
    }
    const sendAt = draft.content.sendAt;
    if (
      sendAt &&
      Date.parse(sendAt) > this.options.now().getTime() &&
      !(await this.options.jobs.getJob(draft.id))
    ) {
      return this.schedule(actor, draft, card);
    }
    await this.start(draft, "bot", card ? this.refOf(card, actor) : undefined);
    return this.progressCard(draft.id, actor);
  }

  /**
   * The draft becomes its job (id = the draft's: a second Send, a retried invoke or a scheduled send
   * that fires on two instances starts nothing new), audited, its reminder scheduled, and run.
   */
  private async start(
    draft: BroadcastDraft,
    origin: "bot" | "cli",
    card: ProgressCardRef | undefined,
    detail: Record<string, string | number | boolean> = {},
  ): Promise<BroadcastJob> {
    const { created, job } = await this.options.jobs.createJob({
      id: draft.id,
      tenantId: draft.tenantId,
      content: draft.content,
      authorId: draft.authorId,
      authorName: draft.authorName,
      origin,
      createdAt: this.options.now().toISOString(),
    });
    if (created) {
      if (card) {
        await this.options.jobs.setProgressRef(job.id, card);
      }
      await this.options.auditLog.record({
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
      if (draft.content.remindDays && this.options.scheduler) {
        const runAt = new Date(
          this.options.now().getTime() + draft.content.remindDays * 86_400_000,
        ).toISOString();
        await this.options.scheduler.schedule({
          kind: FOLLOW_UP_KIND,
          tenantId: draft.tenantId,
          runAt,
          payload: { jobId: job.id },
          key: job.id,
        });
      }
      void this.options.runner.run(job.id);
    }
    return job;
  }

  /** "Send at": held by the scheduler until then (once per draft), audited; the card says when. */
  private async schedule(
    actor: Actor,
    draft: BroadcastDraft,
    card: Omit<ProgressCardRef, "adminMri"> | undefined,
  ): Promise<BroadcastView> {
    const { scheduler } = this.options;
    const sendAt = draft.content.sendAt!;
    if (!scheduler) {
      return errorView(textsOf(actor), "noScheduler");
    }
    if (!(await scheduler.find(SEND_AT_KIND, draft.id))) {
      await scheduler.schedule({
        kind: SEND_AT_KIND,
        tenantId: draft.tenantId,
        runAt: sendAt,
        key: draft.id,
        payload: { draftId: draft.id, ...(card ? { progressRef: this.refOf(card, actor) } : {}) },
      });
      await this.options.auditLog.record({
        tenantId: actor.tenantId,
        actorId: actor.userId,
        actorName: actor.name,
        action: "broadcast.scheduled",
        subjectId: draft.id,
        subjectName: draft.content.title.slice(0, 120),
        outcome: "success",
        detail: { audience: draft.content.audience.kind, sendAt, origin: "bot" },
      });
    }
    return scheduledView(draft, "scheduled", { adminMri: actor.mri, ...this.formFor(actor) });
  }

  /**
   * A scheduled send fell due (the scheduler leased it to this instance): the author's roles are read
   * again now (a command-line operator's are not: they ran it with the tenant's credentials), then the
   * job starts as if Send had been pressed now. The runner goes on after the scheduler's job is done.
   */
  async sendScheduled(scheduled: ScheduledJob): Promise<void> {
    const draft = await this.options.jobs.getDraft(String(scheduled.payload.draftId ?? ""));
    if (!draft) {
      return;
    }
    const cli = draft.authorId.startsWith("cli:");
    if (!cli) {
      const author = {
        tenantId: draft.tenantId,
        userId: draft.authorId,
        ...(draft.authorName ? { name: draft.authorName } : {}),
      };
      const decision = await this.options.authz.authorize(author, "broadcast", {
        step: "send-at",
        subjectId: draft.id,
      });
      if (!decision.allowed) {
        return;
      }
    }
    const card = scheduled.payload.progressRef as ProgressCardRef | undefined;
    await this.start(draft, cli ? "cli" : "bot", card, {
      scheduled: true,
      sendAt: draft.content.sendAt ?? "",
    });
  }

  /** A scheduled send, cancelled before it fired: nothing is sent; audited. */
  private async scheduledCard(
    actor: Actor,
    id: string,
    action: "pause" | "resume" | "cancel" | "progress",
  ): Promise<BroadcastView | undefined> {
    const { scheduler } = this.options;
    const scheduled = id && scheduler ? await scheduler.find(SEND_AT_KIND, id) : undefined;
    const draft = scheduled ? await this.options.jobs.getDraft(id) : undefined;
    if (!scheduler || !draft || draft.tenantId !== actor.tenantId.toLowerCase()) {
      return undefined;
    }
    if (action === "cancel" && (await scheduler.cancel(SEND_AT_KIND, id))) {
      await this.options.auditLog.record({
        tenantId: actor.tenantId,
        actorId: actor.userId,
        actorName: actor.name,
        action: "broadcast.cancelled",
        subjectId: id,
        outcome: "success",
        detail: { scheduled: true, sendAt: draft.content.sendAt ?? "" },
      });
      return scheduledView(draft, "cancelled", { adminMri: actor.mri, ...this.formFor(actor) });
    }
    return scheduledView(draft, "scheduled", { adminMri: actor.mri, ...this.formFor(actor) });
  }

  async discard(actor: Actor): Promise<BroadcastView> {
    const refused = await this.refusal(actor, "discard");
    if (refused) {
      return refused;
    }
    return errorView(textsOf(actor), "discarded", "startAgain");
  }

  async control(actor: Actor, jobId: unknown, action: "pause" | "resume" | "cancel"): Promise<BroadcastView> {
    const id = typeof jobId === "string" ? jobId : "";
    const refused = await this.refusal(actor, action, id);
    if (refused) {
      return refused;
    }
    const job = await this.options.jobs.getJob(id);
    if (!job || job.tenantId !== actor.tenantId.toLowerCase()) {
      return (await this.scheduledCard(actor, id, action)) ?? errorView(textsOf(actor), "noSuch");
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

  async progress(actor: Actor, jobId: unknown): Promise<BroadcastView> {
    const refused = await this.refusal(actor, "progress", typeof jobId === "string" ? jobId : undefined);
    if (refused) {
      return refused;
    }
    const id = typeof jobId === "string" ? jobId : "";
    if (!(await this.jobInTenant(id, actor))) {
      const scheduled = await this.scheduledCard(actor, id, "progress");
      if (scheduled) {
        return scheduled;
      }
    }
    return this.progressCard(id, actor);
  }

  private async progressCard(jobId: string, actor: Actor): Promise<BroadcastView> {
    const job = await this.options.jobs.getJob(jobId);
    if (!job || job.tenantId !== actor.tenantId.toLowerCase()) {
      return errorView(textsOf(actor), "noSuch");
    }
    return progressView(job, snapshotOf(await this.options.ledger.totals(jobId), 0), {
      adminMri: actor.mri ?? job.progressRef?.adminMri,
      now: this.options.now(),
      locale: this.localeOf(actor),
    });
  }

  /** "Delivery report (CSV)": what the file consent card offers, and the progress card to leave in place. */
  async offerReport(actor: Actor, jobId: unknown): Promise<{ shown: BroadcastView; offer?: DeliveryOffer }> {
    const id = typeof jobId === "string" ? jobId : "";
    const refused = await this.refusal(actor, "report", id || undefined);
    if (refused) {
      return { shown: refused };
    }
    const job = await this.jobInTenant(id, actor);
    if (!job) {
      return { shown: await this.progressCard(id, actor) };
    }
    const day = (job.finishedAt ?? job.createdAt).slice(0, 10);
    const totals = await this.options.ledger.totals(job.id);
    const offer = {
      jobId: job.id,
      name: `mfa-broadcast-delivery-${day}-${job.id.slice(0, 8)}.csv`,
      description: textsOf(actor)("broadcast.notices.offerDescription", {
        title: job.content.title.slice(0, 80),
        count: totals.total,
      }),
      sizeInBytes: await deliveryReportBytes(this.options.ledger, job.id),
    };
    return { shown: await this.progressCard(job.id, actor), offer };
  }

  /** An answer to an offer that was not made to this user (or names no one): refused, audited. */
  async refuseReport(actor: Actor, jobId: string, reason: OfferRefusal): Promise<BroadcastView> {
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
    return deliveryNotices.notHonoured(reason, actor.locale);
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
  ): Promise<{ uploaded: boolean; shown?: BroadcastView }> {
    if (await this.refusal(actor, "report.accept", jobId)) {
      return { uploaded: false, shown: deliveryNotices.notHonoured("noRole", actor.locale) };
    }
    const job = await this.jobInTenant(jobId, actor);
    if (!job) {
      return { uploaded: false, shown: await this.refuseReport(actor, jobId, "noSuchJob") };
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
      return { uploaded: false, shown: deliveryNotices.failed(reference, actor.locale) };
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
  ): Promise<BroadcastView> {
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
  async checkMe(actor: Actor, jobId: unknown): Promise<BroadcastView> {
    const id = typeof jobId === "string" ? jobId : "";
    const job = await this.jobInTenant(id, actor);
    const delivery = job ? await this.options.ledger.get(job.id, actor.userId) : undefined;
    if (!job || !delivery) {
      return errorView(textsOf(actor), "notYours");
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
    // The card answers its reader: the clicking recipient, in the language Teams says they use.
    const locale = actor.locale ?? ENGLISH;
    return messageView(
      job.content,
      personalCode(verdict) ?? delivery.personal,
      job.origin === "cli" ? undefined : job.authorName,
      { jobId: job.id, result: checkResult(verdict, textsFor(locale)), locale },
    );
  }

  /** The admin's locale, with the tenant's time zone ("send at" is read and shown in it). */
  private localeOf(actor: Actor): Locale {
    const locale = actor.locale ?? ENGLISH;
    return this.options.timeZone ? { ...locale, timeZone: this.options.timeZone } : locale;
  }

  private formFor(actor: Actor): { locale: Locale; timeZone?: string } {
    return {
      locale: this.localeOf(actor),
      ...(this.options.timeZone ? { timeZone: this.options.timeZone } : {}),
    };
  }

  private async jobInTenant(jobId: string, actor: Actor): Promise<BroadcastJob | undefined> {
    const job = jobId ? await this.options.jobs.getJob(jobId) : undefined;
    return job && job.tenantId === actor.tenantId.toLowerCase() ? job : undefined;
  }

  /** The progress view for the runner's updates (no actor: the job's own reference), with its reader's locale. */
  async viewFor(job: BroadcastJob, ratePerSecond: number): Promise<{ shown: BroadcastView; locale: Locale }> {
    const reader = replyLocale({ activityLocale: job.progressRef?.locale });
    const locale = this.options.timeZone ? { ...reader, timeZone: this.options.timeZone } : reader;
    const shown = progressView(job, snapshotOf(await this.options.ledger.totals(job.id), ratePerSecond), {
      adminMri: job.progressRef?.adminMri,
      now: this.options.now(),
      locale,
    });
    return { shown, locale };
  }

  /** Where the admin's card is, with who reads it (refresh) and in which language (the runner's updates). */
  private refOf(card: Omit<ProgressCardRef, "adminMri" | "locale">, actor: Actor): ProgressCardRef {
    return {
      ...card,
      ...(actor.mri ? { adminMri: actor.mri } : {}),
      ...(actor.locale ? { locale: actor.locale.tag } : {}),
    };
  }
}
