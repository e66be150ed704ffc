import { renderCard } from "../../cards/render";
import type { Directory } from "../../directory/directory";
import type { Actor } from "../../domain/actor";
import type { Logger } from "../../logger";
import type { AuditLog } from "../authz/audit-log";
import type { Authorizer } from "../authz/authorize";
import type { Messenger } from "../messaging/messenger";
import { notice, readableTime, type RegistrationView } from "./actor";
import { METHOD_TITLES, type WalkthroughMethod } from "./methods";
import { checkPolicy } from "./policy-check";
import { type ContextOptions, readUserContext } from "./user-context";

export interface AdminHelpOptions extends ContextOptions {
  directory: Directory;
  authz: Authorizer;
  messenger: Messenger;
  auditLog: AuditLog;
  clock: () => Date;
  logger: Logger;
}

/**
 * "Ask an admin" on a blocked walkthrough: the Authentication Administrators and Privileged Authentication
 * Administrators get a card saying what the policy blocks, for whom. The problems are re-read from Graph
 * now, not taken from the card.
 */
export async function askAdminForHelp(
  options: AdminHelpOptions,
  actor: Actor,
  method: WalkthroughMethod,
): Promise<RegistrationView> {
  const context = await readUserContext(options.directory, actor.userId, options);
  const check = checkPolicy(method, context.policy, context.subject);
  if (check.allowed) {
    return notice(
      `${METHOD_TITLES[method]} is allowed for you now`,
      "The policy no longer blocks you: start the walkthrough again.",
      { tone: "good", resume: { method, title: "Start" } },
    );
  }
  // The admins who could issue this user a pass are the ones who act on authentication methods.
  const approvers = await options.authz.approvers("issueTemporaryAccessPass", {
    id: actor.userId,
    holdsAnyDirectoryRole: false,
  });
  const name = context.facts.user.displayName ?? actor.name ?? "A user";
  const card = renderCard("admin-help-request", {
    requesterName: name,
    requesterUpn: context.facts.user.userPrincipalName,
    methodTitle: METHOD_TITLES[method],
    problems: check.problems,
    askedAt: readableTime(options.clock()),
  });
  let delivered = 0;
  for (const approverId of approvers) {
    try {
      await options.messenger.sendCard(actor.tenantId, approverId, card, {
        summary: `${name} is blocked by the authentication methods policy`,
      });
      delivered += 1;
    } catch (error) {
      options.logger.warn(
        { event: "walkthrough.adminNotReached", approverId, err: (error as Error).message },
        "admin help card not delivered",
      );
    }
  }
  await options.auditLog.record({
    tenantId: actor.tenantId,
    actorId: actor.userId,
    actorName: name,
    action: "walkthrough.adminAsked",
    subjectId: actor.userId,
    outcome: delivered > 0 ? "success" : "failed",
    detail: { method, admins: approvers.length, delivered },
  });
  return delivered > 0
    ? notice(
        "Asked an admin",
        `I told ${delivered} admin${delivered === 1 ? "" : "s"} what blocks you. They will change the policy or contact you.`,
        { tone: "good" },
      )
    : notice(
        "I couldn't reach an admin",
        "No Authentication Administrator could be reached in Teams. Ask your IT team directly, and show them this card.",
        { tone: "warning", details: check.problems },
      );
}
