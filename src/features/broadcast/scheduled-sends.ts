import type { Actor } from "../../domain/actor";
import type { BroadcastDraft, ProgressCardRef } from "../../domain/broadcast";
import type { ScheduledJob } from "../scheduler/scheduler";
import { formFor, textsOf } from "./admin-locale";
import { errorView, refOf } from "./broadcast-access";
import type { BroadcastView } from "./broadcast-view";
import { startJob } from "./job-start";
import { scheduledView } from "./progress-card";
import { SEND_AT_KIND } from "./scheduled-kinds";
import type { BroadcastServiceOptions } from "./service-options";

/** "Send at": held by the scheduler until then (once per draft), audited; the view says when. */
export async function scheduleSend(
  options: BroadcastServiceOptions,
  actor: Actor,
  draft: BroadcastDraft,
  card: Omit<ProgressCardRef, "adminMri"> | undefined,
): Promise<BroadcastView> {
  const { scheduler } = options;
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
      payload: { draftId: draft.id, ...(card ? { progressRef: refOf(card, actor) } : {}) },
    });
    await options.auditLog.record({
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
  return scheduledView(draft, "scheduled", { adminMri: actor.mri, ...formFor(actor, options.timeZone) });
}

/**
 * A scheduled send fell due (the scheduler leased it to this instance): the author's roles are read
 * again now (a command-line operator's are not: they ran it with the tenant's credentials), then the
 * job starts as if Send had been pressed now. The runner goes on after the scheduler's job is done.
 */
export async function sendScheduled(
  options: BroadcastServiceOptions,
  scheduled: ScheduledJob,
): Promise<void> {
  const draft = await options.jobs.getDraft(String(scheduled.payload.draftId ?? ""));
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
    const decision = await options.authz.authorize(author, "broadcast", {
      step: "send-at",
      subjectId: draft.id,
    });
    if (!decision.allowed) {
      return;
    }
  }
  const card = scheduled.payload.progressRef as ProgressCardRef | undefined;
  await startJob(options, draft, cli ? "cli" : "bot", card, {
    scheduled: true,
    sendAt: draft.content.sendAt ?? "",
  });
}

/**
 * A scheduled send's card for a control or progress click; cancelled before it fired, nothing is
 * sent (audited). Undefined when no send of the actor's tenant waits under this id.
 */
export async function scheduledAnswer(
  options: BroadcastServiceOptions,
  actor: Actor,
  id: string,
  action: "pause" | "resume" | "cancel" | "progress",
): Promise<BroadcastView | undefined> {
  const { scheduler } = options;
  const scheduled = id && scheduler ? await scheduler.find(SEND_AT_KIND, id) : undefined;
  const draft = scheduled ? await options.jobs.getDraft(id) : undefined;
  if (!scheduler || !draft || draft.tenantId !== actor.tenantId.toLowerCase()) {
    return undefined;
  }
  const form = { adminMri: actor.mri, ...formFor(actor, options.timeZone) };
  if (action === "cancel" && (await scheduler.cancel(SEND_AT_KIND, id))) {
    await options.auditLog.record({
      tenantId: actor.tenantId,
      actorId: actor.userId,
      actorName: actor.name,
      action: "broadcast.cancelled",
      subjectId: id,
      outcome: "success",
      detail: { scheduled: true, sendAt: draft.content.sendAt ?? "" },
    });
    return scheduledView(draft, "cancelled", form);
  }
  return scheduledView(draft, "scheduled", form);
}
