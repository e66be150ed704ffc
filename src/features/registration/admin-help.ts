import { userText } from "../../cards/markdown";
import { renderView, view } from "../../cards/view";
import type { Directory } from "../../directory/directory";
import type { Actor } from "../../domain/actor";
import type { Logger } from "../../logger";
import type { AuditLog } from "../authz/audit-log";
import type { Authorizer } from "../authz/authorize";
import type { Messenger } from "../messaging/messenger";
import { notice, type RegistrationView } from "./actor";
import { methodTitle, type WalkthroughMethod } from "./methods";
import { checkPolicy } from "./policy-check";
import type { RecipientLocaleOf } from "./recipient-locale";
import { textsOf } from "./texts";
import { type ContextOptions, readUserContext } from "./user-context";

export interface AdminHelpOptions extends ContextOptions {
  directory: Directory;
  authz: Authorizer;
  messenger: Messenger;
  auditLog: AuditLog;
  clock: () => Date;
  logger: Logger;
  /** Each admin reads the card in their own language. */
  localeOf: RecipientLocaleOf;
}

/**
 * "Ask an admin" on a blocked walkthrough: the Authentication Administrators and Privileged Authentication
 * Administrators get a card saying what the policy blocks, for whom, each in their own language. The
 * problems are re-read from Graph now, not taken from the card.
 */
export async function askAdminForHelp(
  options: AdminHelpOptions,
  actor: Actor,
  method: WalkthroughMethod,
): Promise<RegistrationView> {
  const texts = textsOf(actor.locale);
  const { t } = texts;
  const context = await readUserContext(options.directory, actor.userId, options);
  const check = checkPolicy(method, context.policy, context.subject, texts);
  if (check.allowed) {
    return notice(
      t("registration.adminHelp.allowedTitle", { method: methodTitle(method, t) }),
      t("registration.adminHelp.allowedText"),
      { tone: "good", resume: { method, title: t("registration.step.start") } },
    );
  }
  // The admins who could issue this user a pass are the ones who act on authentication methods.
  const approvers = await options.authz.approvers("issueTemporaryAccessPass", {
    id: actor.userId,
    holdsAnyDirectoryRole: false,
  });
  const displayName = context.facts.user.displayName ?? actor.name;
  const askedAt = options.clock();
  let delivered = 0;
  for (const approverId of approvers) {
    try {
      const locale = await options.localeOf(actor.tenantId, approverId);
      const theirs = textsOf(locale);
      // The admin reads what the policy says in their language; the name is the user's, shown as typed.
      const name = userText(displayName ?? theirs.t("registration.tap.aUser"));
      const card = view("admin-help-request", {
        requesterName: name,
        requesterUpn: userText(context.facts.user.userPrincipalName),
        headline: theirs.t("registration.adminHelp.summary", { name }),
        tried: theirs.t("registration.adminHelp.tried", { method: methodTitle(method, theirs.t) }),
        problems: checkPolicy(method, context.policy, context.subject, theirs).problems,
        askedAt: theirs.time(askedAt),
      });
      await options.messenger.sendCard(actor.tenantId, approverId, renderView(card, locale), {
        summary: theirs.t("registration.adminHelp.summary", {
          name: displayName ?? theirs.t("registration.tap.aUser"),
        }),
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
    actorName: displayName ?? undefined,
    action: "walkthrough.adminAsked",
    subjectId: actor.userId,
    outcome: delivered > 0 ? "success" : "failed",
    detail: { method, admins: approvers.length, delivered },
  });
  return delivered > 0
    ? notice(
        t("registration.adminHelp.askedTitle"),
        t("registration.adminHelp.asked", { count: delivered }),
        {
          tone: "good",
        },
      )
    : notice(t("registration.adminHelp.unreachableTitle"), t("registration.adminHelp.unreachable"), {
        tone: "warning",
        details: check.problems,
      });
}
