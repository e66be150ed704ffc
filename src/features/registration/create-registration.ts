import type { AdaptiveCardJson } from "../../cards/types";
import type { Directory } from "../../directory/directory";
import type { Actor } from "../../domain/actor";
import type { Logger } from "../../logger";
import type { AuditLog } from "../authz/audit-log";
import type { Authorizer } from "../authz/authorize";
import type { Messenger } from "../messaging/messenger";
import type { AssessmentScope } from "../status/assessment-scope";
import type { RegistrationView } from "./actor";
import { askAdminForHelp } from "./admin-help";
import { auditView } from "./audit-view";
import type { WalkthroughMethod } from "./methods";
import type { Decision } from "./tap-decision";
import type { TapRequestStore } from "./tap-request-store";
import { TapService } from "./tap-service";
import { WalkthroughService } from "./walkthrough-service";
import type { WalkthroughStore } from "./walkthrough-store";

/** Requests from a tenant other than the scope's `tenantId` are refused. */
export interface RegistrationOptions extends AssessmentScope {
  directory: Directory;
  authz: Authorizer;
  walkthroughStore: WalkthroughStore;
  tapRequestStore: TapRequestStore;
  auditLog: AuditLog;
  messenger: Messenger;
  logger: Logger;
  clock?: () => Date;
  /** Forget a user's cached status (StatusService.forget) once a method is verified. */
  onVerified?: (actor: Actor) => void;
}

/** What the bot's registration and TAP handlers call. */
export interface Registration {
  tenantId?: string;
  walkthroughs: WalkthroughService;
  askAdmin(actor: Actor, method: WalkthroughMethod): Promise<RegistrationView>;
  requestTap(actor: Actor): Promise<RegistrationView>;
  decideTap(actor: Actor, requestId: unknown, decision: Decision): Promise<AdaptiveCardJson>;
  audit(actor: Actor): Promise<RegistrationView>;
  /** Records a forged invoke (a card naming another user); nothing else happens. */
  recordForged(actor: Actor, verb: string, claimed: string): Promise<void>;
}

export function createRegistration(options: RegistrationOptions): Registration {
  const clock = options.clock ?? (() => new Date());
  const windowEnd = options.windowEnd ?? clock;
  const logger = options.logger.child({ component: "registration" });
  const context = { settings: options.settings, lookbackDays: options.lookbackDays, windowEnd };
  const walkthroughs = new WalkthroughService({
    ...context,
    directory: options.directory,
    store: options.walkthroughStore,
    auditLog: options.auditLog,
    clock,
    logger,
    onVerified: options.onVerified,
  });
  const tap = new TapService({
    directory: options.directory,
    authz: options.authz,
    store: options.tapRequestStore,
    auditLog: options.auditLog,
    messenger: options.messenger,
    clock,
    logger,
  });
  return {
    tenantId: options.tenantId,
    walkthroughs,
    askAdmin: (actor, method) =>
      askAdminForHelp(
        {
          ...context,
          directory: options.directory,
          authz: options.authz,
          messenger: options.messenger,
          auditLog: options.auditLog,
          clock,
          logger,
        },
        actor,
        method,
      ),
    requestTap: (actor) => tap.request(actor),
    decideTap: (actor, requestId, decision) => tap.decide(actor, requestId, decision),
    audit: (actor) => auditView(options.authz, options.auditLog, actor),
    async recordForged(actor, verb, claimed) {
      logger.warn({ event: "registration.forged", verb, claimed }, "card data names another user: refused");
      await options.auditLog.record({
        tenantId: actor.tenantId,
        actorId: actor.userId,
        actorName: actor.name,
        action: "registration.forged",
        subjectId: claimed,
        outcome: "refused",
        detail: { verb },
      });
    },
  };
}
