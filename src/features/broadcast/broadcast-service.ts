import { randomUUID } from "node:crypto";

import type { Actor } from "../../domain/actor";
import type { BroadcastJob, ProgressCardRef } from "../../domain/broadcast";
import type { Language, Locale } from "../../domain/language";
import type { ScheduledJob } from "../scheduler/scheduler";
import { formFor, textsOf } from "./admin-locale";
import { NoScanError } from "./audience";
import { errorView, jobInTenant, refOf, refusalOf } from "./broadcast-access";
import type { BroadcastView } from "./broadcast-view";
import { type ComposeInput, validateCompose } from "./compose";
import { composeValues } from "./compose-values";
import type { OfferRefusal } from "./delivery-notices";
import { acceptReport, type DeliveryOffer, offerReport, refuseReport } from "./delivery-report-offer";
import { startFollowUp } from "./follow-up-start";
import type { FollowUpKind } from "./follow-ups";
import { startJob } from "./job-start";
import { composeView, countAudience, previewView } from "./preview";
import { progressAnswer, progressUpdate } from "./progress-answer";
import { checkMe } from "./recipient-check";
import { FOLLOW_UP_KIND } from "./scheduled-kinds";
import { scheduledAnswer, scheduleSend, sendScheduled } from "./scheduled-sends";
import type { BroadcastServiceOptions } from "./service-options";

export type { DeliveryOffer } from "./delivery-report-offer";
export type { BroadcastServiceOptions } from "./service-options";

/** What was typed, back into the form literally (untrusted: strings only). */
const formValues = (input: ComposeInput): Record<string, string> =>
  Object.fromEntries(
    Object.entries(input).map(([key, value]) => [
      key,
      typeof value === "string" ? value : value === undefined || value === null ? "" : String(value),
    ]),
  );

/**
 * Compose, preview, send and control broadcasts; every step re-reads the actor's roles in Graph and
 * answers a view. Scheduling, the delivery report, follow-ups and recipients' re-checks are steps of
 * their own files; the service is their one entry for the bot.
 */
export class BroadcastService {
  constructor(private readonly options: BroadcastServiceOptions) {}

  private refusal(actor: Actor, step: string, subjectId?: string): Promise<BroadcastView | undefined> {
    return refusalOf(this.options.authz, actor, step, subjectId);
  }

  private form(actor: Actor) {
    return formFor(actor, this.options.timeZone);
  }

  async compose(actor: Actor, draftId?: string, typed?: ComposeInput): Promise<BroadcastView> {
    const refused = await this.refusal(actor, "compose");
    if (refused) {
      return refused;
    }
    if (typed) {
      return composeView(formValues(typed), [], this.form(actor));
    }
    const draft = typeof draftId === "string" ? await this.options.jobs.getDraft(draftId) : undefined;
    return composeView(
      draft && draft.tenantId === actor.tenantId ? composeValues(draft.content, this.options.timeZone) : {},
      [],
      this.form(actor),
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
      return composeView(values, result.problems, this.form(actor));
    }
    let count;
    try {
      count = await countAudience(actor.tenantId, result.content, this.options.sources);
    } catch (error) {
      if (error instanceof NoScanError) {
        return composeView(values, [textsOf(actor)("broadcast.problems.noScan")], this.form(actor));
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
      this.form(actor),
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
      return scheduleSend(this.options, actor, draft, card);
    }
    await startJob(this.options, draft, "bot", card ? refOf(card, actor) : undefined);
    return progressAnswer(this.options, draft.id, actor);
  }

  /** A scheduled send fell due (the scheduler leased it to this instance): see scheduled-sends.ts. */
  sendScheduled(scheduled: ScheduledJob): Promise<void> {
    return sendScheduled(this.options, scheduled);
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
    const { jobs } = this.options;
    const job = await jobs.getJob(id);
    if (!job || job.tenantId !== actor.tenantId.toLowerCase()) {
      return (await scheduledAnswer(this.options, actor, id, action)) ?? errorView(textsOf(actor), "noSuch");
    }
    const changed =
      action === "pause"
        ? await jobs.transition(id, ["sending", "preparing"], "paused", { pauseReason: "admin" })
        : action === "resume"
          ? await jobs.transition(id, ["paused"], "sending")
          : await jobs.transition(id, ["sending", "paused", "preparing"], "cancelled");
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
    return progressAnswer(this.options, id, actor);
  }

  async progress(actor: Actor, jobId: unknown): Promise<BroadcastView> {
    const refused = await this.refusal(actor, "progress", typeof jobId === "string" ? jobId : undefined);
    if (refused) {
      return refused;
    }
    const id = typeof jobId === "string" ? jobId : "";
    if (!(await jobInTenant(this.options.jobs, id, actor))) {
      const scheduled = await scheduledAnswer(this.options, actor, id, "progress");
      if (scheduled) {
        return scheduled;
      }
    }
    return progressAnswer(this.options, id, actor);
  }

  /** "Delivery report (CSV)": see delivery-report-offer.ts. */
  offerReport(actor: Actor, jobId: unknown): Promise<{ shown: BroadcastView; offer?: DeliveryOffer }> {
    return offerReport(this.options, actor, jobId);
  }

  refuseReport(actor: Actor, jobId: string, reason: OfferRefusal): Promise<BroadcastView> {
    return refuseReport(this.options, actor, jobId, reason);
  }

  acceptReport(
    actor: Actor,
    offer: { jobId: string; uploadUrl: string; reference: string; language?: Language | undefined },
  ): Promise<{ uploaded: boolean; shown?: BroadcastView }> {
    return acceptReport(this.options, actor, offer);
  }

  /** "Resend to those who failed" / "Remind those not yet ready": see follow-up-start.ts. */
  followUp(
    actor: Actor,
    jobId: unknown,
    kind: FollowUpKind,
    card?: Omit<ProgressCardRef, "adminMri">,
  ): Promise<BroadcastView> {
    return startFollowUp(this.options, actor, jobId, kind, card);
  }

  /** A recipient's "Done: check me now": see recipient-check.ts. */
  checkMe(actor: Actor, jobId: unknown): Promise<BroadcastView> {
    return checkMe(this.options, actor, jobId);
  }

  /** The progress view for the runner's updates, with its reader's locale. */
  viewFor(job: BroadcastJob, ratePerSecond: number): Promise<{ shown: BroadcastView; locale: Locale }> {
    return progressUpdate(this.options, job, ratePerSecond);
  }
}
