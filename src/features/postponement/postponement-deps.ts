import type { Directory } from "../../directory/directory";
import type { Logger } from "../../logger";
import type { AuditLog } from "../authz/audit-log";
import type { Authorizer } from "../authz/authorize";
import type { ConversationReferenceStore } from "../messaging/conversation-reference-store";
import type { Messenger } from "../messaging/messenger";
import type { Scheduler } from "../scheduler/scheduler";
import type { PostponementRequestStore } from "./postponement-store";

/** Everything the postponement services work with, passed in (tests hand in their own clock and ids). */
export interface PostponementDeps {
  directory: Directory;
  /** Who may decide, and who gets the approval cards: the permissions table, roles read in Graph now. */
  authz: Authorizer;
  store: PostponementRequestStore;
  auditLog: AuditLog;
  messenger: Messenger;
  scheduler: Scheduler;
  /** For the approvers' Teams ids (card refresh). */
  conversationReferences: ConversationReferenceStore;
  logger: Logger;
  /** The tenant's DEFAULT_LOCALE and TIME_ZONE, for readers written to unasked (approvers, requesters). */
  locale?: { defaultLocale?: string | undefined; timeZone?: string | undefined };
  now: () => Date;
  newId: () => string;
}

export const REMINDER_JOB_KIND = "postponement.reminder";
