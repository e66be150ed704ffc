import { randomUUID } from "node:crypto";

import { renderView } from "../../cards/view";
import type { Directory } from "../../directory/directory";
import type { Actor } from "../../domain/actor";
import type { NewAuditEntry } from "../../domain/audit-entry";
import type { TapRequest } from "../../domain/tap-request";
import type { Logger } from "../../logger";
import type { AuditLog } from "../authz/audit-log";
import type { Authorizer } from "../authz/authorize";
import type { Messenger } from "../messaging/messenger";
import { notice, type RegistrationView } from "./actor";
import type { RecipientLocaleOf } from "./recipient-locale";
import { decideTap, type Decision } from "./tap-decision";
import { readableLifetime, type TapTerms, tapTerms } from "./tap-policy";
import type { TapRequestStore } from "./tap-request-store";
import { approvalCard, type RequesterInfo } from "./tap-view";
import { textsOf } from "./texts";

export interface TapServiceOptions {
  directory: Directory;
  /** Who may issue: the permissions table, roles read in Graph at the click; and who gets the approval card. */
  authz: Authorizer;
  store: TapRequestStore;
  auditLog: AuditLog;
  messenger: Messenger;
  clock: () => Date;
  logger: Logger;
  /** Approvers and requesters read their proactive cards in their own language. */
  localeOf: RecipientLocaleOf;
}

/**
 * Temporary Access Pass requests: a user asks, the Authentication Administrators and Privileged
 * Authentication Administrators get an approval card, one of them issues it (roles read in Graph at the
 * click) and the pass goes once to the requester's personal chat. The pass is never logged or stored.
 */
export class TapService {
  constructor(private readonly options: TapServiceOptions) {}

  private audit(entry: Omit<NewAuditEntry, "at">): Promise<void> {
    return this.options.auditLog.record(entry);
  }

  private async terms(userId: string, t: ReturnType<typeof textsOf>["t"]): Promise<TapTerms> {
    const [policy, groups] = await Promise.all([
      this.options.directory.getMethodsPolicy(),
      this.groupIds(userId),
    ]);
    return tapTerms(policy, userId, groups, t);
  }

  private async groupIds(userId: string): Promise<string[]> {
    const now = this.options.clock();
    const facts = await this.options.directory.getUserFacts(userId, { start: now, end: now });
    return facts.groupIds ?? [];
  }

  private async requesterInfo(userId: string, fallback?: string): Promise<RequesterInfo> {
    const user = await this.options.directory.getUser(userId);
    return { name: user?.displayName ?? fallback, upn: user?.userPrincipalName ?? userId };
  }

  /** The requester asks: policy first (explained when off), one open request at a time, cards to the approvers. */
  async request(actor: Actor): Promise<RegistrationView> {
    const texts = textsOf(actor.locale);
    const { t } = texts;
    const terms = await this.terms(actor.userId, t);
    if (!terms.available) {
      await this.audit({
        tenantId: actor.tenantId,
        actorId: actor.userId,
        actorName: actor.name,
        action: "tap.requested",
        subjectId: actor.userId,
        outcome: "refused",
        detail: { reason: `policy.${terms.reason}` },
      });
      return notice(t("registration.tap.unavailableTitle"), terms.explanation, { tone: "warning" });
    }
    const open = await this.options.store.open(actor.tenantId, actor.userId);
    if (open !== undefined) {
      return notice(
        t("registration.tap.openTitle"),
        t("registration.tap.openText", { date: texts.time(open.createdAt) }),
      );
    }
    const privileged = await this.options.authz.holdsAnyDirectoryRole(actor.userId);
    const approvers = await this.options.authz.approvers("issueTemporaryAccessPass", {
      id: actor.userId,
      holdsAnyDirectoryRole: privileged,
    });
    if (approvers.length === 0) {
      await this.audit({
        tenantId: actor.tenantId,
        actorId: actor.userId,
        actorName: actor.name,
        action: "tap.requested",
        subjectId: actor.userId,
        outcome: "failed",
        detail: { reason: "noApprover" },
      });
      return notice(
        t("registration.tap.noApproverTitle"),
        t(privileged ? "registration.tap.noApproverPrivileged" : "registration.tap.noApprover"),
        { tone: "warning" },
      );
    }
    const requester = await this.requesterInfo(actor.userId, actor.name);
    const request: TapRequest = {
      id: randomUUID(),
      tenantId: actor.tenantId,
      requesterId: actor.userId,
      requesterName: requester.name,
      status: "pending",
      needsPrivileged: privileged,
      createdAt: this.options.clock().toISOString(),
      lifetimeMinutes: terms.lifetimeMinutes,
      usableOnce: terms.usableOnce,
    };
    await this.options.store.create(request);
    let delivered = 0;
    for (const approverId of approvers) {
      try {
        // Each approver reads the card in their own language (their stored client locale, else Graph's, else the tenant's).
        const locale = await this.options.localeOf(actor.tenantId, approverId);
        const theirs = textsOf(locale);
        const card = renderView(approvalCard(request, requester, terms, theirs), locale);
        const sent = await this.options.messenger.sendCard(actor.tenantId, approverId, card, {
          summary: theirs.t("registration.tap.summaryApproval", {
            name: requester.name ?? theirs.t("registration.tap.aUser"),
          }),
        });
        await this.options.store.addApprovalCard(request.id, { approverId, ...sent });
        delivered += 1;
      } catch (error) {
        this.options.logger.warn(
          {
            event: "tap.approvalNotDelivered",
            approverId,
            err: { name: (error as Error).name, message: (error as Error).message },
          },
          "approval card not delivered",
        );
      }
    }
    await this.audit({
      tenantId: actor.tenantId,
      actorId: actor.userId,
      actorName: requester.name,
      action: "tap.requested",
      subjectId: actor.userId,
      subjectName: requester.name,
      outcome: delivered > 0 ? "success" : "failed",
      detail: {
        requestId: request.id,
        approvers: approvers.length,
        delivered,
        needsPrivileged: request.needsPrivileged,
      },
    });
    this.options.logger.info(
      { event: "tap.requested", requestId: request.id, approvers: approvers.length, delivered },
      "temporary access pass requested",
    );
    if (delivered === 0) {
      await this.options.store.transition(actor.tenantId, request.id, "pending", "failed", {
        note: "noAdmin",
      });
      return notice(t("registration.tap.unreachableTitle"), t("registration.tap.unreachable"), {
        tone: "warning",
      });
    }
    return notice(t("registration.tap.sentTitle"), t("registration.tap.sent", { count: delivered }), {
      tone: "good",
      details: [
        t(terms.usableOnce ? "registration.tap.sentTermsOnce" : "registration.tap.sentTermsReusable", {
          lifetime: readableLifetime(terms.lifetimeMinutes, t),
        }),
      ],
    });
  }

  /** An admin's Issue or Decline: the card that replaces the one they clicked (see tap-decision.ts). */
  decide(actor: Actor, requestId: unknown, decision: Decision): Promise<RegistrationView> {
    return decideTap(this.options, actor, requestId, decision);
  }
}
