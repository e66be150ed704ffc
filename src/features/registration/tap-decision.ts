import { renderCard } from "../../cards/render";
import type { AdaptiveCardJson } from "../../cards/types";
import type { Actor } from "../../domain/actor";
import type { TapRequest } from "../../domain/tap-request";
import { refusalText } from "../authz/refusal-card";
import { readableTime } from "./actor";
import type { TapServiceOptions } from "./tap-service";
import { approvalCard, passCard, type RequesterInfo } from "./tap-view";

export type Decision = "issue" | "decline";

type Refusal = "unknownRequest" | "replayed";

const REFUSALS: Readonly<Record<Refusal, string>> = {
  unknownRequest: "This request does not exist in your organisation. Nothing was changed.",
  replayed: "This request was already handled, so nothing was changed.",
};

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 300);

/**
 * An admin issues or declines. Everything is decided here, from the stored request and roles read in Graph
 * now; the card only names the request. The pass goes to the requester and nowhere else.
 */
export async function decideTap(
  options: TapServiceOptions,
  actor: Actor,
  requestId: unknown,
  decision: Decision,
): Promise<AdaptiveCardJson> {
  const { store, directory, authz, messenger, auditLog, logger, clock } = options;
  const request =
    typeof requestId === "string" ? await store.get(actor.tenantId, requestId.slice(0, 64)) : undefined;
  const audit = (
    outcome: "success" | "refused" | "failed",
    action: string,
    detail: Record<string, string | number | boolean | null>,
    subject?: RequesterInfo,
  ) =>
    auditLog.record({
      tenantId: actor.tenantId,
      actorId: actor.userId,
      actorName: actor.name,
      action,
      subjectId: request?.requesterId,
      subjectName: subject?.name,
      outcome,
      detail: { decision, requestId: request?.id ?? null, ...detail },
    });

  if (request === undefined) {
    await audit("refused", "tap.refused", { reason: "unknownRequest" });
    logger.warn({ event: "tap.refused", reason: "unknownRequest" }, "temporary access pass decision refused");
    return renderCard("registration-notice", {
      title: "Unknown request",
      text: REFUSALS.unknownRequest,
      tone: "attention",
      details: [],
      resumeMethod: "",
      resumeTitle: "",
    });
  }
  const user = await directory.getUser(request.requesterId);
  const requester: RequesterInfo = {
    name: user?.displayName ?? request.requesterName ?? "The user",
    upn: user?.userPrincipalName ?? request.requesterId,
  };
  const terms = { lifetimeMinutes: request.lifetimeMinutes ?? 60, usableOnce: request.usableOnce ?? true };
  const refuse = async (reason: Refusal, current: TapRequest = request) => {
    await audit("refused", "tap.refused", { reason }, requester);
    logger.warn(
      { event: "tap.refused", reason, requestId: request.id },
      "temporary access pass decision refused",
    );
    return approvalCard(current, requester, terms, REFUSALS[reason]);
  };

  if (request.status !== "pending") {
    return refuse("replayed");
  }
  // The permissions table decides (never for oneself; only the privileged role for a user with a role), and audits it.
  const allowed = await authz.authorize(actor, "issueTemporaryAccessPass", {
    subjectId: request.requesterId,
    subjectName: requester.name,
    step: decision,
  });
  if (!allowed.allowed) {
    logger.warn(
      { event: "tap.refused", reason: allowed.reason, requestId: request.id },
      "temporary access pass decision refused",
    );
    return approvalCard(request, requester, terms, refusalText(allowed));
  }
  const decided = {
    decidedBy: actor.userId,
    decidedByName: actor.name ?? "an admin",
    decidedAt: clock().toISOString(),
  };
  const finish = async (status: TapRequest["status"]) => {
    const final = (await store.get(actor.tenantId, request.id)) ?? { ...request, status };
    const card = approvalCard(final, requester, terms);
    for (const sent of await store.approvalCards(request.id)) {
      await messenger
        .updateCard(sent, card)
        .catch((error: unknown) =>
          logger.warn(
            { event: "tap.cardNotUpdated", approverId: sent.approverId, err: errorText(error) },
            "approval card not updated",
          ),
        );
    }
    return card;
  };

  if (decision === "decline") {
    if (!(await store.transition(actor.tenantId, request.id, "pending", "declined", decided))) {
      return refuse("replayed", (await store.get(actor.tenantId, request.id)) ?? request);
    }
    await audit("success", "tap.declined", {}, requester);
    await messenger
      .sendText(
        actor.tenantId,
        request.requesterId,
        `${decided.decidedByName} declined your request for a Temporary Access Pass. Ask your IT team what to do next.`,
      )
      .catch((error: unknown) =>
        logger.warn(
          { event: "tap.declineNotDelivered", err: errorText(error) },
          "decline not delivered to the requester",
        ),
      );
    return finish("declined");
  }

  // Claim it first: two admins clicking at once issue one pass.
  if (!(await store.transition(actor.tenantId, request.id, "pending", "issuing", decided))) {
    return refuse("replayed", (await store.get(actor.tenantId, request.id)) ?? request);
  }
  let created;
  try {
    created = await directory.createTemporaryAccessPass(request.requesterId, {
      lifetimeInMinutes: terms.lifetimeMinutes,
      isUsableOnce: terms.usableOnce,
    });
  } catch (error) {
    await store.transition(actor.tenantId, request.id, "issuing", "pending");
    await audit("failed", "tap.issued", { reason: "graph", error: errorText(error) }, requester);
    logger.warn(
      { event: "tap.failed", requestId: request.id, err: errorText(error) },
      "temporary access pass not created",
    );
    return approvalCard(
      request,
      requester,
      terms,
      `Microsoft Entra ID did not create the pass: ${errorText(error)}`,
    );
  }
  const start = Date.parse(created.startDateTime);
  const expiresAt = new Date(
    (Number.isNaN(start) ? clock().getTime() : start) + created.lifetimeInMinutes * 60_000,
  );
  try {
    await messenger.sendCard(
      actor.tenantId,
      request.requesterId,
      passCard(
        created.temporaryAccessPass,
        decided.decidedByName,
        created.lifetimeInMinutes,
        created.isUsableOnce,
        expiresAt,
      ),
      { summary: "Your Temporary Access Pass" },
    );
  } catch (error) {
    await store.transition(actor.tenantId, request.id, "issuing", "failed", {
      note: "the pass was created but could not be delivered to the user; ask them to open MFA Ready and request again",
    });
    await audit("failed", "tap.issued", { reason: "delivery", error: errorText(error) }, requester);
    logger.warn(
      { event: "tap.undelivered", requestId: request.id, err: errorText(error) },
      "temporary access pass not delivered",
    );
    return finish("failed");
  }
  await store.transition(actor.tenantId, request.id, "issuing", "issued", {
    lifetimeMinutes: created.lifetimeInMinutes,
    usableOnce: created.isUsableOnce,
    expiresAt: expiresAt.toISOString(),
  });
  await audit(
    "success",
    "tap.issued",
    {
      lifetimeMinutes: created.lifetimeInMinutes,
      usableOnce: created.isUsableOnce,
      expiresAt: expiresAt.toISOString(),
    },
    requester,
  );
  logger.info(
    {
      event: "tap.issued",
      requestId: request.id,
      lifetimeMinutes: created.lifetimeInMinutes,
      expires: readableTime(expiresAt),
    },
    "temporary access pass issued",
  );
  return finish("issued");
}
