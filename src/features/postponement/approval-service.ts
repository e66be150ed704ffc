import { errorCard, type ErrorCardView } from "../../cards/error-card";
import type { Actor } from "../../domain/actor";
import { ENGLISH } from "../../domain/language";
import type { PostponementRequest } from "../../domain/postponement-request";
import { textsFor } from "../../i18n/i18n";
import type { Authorization } from "../authz/authorize";
import { refusalView } from "../authz/refusal-card";
import { applyInAzure } from "./arm-apply";
import { type ApprovalView, approvalView, notifyDecision } from "./decision-notices";
import type { PostponementDeps } from "./postponement-deps";

export interface DecisionInput {
  requestId?: unknown;
  applyInAzure?: unknown;
  note?: unknown;
}

type Refusal = "requester" | "unknownRequest" | "rolesUnreadable";

/** A refusal of this feature's own, in the actor's language (postponement.refusals.<reason>). */
function refusalOf(reason: Refusal, actor: Actor): ErrorCardView {
  const t = textsFor(actor.locale ?? ENGLISH);
  return errorCard({
    title: t(`postponement.refusals.${reason}.title`),
    whatHappened: t(`postponement.refusals.${reason}.whatHappened`),
    whatToDo: t(`postponement.refusals.${reason}.whatToDo`),
  });
}

/** What a decision or a refresh answers: the approval card as it stands, or why not. */
export type DecisionView = ApprovalView | ErrorCardView;

const noteOf = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value.trim().slice(0, 500) : undefined;

async function loadRequest(deps: PostponementDeps, actor: Actor, id: unknown) {
  return typeof id === "string" && id.length > 0 && id.length <= 100
    ? deps.store.get(actor.tenantId, id)
    : undefined;
}

/** The permissions table's answer now (Graph, no cache, audited); undefined when Graph cannot tell. */
async function authorizeDecision(
  deps: PostponementDeps,
  actor: Actor,
  request: PostponementRequest,
  step: string,
  audit = true,
): Promise<Authorization | undefined> {
  try {
    return await deps.authz.authorize(actor, "decidePostponement", {
      subjectId: request.requesterId,
      subjectName: request.requesterName,
      step,
      audit,
    });
  } catch (error) {
    deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, "roles unreadable");
    return undefined;
  }
}

/**
 * A Global Administrator's click on Approve or Decline. Authorised from Graph at this moment, never the
 * requester; the first decision wins (one conditional UPDATE). The winner's card, every other approver's card
 * and the requester hear the outcome; every attempt is in the audit log.
 */
export async function decide(
  deps: PostponementDeps,
  actor: Actor,
  status: "approved" | "declined",
  input: DecisionInput,
): Promise<DecisionView> {
  const request = await loadRequest(deps, actor, input.requestId);
  const refuse = async (reason: Refusal, target?: PostponementRequest) => {
    await deps.auditLog.record({
      tenantId: actor.tenantId,
      actorId: actor.userId,
      actorName: actor.name,
      action: "postponement.decision-refused",
      subjectId: target?.id,
      outcome: "refused",
      detail: { reason, wanted: status },
    });
    return refusalOf(reason, actor);
  };
  if (request === undefined) {
    return refuse("unknownRequest");
  }
  const allowed = await authorizeDecision(deps, actor, request, status);
  if (allowed === undefined) {
    return refuse("rolesUnreadable", request);
  }
  if (!allowed.allowed) {
    return allowed.reason === "oneself"
      ? refusalOf("requester", actor)
      : refusalView(allowed, actor.locale ?? ENGLISH);
  }
  const decider = (await deps.directory.getUser(actor.userId))?.displayName ?? actor.name;
  const now = deps.now();
  const won = await deps.store.decide(actor.tenantId, request.id, {
    status,
    decidedById: actor.userId,
    decidedByName: decider ?? undefined,
    decidedAt: now.toISOString(),
    decisionNote: noteOf(input.note),
  });
  if (!won) {
    // Someone else was first: record the late click, and show this approver who decided and when.
    await deps.auditLog.record({
      tenantId: actor.tenantId,
      actorId: actor.userId,
      actorName: decider ?? undefined,
      action: "postponement.decision-too-late",
      subjectId: request.id,
      outcome: "refused",
      detail: { wanted: status },
    });
    return approvalView(deps, (await deps.store.get(actor.tenantId, request.id)) ?? request, [actor]);
  }
  await deps.auditLog.record({
    tenantId: actor.tenantId,
    actorId: actor.userId,
    actorName: decider ?? undefined,
    action: `postponement.${status}`,
    subjectId: request.id,
    subjectName: request.requesterName,
    outcome: "success",
    detail: { phase: request.phase, wantedDate: request.wantedDate, route: request.route },
  });
  if (status === "approved" && input.applyInAzure === "true") {
    const outcome = await applyInAzure(deps.directory, request, now);
    await deps.store.recordApplied(actor.tenantId, request.id, outcome);
    await deps.auditLog.record({
      tenantId: actor.tenantId,
      actorId: actor.userId,
      actorName: decider ?? undefined,
      action: "postponement.applied-in-azure",
      subjectId: request.id,
      outcome: outcome.kind === "applied" ? "success" : outcome.kind === "forbidden" ? "refused" : "failed",
      detail: { result: outcome.kind, phase: request.phase, wantedDate: request.wantedDate },
    });
  }
  const decided = (await deps.store.get(actor.tenantId, request.id)) ?? request;
  await notifyDecision(deps, decided, actor);
  return approvalView(deps, decided, [actor]);
}

/** The approval card's refresh: the request as it stands, for a Global Administrator or the requester only. */
export async function refreshApproval(
  deps: PostponementDeps,
  actor: Actor,
  input: DecisionInput,
): Promise<DecisionView> {
  const request = await loadRequest(deps, actor, input.requestId);
  if (request === undefined) {
    return refusalOf("unknownRequest", actor);
  }
  if (request.requesterId !== actor.userId.toLowerCase()) {
    const allowed = await authorizeDecision(deps, actor, request, "refresh", false); // a card refresh decides nothing: not audited
    if (allowed?.allowed !== true) {
      return allowed === undefined
        ? refusalOf("rolesUnreadable", actor)
        : refusalView(allowed, actor.locale ?? ENGLISH);
    }
  }
  return approvalView(deps, request, [actor]);
}
