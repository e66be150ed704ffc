import { renderCard } from "../../cards/render";
import type { AdaptiveCardJson } from "../../cards/types";
import type { Actor } from "../../domain/actor";
import { reminderTime } from "../../domain/postponement";
import type { PostponementRequest } from "../../domain/postponement-request";
import { approvalCardData } from "./approval-view";
import { teamsIdsOf } from "./approvers";
import { type PostponementDeps, REMINDER_JOB_KIND } from "./postponement-deps";
import { outcomeCardData } from "./requester-views";
import { readTenantSettings } from "./tenant-settings";

/** The approval card as the request stands now, refreshable by every approver (and whoever is looking). */
export async function approvalCard(
  deps: PostponementDeps,
  request: PostponementRequest,
  viewers: Actor[] = [],
): Promise<AdaptiveCardJson> {
  const cards = await deps.store.approvalCards(request.id);
  const ids = await teamsIdsOf(
    deps.conversationReferences,
    request.tenantId,
    cards.map((card) => card.approverId),
  );
  const viewerIds = viewers.flatMap((viewer) => (viewer.mri ? [viewer.mri] : []));
  const refreshUserIds = [...new Set([...viewerIds, ...ids])].slice(0, 60);
  const settings = await readTenantSettings(deps.directory);
  return renderCard(
    "postponement-approval",
    approvalCardData({ request, settings, refreshUserIds, now: deps.now() }),
  );
}

/**
 * After the first decision: every other approver's card shows who decided and when, the requester hears the
 * outcome, and an approval schedules the reminder before the date runs out. A failed notice is logged, never
 * undoes the decision.
 */
export async function notifyDecision(deps: PostponementDeps, request: PostponementRequest, decider: Actor) {
  const card = await approvalCard(deps, request);
  const others = (await deps.store.approvalCards(request.id)).filter(
    (sent) => sent.approverId !== decider.userId.toLowerCase(),
  );
  const updates = await Promise.allSettled(others.map((sent) => deps.messenger.updateCard(sent, card)));
  updates.forEach((result, index) => {
    if (result.status === "rejected") {
      deps.logger.warn(
        { requestId: request.id, approverId: others[index]?.approverId },
        "approval card not updated",
      );
    }
  });
  try {
    await deps.messenger.sendCard(
      request.tenantId,
      request.requesterId,
      renderCard("postponement-outcome", outcomeCardData(request)),
      {
        summary: `Your postponement request was ${request.status}`,
      },
    );
  } catch (error) {
    deps.logger.warn(
      { requestId: request.id, err: error instanceof Error ? error.message : String(error) },
      "requester not told the outcome",
    );
  }
  if (request.status === "approved") {
    await deps.scheduler.schedule({
      kind: REMINDER_JOB_KIND,
      tenantId: request.tenantId,
      key: `${request.tenantId}:${request.phase}`,
      runAt: reminderTime(request.wantedDate, deps.now()).toISOString(),
      payload: { requestId: request.id },
    });
  }
}
