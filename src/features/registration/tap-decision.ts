import { userText } from "../../cards/markdown";
import { renderView } from "../../cards/view";
import type { Actor } from "../../domain/actor";
import type { TapRequest } from "../../domain/tap-request";
import { notice, type RegistrationView } from "./actor";
import type { TapServiceOptions } from "./tap-service";
import { approvalCard, passCard, type RequesterInfo } from "./tap-view";
import { textsOf } from "./texts";

export type Decision = "issue" | "decline";

type Refusal = "unknownRequest" | "replayed";

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
): Promise<RegistrationView> {
  const { store, directory, authz, messenger, auditLog, logger, clock, localeOf } = options;
  const texts = textsOf(actor.locale);
  const { t } = texts;
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
    return notice(t("registration.tap.unknownRequestTitle"), t("registration.tap.unknownRequest"), {
      tone: "attention",
    });
  }
  const user = await directory.getUser(request.requesterId);
  const requester: RequesterInfo = {
    name: user?.displayName ?? request.requesterName ?? undefined,
    upn: user?.userPrincipalName ?? request.requesterId,
  };
  const terms = { lifetimeMinutes: request.lifetimeMinutes ?? 60, usableOnce: request.usableOnce ?? true };
  const refuse = async (reason: Refusal, current: TapRequest = request) => {
    await audit("refused", "tap.refused", { reason }, requester);
    logger.warn(
      { event: "tap.refused", reason, requestId: request.id },
      "temporary access pass decision refused",
    );
    return approvalCard(current, requester, terms, texts, t(`registration.tap.${reason}`));
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
    const refusal = t(`registration.tap.refusals.${allowed.reason}`, {
      // Microsoft's role names, joined with the reader's "or".
      roles: new Intl.ListFormat(texts.locale.tag, { type: "disjunction" }).format(
        allowed.rolesThatWouldDo.map((role) => t(`common.roles.${role}`)),
      ),
    });
    return approvalCard(request, requester, terms, texts, refusal);
  }
  const decided = {
    decidedBy: actor.userId,
    decidedByName: actor.name,
    decidedAt: clock().toISOString(),
  };
  const finish = async (status: TapRequest["status"]) => {
    const final = (await store.get(actor.tenantId, request.id)) ?? { ...request, status };
    for (const sent of await store.approvalCards(request.id)) {
      // Every approver's copy in that approver's language.
      await localeOf(actor.tenantId, sent.approverId)
        .then((locale) =>
          messenger.updateCard(
            sent,
            renderView(approvalCard(final, requester, terms, textsOf(locale)), locale),
          ),
        )
        .catch((error: unknown) =>
          logger.warn(
            { event: "tap.cardNotUpdated", approverId: sent.approverId, err: errorText(error) },
            "approval card not updated",
          ),
        );
    }
    return approvalCard(final, requester, terms, texts);
  };

  if (decision === "decline") {
    if (!(await store.transition(actor.tenantId, request.id, "pending", "declined", decided))) {
      return refuse("replayed", (await store.get(actor.tenantId, request.id)) ?? request);
    }
    await audit("success", "tap.declined", {}, requester);
    await localeOf(actor.tenantId, request.requesterId)
      .then((locale) => {
        const theirs = textsOf(locale).t;
        return messenger.sendText(
          actor.tenantId,
          request.requesterId,
          theirs("registration.tap.declinedMessage", {
            name: userText(decided.decidedByName ?? theirs("registration.tap.anAdmin")),
          }),
        );
      })
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
      texts,
      t("registration.tap.graphRefused", { error: errorText(error) }),
    );
  }
  const start = Date.parse(created.startDateTime);
  const expiresAt = new Date(
    (Number.isNaN(start) ? clock().getTime() : start) + created.lifetimeInMinutes * 60_000,
  );
  try {
    // The pass in the requester's language: the locale of their own chat, else Graph's, else the tenant's.
    const locale = await localeOf(actor.tenantId, request.requesterId);
    const theirs = textsOf(locale);
    await messenger.sendCard(
      actor.tenantId,
      request.requesterId,
      renderView(
        passCard(
          created.temporaryAccessPass,
          decided.decidedByName ?? theirs.t("registration.tap.anAdmin"),
          created.lifetimeInMinutes,
          created.isUsableOnce,
          expiresAt,
          theirs,
        ),
        locale,
      ),
      { summary: theirs.t("registration.tap.summaryPass") },
    );
  } catch (error) {
    await store.transition(actor.tenantId, request.id, "issuing", "failed", {
      note: "undelivered",
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
      expires: expiresAt.toISOString(),
    },
    "temporary access pass issued",
  );
  return finish("issued");
}
