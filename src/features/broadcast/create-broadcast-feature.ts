import { randomUUID } from "node:crypto";

import { renderView } from "../../cards/view";
import type { Directory } from "../../directory/directory";
import type { BroadcastJob } from "../../domain/broadcast";
import type { Logger } from "../../logger";
import type { AuditLog } from "../authz/audit-log";
import type { Authorizer } from "../authz/authorize";
import type { ConversationReferenceStore } from "../messaging/conversation-reference-store";
import type { Scheduler } from "../scheduler/scheduler";
import type { VerdictSource } from "./audience";
import type { BroadcastJobStore } from "./broadcast-job-store";
import type { BroadcastLedger } from "./broadcast-ledger";
import { BroadcastService } from "./broadcast-service";
import { createBroadcastEngine } from "./create-engine";
import type { DispatchTuning } from "./dispatch-tuning";
import { createFollowUp } from "./follow-ups";
import type { JobRunner } from "./job-runner";
import type { Assess } from "./prepare";
import type { ProgressSnapshot } from "./progress";
import { type ResumePoller, startResumePoller } from "./resume-poller";
import { FOLLOW_UP_KIND, SEND_AT_KIND } from "./scheduled-kinds";
import type { BroadcastTransport } from "./transport";

export interface BroadcastFeatureOptions {
  jobs: BroadcastJobStore;
  ledger: BroadcastLedger;
  directory: Directory;
  authz: Authorizer;
  verdicts: VerdictSource;
  conversationReferences: ConversationReferenceStore;
  auditLog: AuditLog;
  transport: BroadcastTransport;
  scheduler?: Scheduler;
  assess?: Assess;
  teams: { appId?: string; serviceUrl?: string; tenantRps: number };
  logger: Logger;
  now?: () => Date;
  /** TIME_ZONE: "send at" is read and shown in it. */
  timeZone?: string | undefined;
  /** DEFAULT_LOCALE: the language of a recipient no chat or Graph speaks for. */
  defaultLocale?: string | undefined;
  tuning?: Partial<DispatchTuning>;
  progressEveryMs?: number;
  /** How often this instance looks for jobs another one left (its lease expired); 30 s by default. */
  resumeEveryMs?: number;
  /** The broadcast lease: how long a silent sender keeps its job (30 s by default). */
  leaseMs?: number;
}

export interface BroadcastFeature {
  service: BroadcastService;
  runner: JobRunner;
  /** Resumes every job a previous process left unfinished (called once at start), then keeps looking for jobs another instance left. */
  resumeUnfinished(): Promise<void>;
  close(): Promise<void>;
}

/** Audit entry of a finished job: author, audience and totals. */
export async function auditFinished(
  auditLog: AuditLog,
  job: BroadcastJob,
  progress: ProgressSnapshot,
  seconds: number,
): Promise<void> {
  const t = progress.totals;
  await auditLog.record({
    tenantId: job.tenantId,
    actorId: job.authorId,
    actorName: job.authorName,
    action: job.state === "cancelled" ? "broadcast.cancelled.totals" : "broadcast.completed",
    subjectId: job.id,
    subjectName: job.content.title.slice(0, 120),
    outcome: "success",
    detail: {
      origin: job.origin,
      audience: job.content.audience.kind,
      total: t.total,
      sent: t.sent,
      failed: t.failed,
      skipped: t.skipped,
      possiblyDuplicated: t.possiblyDuplicated,
      failedByReason: JSON.stringify(t.failedByReason),
      skippedByReason: JSON.stringify(t.skippedByReason),
      sendSeconds: Math.round(seconds),
    },
  });
}

export function createBroadcastFeature(options: BroadcastFeatureOptions): BroadcastFeature {
  const now = options.now ?? (() => new Date());
  const logger = options.logger.child({ feature: "broadcast" });
  const { jobs, ledger } = options;
  const holder: { service?: BroadcastService } = {};
  const updateCard = async (job: BroadcastJob, progress: ProgressSnapshot) => {
    if (!job.progressRef || !holder.service) {
      return;
    }
    const { shown, locale } = await holder.service.viewFor(job, progress.ratePerSecond);
    await options.transport.update(
      { tenantId: job.tenantId, userId: job.authorId, ...job.progressRef },
      renderView(shown, locale),
    );
  };
  const runner = createBroadcastEngine({
    jobs,
    ledger,
    conversationReferences: options.conversationReferences,
    directory: options.directory,
    verdicts: options.verdicts,
    transport: options.transport,
    teamsAppId: options.teams.appId,
    serviceUrl: options.teams.serviceUrl,
    tenantRps: options.teams.tenantRps,
    assess: options.assess,
    logger,
    owner: `bot-${process.pid}-${randomUUID().slice(0, 8)}`,
    // A job from the command line (sent now or at its "send at") names no person.
    senderName: (job) => (job.origin === "cli" ? undefined : job.authorName),
    defaultLocale: options.defaultLocale,
    timeZone: options.timeZone,
    tuning: options.tuning,
    progressEveryMs: options.progressEveryMs,
    leaseMs: options.leaseMs,
    onProgress: updateCard,
    onFinished: async (job, progress) => {
      await auditFinished(options.auditLog, job, progress, job.sendMs / 1000);
      await updateCard(job, progress).catch((error: unknown) =>
        logger.warn({ err: String(error) }, "final card not updated"),
      );
    },
  });
  const service = new BroadcastService({
    authz: options.authz,
    sources: { verdicts: options.verdicts, directory: options.directory },
    jobs,
    ledger,
    runner,
    auditLog: options.auditLog,
    scheduler: options.scheduler,
    assess: options.assess,
    logger,
    now,
    timeZone: options.timeZone,
  });

  holder.service = service;

  // "Send at": the scheduler's lease gives it to one instance, once; the job's id (the draft's) does the rest.
  options.scheduler?.on(SEND_AT_KIND, (scheduled) => service.sendScheduled(scheduled));

  // "Remind those still not ready in N days": the author's roles are checked again when it runs.
  options.scheduler?.on(FOLLOW_UP_KIND, async (scheduled) => {
    const parentId = String(scheduled.payload.jobId ?? "");
    const parent = await jobs.getJob(parentId);
    if (!parent || parent.state === "cancelled") {
      return;
    }
    const author = {
      tenantId: parent.tenantId,
      userId: parent.authorId,
      ...(parent.authorName ? { name: parent.authorName } : {}),
    };
    if (
      !(await options.authz.authorize(author, "broadcast", { step: "follow-up", subjectId: parentId }))
        .allowed
    ) {
      return;
    }
    const { job } = await createFollowUp(
      { jobs, auditLog: options.auditLog },
      parent,
      "not-ready",
      { userId: parent.authorId, ...(parent.authorName ? { name: parent.authorName } : {}) },
      now(),
    );
    await runner.run(job.id);
  });

  let poller: ResumePoller | undefined;
  return {
    service,
    runner,
    async resumeUnfinished() {
      poller ??= startResumePoller({ runner, jobs, everyMs: options.resumeEveryMs ?? 30_000, logger });
      await poller.poll();
    },
    async close() {
      poller?.stop();
      await runner.stopAll();
    },
  };
}
