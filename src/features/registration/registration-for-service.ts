import type { Config } from "../../config";
import type { Directory } from "../../directory/directory";
import type { Actor } from "../../domain/actor";
import type { Logger } from "../../logger";
import type { AuditLog } from "../authz/audit-log";
import type { Authorizer } from "../authz/authorize";
import type { ConversationReferenceStore } from "../messaging/conversation-reference-store";
import type { Messenger } from "../messaging/messenger";
import type { LiveMethodsWriter } from "../report/live-methods-store";
import { assessmentScope } from "../status/assessment-scope";
import type { StatusSource } from "../status/create-status-service";
import { createRegistration, type Registration } from "./create-registration";
import type { DemoTenant } from "./demo-tenant";
import type { TapRequestStore } from "./tap-request-store";
import type { WalkthroughStore } from "./walkthrough-store";

/**
 * The composition root's one call: the same tenant, settings and look-back window as the status checks
 * (in demo mode the window ends at the snapshot's capture time), the embedded stores and the messenger;
 * in demo mode also the simulator's passkey registration for the verify step's demo button.
 */
export function createRegistrationFor(
  config: Pick<Config, "assessment" | "locale">,
  logger: Logger,
  stores: {
    walkthroughs: WalkthroughStore;
    tapRequests: TapRequestStore;
    auditLog: AuditLog;
    conversationReferences: Pick<ConversationReferenceStore, "get">;
    liveMethods?: LiveMethodsWriter;
  },
  directory: Directory,
  authz: Authorizer,
  messenger: Messenger,
  source: StatusSource,
  options: { now: () => Date; onVerified?: (actor: Actor) => void; demo?: DemoTenant | undefined },
): Registration {
  return createRegistration({
    directory,
    authz,
    walkthroughStore: stores.walkthroughs,
    tapRequestStore: stores.tapRequests,
    auditLog: stores.auditLog,
    messenger,
    ...assessmentScope(config, source),
    logger,
    clock: options.now,
    onVerified: options.onVerified,
    liveMethods: stores.liveMethods,
    conversationReferences: stores.conversationReferences,
    locale: config.locale,
    ...(options.demo ? { demo: options.demo } : {}),
  });
}
