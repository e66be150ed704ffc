import { randomUUID } from "node:crypto";

import type { AdaptiveCardJson } from "../../cards/types";
import type { Directory } from "../../directory/directory";
import type { Actor } from "../../domain/actor";
import type { NewAuditEntry } from "../../domain/audit-entry";
import type { TapRequest } from "../../domain/tap-request";
import type { Logger } from "../../logger";
import type { AuditLog } from "../authz/audit-log";
import type { Authorizer } from "../authz/authorize";
import type { Messenger } from "../messaging/messenger";
import { notice, readableTime, type RegistrationView } from "./actor";
import { decideTap, type Decision } from "./tap-decision";
import { readableLifetime, type TapTerms, tapTerms } from "./tap-policy";
import type { TapRequestStore } from "./tap-request-store";
import { approvalCard, type RequesterInfo } from "./tap-view";

export interface TapServiceOptions {
  directory: Directory;
  /** Who may issue: the permissions table, roles read in Graph at the click; and who gets the approval card. */
  authz: Authorizer;
  store: TapRequestStore;
  auditLog: AuditLog;
  messenger: Messenger;
  clock: () => Date;
  logger: Logger;
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

  private async terms(userId: string): Promise<TapTerms> {
    const [policy, groups] = await Promise.all([
      this.options.directory.getMethodsPolicy(),
      this.groupIds(userId),
    ]);
    return tapTerms(policy, userId, groups);
  }

  private async groupIds(userId: string): Promise<string[]> {
    const now = this.options.clock();
    const facts = await this.options.directory.getUserFacts(userId, { start: now, end: now });
    return facts.groupIds ?? [];
  }

  private async requesterInfo(userId: string, fallback?: string): Promise<RequesterInfo> {
    const user = await this.options.directory.getUser(userId);
    return { name: user?.displayName ?? fallback ?? "A user", upn: user?.userPrincipalName ?? userId };
  }

  /** The requester asks: policy first (explained when off), one open request at a time, cards to the approvers. */
  async request(actor: Actor): Promise<RegistrationView> {
    const terms = await this.terms(actor.userId);
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
      return notice("A Temporary Access Pass isn't possible for you", terms.explanation, { tone: "warning" });
    }
    const open = await this.options.store.open(actor.tenantId, actor.userId);
    if (open !== undefined) {
      return notice(
        "Your request is with the admins",
        `You asked at ${readableTime(open.createdAt)}. The pass will arrive here, in this chat, as soon as an admin issues it.`,
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
        "No admin can issue a pass",
        privileged
          ? "You hold a directory role, so only a Privileged Authentication Administrator may issue your pass, and I found none. Ask your IT team directly."
          : "I found no Authentication Administrator or Privileged Authentication Administrator in your organisation. Ask your IT team directly.",
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
    const card = approvalCard(request, requester, terms);
    let delivered = 0;
    for (const approverId of approvers) {
      try {
        const sent = await this.options.messenger.sendCard(actor.tenantId, approverId, card, {
          summary: `${requester.name} asks for a Temporary Access Pass`,
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
        note: "no admin could be reached in Teams",
      });
      return notice(
        "I couldn't reach an admin",
        "No Authentication Administrator could be reached in Teams just now. Try again later, or ask your IT team directly.",
        { tone: "warning" },
      );
    }
    return notice(
      "Asked for a Temporary Access Pass",
      `I sent your request to ${delivered} admin${delivered === 1 ? "" : "s"}. When one of them issues it, the pass appears here, in this chat, for you only.`,
      {
        tone: "good",
        details: [
          `It will be ${terms.usableOnce ? "for one sign-in" : "reusable"} and valid for ${readableLifetime(terms.lifetimeMinutes)} from when it is issued.`,
        ],
      },
    );
  }

  /** An admin's Issue or Decline: the card that replaces the one they clicked (see tap-decision.ts). */
  decide(actor: Actor, requestId: unknown, decision: Decision): Promise<AdaptiveCardJson> {
    return decideTap(this.options, actor, requestId, decision);
  }
}
