import { renderView, type View, view } from "../../cards/view";
import type { Actor } from "../../domain/actor";
import { ENGLISH, type Locale } from "../../domain/language";
import { reminderTime } from "../../domain/postponement";
import type { PostponementRequest } from "../../domain/postponement-request";
import { type ApprovalCardData, approvalCardData } from "./approval-view";
import { teamsIdsOf } from "./approvers";
import { type PostponementDeps, REMINDER_JOB_KIND } from "./postponement-deps";
import { readerLocale } from "./reader-locale";
import { outcomeCardData, outcomeHeadline } from "./requester-views";
import { readTenantSettings, type TenantSettings } from "./tenant-settings";

export type ApprovalView = View<"postponement-approval", ApprovalCardData>;

/** Who the approval card refreshes for: every approver it went to (and whoever is looking). */
async function refreshIdsOf(
  deps: PostponementDeps,
  request: PostponementRequest,
  viewers: Actor[],
): Promise<string[]> {
  const cards = await deps.store.approvalCards(request.id);
  const ids = await teamsIdsOf(
    deps.conversationReferences,
    request.tenantId,
    cards.map((card) => card.approverId),
  );
  const viewerIds = viewers.flatMap((viewer) => (viewer.mri ? [viewer.mri] : []));
  return [...new Set([...viewerIds, ...ids])].slice(0, 60);
}

/** The approval card as the request stands now, in the viewer's language, refreshable by every approver. */
export async function approvalView(
  deps: PostponementDeps,
  request: PostponementRequest,
  viewers: Actor[] = [],
  locale: Locale = viewers[0]?.locale ?? ENGLISH,
  settings?: TenantSettings,
): Promise<ApprovalView> {
  const refreshUserIds = await refreshIdsOf(deps, request, viewers);
  return view(
    "postponement-approval",
    approvalCardData({
      request,
      settings: settings ?? (await readTenantSettings(deps.directory)),
      refreshUserIds,
      now: deps.now(),
      locale,
    }),
  );
}

/**
 * After the first decision: every other approver's card shows who decided and when (in that approver's
 * language), the requester hears the outcome in theirs, and an approval schedules the reminder before the
 * date runs out. A failed notice is logged, never undoes the decision.
 */
export async function notifyDecision(deps: PostponementDeps, request: PostponementRequest, decider: Actor) {
  const settings = await readTenantSettings(deps.directory);
  const others = (await deps.store.approvalCards(request.id)).filter(
    (sent) => sent.approverId !== decider.userId.toLowerCase(),
  );
  const updates = await Promise.allSettled(
    others.map(async (sent) => {
      const locale = await readerLocale(deps, request.tenantId, sent.approverId);
      const shown = await approvalView(deps, request, [], locale, settings);
      await deps.messenger.updateCard(sent, renderView(shown, locale));
    }),
  );
  updates.forEach((result, index) => {
    if (result.status === "rejected") {
      deps.logger.warn(
        { requestId: request.id, approverId: others[index]?.approverId },
        "approval card not updated",
      );
    }
  });
  try {
    const locale = await readerLocale(deps, request.tenantId, request.requesterId);
    await deps.messenger.sendCard(
      request.tenantId,
      request.requesterId,
      renderView(view("postponement-outcome", outcomeCardData(request, locale)), locale),
      { summary: outcomeHeadline(request, locale) },
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
