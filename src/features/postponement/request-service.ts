import { renderView, type View, view } from "../../cards/view";
import type { Actor } from "../../domain/actor";
import { ENGLISH } from "../../domain/language";
import { allowedDates } from "../../domain/postponement";
import type { PostponementRequest } from "../../domain/postponement-request";
import { approvalCardData, approvalSummary } from "./approval-view";
import { type Approver, listGlobalAdministrators, teamsIdsOf } from "./approvers";
import { type FormCardData, formCardData } from "./form-view";
import type { PostponementDeps } from "./postponement-deps";
import { readerLocale } from "./reader-locale";
import { type RequestFormInput, validateRequestForm } from "./request-form";
import { type SentCardData, sentCardData } from "./requester-views";
import { readTenantSettings } from "./tenant-settings";

export type FormView = View<"postponement-request-form", FormCardData>;
export type SentView = View<"postponement-request-sent", SentCardData>;

export type SubmitResult =
  | { kind: "invalid"; view: FormView }
  | {
      kind: "sent";
      request: PostponementRequest;
      view: SentView;
      notified: number;
      unreachable: number;
    };

/**
 * A postponement request from the form: validated as of today (a bad form comes back with its messages and
 * nothing stored), stored, audited, and sent as an approval card to every Global Administrator but the
 * requester, each in their personal chat.
 */
export async function submitRequest(
  deps: PostponementDeps,
  actor: Actor,
  input: RequestFormInput,
): Promise<SubmitResult> {
  const now = deps.now();
  const locale = actor.locale ?? ENGLISH;
  const form = validateRequestForm(input, now, locale);
  if (!form.ok) {
    return {
      kind: "invalid",
      view: view("postponement-request-form", formCardData(now, form.values, form.errors, locale)),
    };
  }
  const requester = await deps.directory.getUser(actor.userId);
  const request = await deps.store.create({
    id: deps.newId(),
    tenantId: actor.tenantId,
    requesterId: actor.userId,
    requesterName: requester?.displayName ?? actor.name,
    ...form.request,
    route: allowedDates(form.request.phase, now).route,
    createdAt: now.toISOString(),
  });
  const approvers = await listGlobalAdministrators(deps.directory, deps.authz, actor.userId);
  const { notified, unreachable } = await sendApprovalCards(deps, request, approvers);
  await deps.auditLog.record({
    tenantId: actor.tenantId,
    actorId: actor.userId,
    actorName: request.requesterName,
    action: "postponement.requested",
    subjectId: request.id,
    outcome: "success",
    detail: {
      phase: request.phase,
      wantedDate: request.wantedDate,
      route: request.route,
      notified,
      unreachable,
    },
  });
  deps.logger.info(
    { requestId: request.id, phase: request.phase, notified, unreachable },
    "postponement requested",
  );
  const sent = view(
    "postponement-request-sent",
    sentCardData(request, { notified, unreachable }, now, locale),
  );
  return { kind: "sent", request, view: sent, notified, unreachable };
}

async function sendApprovalCards(
  deps: PostponementDeps,
  request: PostponementRequest,
  approvers: Approver[],
): Promise<{ notified: number; unreachable: number }> {
  const settings = await readTenantSettings(deps.directory);
  const refreshUserIds = await teamsIdsOf(
    deps.conversationReferences,
    request.tenantId,
    approvers.map((approver) => approver.id),
  );
  const now = deps.now();
  // Each approver reads the card in their own language (their chat's locale, else Graph's, else the tenant's).
  const results = await Promise.allSettled(
    approvers.map(async (approver) => {
      const locale = await readerLocale(deps, request.tenantId, approver.id, approver.preferredLanguage);
      const data = approvalCardData({ request, settings, refreshUserIds, now, locale });
      const card = renderView(view("postponement-approval", data), locale);
      const sent = await deps.messenger.sendCard(request.tenantId, approver.id, card, {
        summary: approvalSummary(request, locale),
      });
      await deps.store.addApprovalCard({ requestId: request.id, approverId: approver.id, ...sent });
    }),
  );
  let unreachable = 0;
  for (const [index, result] of results.entries()) {
    if (result.status === "rejected") {
      unreachable += 1;
      const approver = approvers[index];
      const reason = (result.reason as { reason?: unknown }).reason;
      deps.logger.warn(
        {
          requestId: request.id,
          approverId: approver?.id,
          reason: typeof reason === "string" ? reason : "failed",
        },
        "approval card not delivered",
      );
      await deps.auditLog.record({
        tenantId: request.tenantId,
        actorId: "mfa-ready",
        action: "postponement.approver-unreachable",
        subjectId: approver?.id,
        subjectName: approver?.displayName,
        outcome: "failed",
        detail: { requestId: request.id, reason: typeof reason === "string" ? reason : "failed" },
      });
    }
  }
  return { notified: approvers.length - unreachable, unreachable };
}
