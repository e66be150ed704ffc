import type { AdaptiveCard } from "@microsoft/teams-ai";
import type { TurnContext } from "botbuilder";

import type { BroadcastService } from "../../features/broadcast/broadcast-service";
import type { ConversationReferenceStore } from "../../features/messaging/conversation-reference-store";
import type { PostponementService } from "../../features/postponement/postponement-service";
import type { Registration } from "../../features/registration/create-registration";
import type { ReportFeature } from "../../features/report/create-report-feature";
import type { StatusService } from "../../features/status/status-service";
import { botWasAdded } from "../conversation-kind";
import type { LocaleDefaults } from "../turn-locale";
import { type BroadcastHandlers, createBroadcastHandlers } from "./broadcast";
import { forgetPersonalChat, rememberPersonalChat } from "./conversation-reference";
import { unknownInvoke, unknownVerb } from "./fallbacks";
import { createFileConsentHandler } from "./file-consent";
import { createHelp, type ShowAdminJobs } from "./help";
import { createMessageHandler, type Recognize } from "./message";
import { createPostponementHandlers, type PostponementHandlers } from "./postponement";
import { createRegistrationHandlers, type RegistrationHandlers } from "./registration";
import { createReportHandlers, type ReportHandlers } from "./report";
import { createStatusHandlers, type LookUpStatus, type StatusHandlers } from "./status";
import { createTapHandlers, type TapHandlers } from "./tap";
import { createThanks } from "./thanks";
import { createWelcome, sendWelcomeCard } from "./welcome";

export interface BotServices {
  conversationReferences: ConversationReferenceStore;
  recognize: Recognize;
  /** The one clock every feature was given too. */
  now: () => Date;
  status: StatusService;
  /** Whether the help card lists the admin jobs (the permissions table, read in Graph). */
  showAdminJobs: ShowAdminJobs;
  /** Another user's status ("is ben affected?"), for the admins the permissions table allows. */
  lookUpStatus: LookUpStatus;
  /** Postponement answers, requests and approvals. */
  postponement: PostponementService;
  /** Walkthroughs, Temporary Access Passes and the audit log. */
  registration: Registration;
  /** The readiness report (scans, CSV, daily). */
  report: ReportFeature;
  broadcast: BroadcastService;
  /** The tenant's default language and time zone. */
  locale?: LocaleDefaults;
}

type Handler = (context: TurnContext) => Promise<void>;
type CardHandler = (context: TurnContext) => Promise<AdaptiveCard>;

/** Every handler routes.ts wires, bound to the services they use. */
export interface BotHandlers {
  installed: Handler;
  upgraded: Handler;
  uninstalled: Handler;
  membersAdded: Handler;
  message: Handler;
  /** Broadcast verbs (compose, preview, send, pause, resume, cancel, progress, report). */
  broadcast: Omit<BroadcastHandlers, "askBroadcast" | "file">;
  showHelp: CardHandler;
  unknownVerb: CardHandler;
  unknownInvoke: Handler;
  checkStatus: CardHandler;
  refreshStatus: CardHandler;
  lookUpStatus: CardHandler;
  showGuidance: CardHandler;
  showPostponement: CardHandler;
  postponementForm: CardHandler;
  postponementSubmit: CardHandler;
  approvePostponement: CardHandler;
  declinePostponement: CardHandler;
  refreshPostponement: CardHandler;
  startRegistration: CardHandler;
  startAction: CardHandler;
  walkthroughStart: CardHandler;
  walkthroughNext: CardHandler;
  walkthroughBack: CardHandler;
  walkthroughVerify: CardHandler;
  walkthroughSimulatePasskey: CardHandler;
  walkthroughRestart: CardHandler;
  walkthroughCancel: CardHandler;
  walkthroughSaveChecklist: CardHandler;
  walkthroughAskAdmin: CardHandler;
  tapRequest: CardHandler;
  tapIssue: CardHandler;
  tapDecline: CardHandler;
  tapHide: CardHandler;
  auditShow: CardHandler;
  showReport: CardHandler;
  cancelScan: CardHandler;
  showFinding: CardHandler;
  offerCsv: CardHandler;
  subscribeReport: CardHandler;
  unsubscribeReport: CardHandler;
  /** fileConsent/invoke (the readiness CSV, a broadcast's delivery report). */
  fileConsent: Handler;
}

export function createBotHandlers(services: BotServices): BotHandlers {
  const references = { store: services.conversationReferences, now: services.now };
  const sendWelcome = createWelcome({
    now: services.now,
    ...(services.locale ? { locale: services.locale } : {}),
  });
  const status: StatusHandlers = createStatusHandlers(services.status, services.now, services.lookUpStatus);
  const postponement: PostponementHandlers = createPostponementHandlers(services.postponement);
  const walkthroughs: RegistrationHandlers = createRegistrationHandlers(services.registration);
  const tap: TapHandlers = createTapHandlers(services.registration);
  const report: ReportHandlers = createReportHandlers(services.report.service);
  const broadcast: BroadcastHandlers = createBroadcastHandlers(services.broadcast);
  const help = createHelp(services.showAdminJobs, services.locale);
  const onMessage = createMessageHandler(
    services.recognize,
    {
      help: (context) => help.sendHelp(context),
      greeting: (context) => sendWelcomeCard(context, services.now(), services.locale),
      thanks: createThanks(services.locale ?? {}),
      status: status.askStatus,
      postpone: postponement.askPostponement,
      registerPasskey: walkthroughs.walkthroughMessage("passkey"),
      registerWhfb: walkthroughs.walkthroughMessage("whfb"),
      registerCertificate: walkthroughs.walkthroughMessage("certificate"),
      registerMfaMethod: walkthroughs.walkthroughMessage("mfaMethod"),
      workloadIdentity: walkthroughs.walkthroughMessage("workloadIdentity"),
      audit: walkthroughs.auditMessage,
      temporaryAccessPass: (context: TurnContext) => tap.requestMessage(context),
      report: report.askReport,
      broadcast: broadcast.askBroadcast,
    },
    help,
  );
  const showGuidance = status.showGuidance;

  return {
    broadcast,
    installed: async (context) => {
      await rememberPersonalChat(context, references);
      await sendWelcome(context);
    },
    upgraded: (context) => rememberPersonalChat(context, references),
    uninstalled: (context) => forgetPersonalChat(context, references),
    membersAdded: async (context) => {
      if (botWasAdded(context)) {
        await rememberPersonalChat(context, references);
        await sendWelcome(context);
      }
    },
    message: async (context) => {
      await rememberPersonalChat(context, references);
      await onMessage(context);
    },
    showHelp: (context) => help.helpCard(context),
    unknownVerb,
    unknownInvoke,
    checkStatus: status.checkStatus,
    refreshStatus: status.refreshStatus,
    lookUpStatus: status.lookUpPicked,
    showGuidance,
    showPostponement: postponement.showPostponement,
    postponementForm: postponement.showForm,
    postponementSubmit: postponement.submitRequest,
    approvePostponement: postponement.approve,
    declinePostponement: postponement.decline,
    refreshPostponement: postponement.refreshApproval,
    // The walkthroughs own their codes; other codes keep the guidance card.
    startRegistration: walkthroughs.start(showGuidance),
    startAction: walkthroughs.start(showGuidance),
    walkthroughStart: walkthroughs.start(showGuidance),
    walkthroughNext: walkthroughs.next,
    walkthroughBack: walkthroughs.back,
    walkthroughVerify: walkthroughs.verify,
    walkthroughSimulatePasskey: walkthroughs.simulatePasskey,
    walkthroughRestart: walkthroughs.restart,
    walkthroughCancel: walkthroughs.cancel,
    walkthroughSaveChecklist: walkthroughs.saveChecklist,
    walkthroughAskAdmin: walkthroughs.askAdmin,
    tapRequest: tap.request,
    tapIssue: tap.issue,
    tapDecline: tap.decline,
    tapHide: tap.hide,
    auditShow: walkthroughs.showAudit,
    showReport: report.showReport,
    cancelScan: report.cancelScan,
    showFinding: report.showFinding,
    offerCsv: report.offerCsv,
    subscribeReport: report.subscribe,
    unsubscribeReport: report.unsubscribe,
    fileConsent: createFileConsentHandler({ readiness: report.file, delivery: broadcast.file }),
  };
}
