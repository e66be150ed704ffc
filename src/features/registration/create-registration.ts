import type { Directory } from "../../directory/directory";
import type { Actor } from "../../domain/actor";
import type { Logger } from "../../logger";
import type { AuditLog } from "../authz/audit-log";
import type { Authorizer } from "../authz/authorize";
import type { ConversationReferenceStore } from "../messaging/conversation-reference-store";
import type { Messenger } from "../messaging/messenger";
import type { LiveMethodsWriter } from "../report/live-methods-store";
import type { AssessmentScope } from "../status/assessment-scope";
import { notice, type RegistrationView } from "./actor";
import { askAdminForHelp } from "./admin-help";
import { auditView } from "./audit-view";
import type { DemoTenant } from "./demo-tenant";
import { isWalkthroughMethod, methodTitle, type WalkthroughMethod } from "./methods";
import { recipientLocales } from "./recipient-locale";
import type { Decision } from "./tap-decision";
import type { TapRequestStore } from "./tap-request-store";
import { TapService } from "./tap-service";
import { textsOf } from "./texts";
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
  /** Where each "Check now" keeps the typed methods it read, so the report and audiences agree. */
  liveMethods?: LiveMethodsWriter;
  /** Where each user's client locale is kept (with their conversation reference), for proactive cards. */
  conversationReferences: Pick<ConversationReferenceStore, "get">;
  /** The tenant's DEFAULT_LOCALE and TIME_ZONE. */
  locale: { defaultLocale?: string | undefined; timeZone?: string | undefined };
  /** Only in demo mode (the directory is the Graph simulator): the verify step's "Simulate registering a passkey". */
  demo?: DemoTenant;
}

/** What the bot's registration and TAP handlers call. */
export interface Registration {
  tenantId?: string;
  walkthroughs: WalkthroughService;
  askAdmin(actor: Actor, method: WalkthroughMethod): Promise<RegistrationView>;
  requestTap(actor: Actor): Promise<RegistrationView>;
  decideTap(actor: Actor, requestId: unknown, decision: Decision): Promise<RegistrationView>;
  /** The requester hides the shown pass: a notice that resumes their walkthrough where they left it. */
  hidePass(actor: Actor): Promise<RegistrationView>;
  audit(actor: Actor): Promise<RegistrationView>;
  /** Records a forged invoke (a card naming another user); nothing else happens. */
  recordForged(actor: Actor, verb: string, claimed: string): Promise<void>;
}

export function createRegistration(options: RegistrationOptions): Registration {
  const clock = options.clock ?? (() => new Date());
  const windowEnd = options.windowEnd ?? clock;
  const logger = options.logger.child({ component: "registration" });
  const context = { settings: options.settings, lookbackDays: options.lookbackDays, windowEnd };
  const localeOf = recipientLocales({
    conversationReferences: options.conversationReferences,
    directory: options.directory,
    defaults: options.locale,
  });
  const walkthroughs = new WalkthroughService({
    ...context,
    directory: options.directory,
    store: options.walkthroughStore,
    auditLog: options.auditLog,
    clock,
    logger,
    onVerified: options.onVerified,
    liveMethods: options.liveMethods,
    demo: options.demo,
  });
  const tap = new TapService({
    directory: options.directory,
    authz: options.authz,
    store: options.tapRequestStore,
    auditLog: options.auditLog,
    messenger: options.messenger,
    clock,
    logger,
    localeOf,
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
          localeOf,
        },
        actor,
        method,
      ),
    requestTap: (actor) => tap.request(actor),
    decideTap: (actor, requestId, decision) => tap.decide(actor, requestId, decision),
    async hidePass(actor) {
      const { t } = textsOf(actor.locale);
      const [latest] = await walkthroughs.active(actor);
      const method = latest && isWalkthroughMethod(latest.method) ? latest.method : "passkey";
      return notice(t("registration.tap.hiddenTitle"), t("registration.tap.hiddenText"), {
        resume: {
          method,
          title: t("registration.tap.continueWalkthrough", { method: methodTitle(method, t) }),
        },
      });
    },
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
