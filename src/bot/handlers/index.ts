import type { AdaptiveCard } from "@microsoft/teams-ai";
import type { TurnContext } from "botbuilder";
import type { BroadcastService } from "../../features/broadcast/broadcast-service";
import type { PostponementService } from "../../features/postponement/postponement-service";
import type { Registration } from "../../features/registration/create-registration";
import type { ReportFeature } from "../../features/report/create-report-feature";
import type { StatusService } from "../../features/status/status-service";
import type { ConversationReferenceStore } from "../../features/messaging/conversation-reference-store";
import { botWasAdded } from "../conversation-kind";
import { type BroadcastHandlers, createBroadcastHandlers } from "./broadcast";
import { forgetPersonalChat, rememberPersonalChat } from "./conversation-reference";
import { createFileConsentHandler } from "./file-consent";
import { notYetAvailable, unknownInvoke, unknownVerb } from "./fallbacks";
import { type ShowAdminJobs, createHelp } from "./help";
import { type Recognize, createMessageHandler } from "./message";
import { type PostponementHandlers, createPostponementHandlers } from "./postponement";
import { type RegistrationHandlers, createRegistrationHandlers } from "./registration";
import { type ReportHandlers, createReportHandlers } from "./report";
import { type LookUpStatus, type StatusHandlers, createStatusHandlers } from "./status";
import { type TapHandlers, createTapHandlers } from "./tap";
import { createWelcome, sendWelcomeCard } from "./welcome";

export interface BotServices {
  conversationReferences: ConversationReferenceStore;
  recognize: Recognize;
  now: () => Date;
  /** Status checks; without it the status verbs answer "not available yet". */
  status?: StatusService;
  /** Whether the help card lists the admin jobs (the permissions table, read in Graph). */
  showAdminJobs?: ShowAdminJobs;
  /** Another user's status ("is ben affected?"), for the admins the permissions table allows. */
  lookUpStatus?: LookUpStatus;
  /** Postponement answers, requests and approvals; without it the guidance card answers. */
  postponement?: PostponementService;
  /** Walkthroughs, Temporary Access Passes and the audit log; without it the guidance card answers. */
  registration?: Registration;
  /** The readiness report (scans, CSV, daily); without it the report verbs answer "not available yet". */
  report?: ReportFeature;
  /** Broadcasts; without it the broadcast verbs answer "not available yet". */
  broadcast?: BroadcastService;
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
  notYetAvailable: CardHandler;
  unknownVerb: CardHandler;
  unknownInvoke: Handler;
  checkStatus: CardHandler;
  refreshStatus: CardHandler;
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
  /** fileConsent/invoke (the readiness CSV, a broadcast's delivery report); without either, the 501 of any unknown invoke. */
  fileConsent: Handler;
}

export function createBotHandlers(services: BotServices): BotHandlers {
  const references = { store: services.conversationReferences, now: services.now };
  const sendWelcome = createWelcome({ now: services.now });
  const status: StatusHandlers | undefined =
    services.status && createStatusHandlers(services.status, services.now, services.lookUpStatus);
  const postponement: PostponementHandlers | undefined =
    services.postponement && createPostponementHandlers(services.postponement);
  const walkthroughs: RegistrationHandlers | undefined =
    services.registration && createRegistrationHandlers(services.registration);
  const tap: TapHandlers | undefined = services.registration && createTapHandlers(services.registration);
  const report: ReportHandlers | undefined = services.report && createReportHandlers(services.report.service);
  const broadcast: BroadcastHandlers | undefined = services.broadcast && createBroadcastHandlers(services.broadcast);
  const help = createHelp(services.showAdminJobs);
  const onMessage = createMessageHandler(services.recognize, {
    help: (context) => help.sendHelp(context),
    greeting: (context) => sendWelcomeCard(context, services.now()),
    ...(status ? { status: status.askStatus } : {}),
    ...(postponement ? { postpone: postponement.askPostponement } : {}),
    ...(walkthroughs
      ? {
          registerPasskey: walkthroughs.walkthroughMessage("passkey"),
          registerWhfb: walkthroughs.walkthroughMessage("whfb"),
          registerCertificate: walkthroughs.walkthroughMessage("certificate"),
          registerMfaMethod: walkthroughs.walkthroughMessage("mfaMethod"),
          workloadIdentity: walkthroughs.walkthroughMessage("workloadIdentity"),
          audit: walkthroughs.auditMessage,
        }
      : {}),
    ...(tap ? { temporaryAccessPass: (context: TurnContext) => tap.requestMessage(context) } : {}),
    ...(report ? { report: report.askReport } : {}),
    ...(broadcast ? { broadcast: broadcast.askBroadcast } : {}),
  }, help);
  const showGuidance = status?.showGuidance ?? notYetAvailable;

  return {
    broadcast: broadcast ?? {
      compose: notYetAvailable, preview: notYetAvailable, send: notYetAvailable, discard: notYetAvailable, pause: notYetAvailable,
      resume: notYetAvailable, cancel: notYetAvailable, progress: notYetAvailable, report: notYetAvailable,
    },
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
    notYetAvailable,
    unknownVerb,
    unknownInvoke,
    checkStatus: status?.checkStatus ?? notYetAvailable,
    refreshStatus: status?.refreshStatus ?? notYetAvailable,
    showGuidance,
    showPostponement: postponement?.showPostponement ?? status?.showGuidance ?? notYetAvailable,
    postponementForm: postponement?.showForm ?? notYetAvailable,
    postponementSubmit: postponement?.submitRequest ?? notYetAvailable,
    approvePostponement: postponement?.approve ?? notYetAvailable,
    declinePostponement: postponement?.decline ?? notYetAvailable,
    refreshPostponement: postponement?.refreshApproval ?? notYetAvailable,
    // The walkthroughs own their codes; other codes keep the guidance card.
    startRegistration: walkthroughs?.start(showGuidance) ?? showGuidance,
    startAction: walkthroughs?.start(showGuidance) ?? showGuidance,
    walkthroughStart: walkthroughs?.start(showGuidance) ?? notYetAvailable,
    walkthroughNext: walkthroughs?.next ?? notYetAvailable,
    walkthroughBack: walkthroughs?.back ?? notYetAvailable,
    walkthroughVerify: walkthroughs?.verify ?? notYetAvailable,
    walkthroughRestart: walkthroughs?.restart ?? notYetAvailable,
    walkthroughCancel: walkthroughs?.cancel ?? notYetAvailable,
    walkthroughSaveChecklist: walkthroughs?.saveChecklist ?? notYetAvailable,
    walkthroughAskAdmin: walkthroughs?.askAdmin ?? notYetAvailable,
    tapRequest: tap?.request ?? notYetAvailable,
    tapIssue: tap?.issue ?? notYetAvailable,
    tapDecline: tap?.decline ?? notYetAvailable,
    tapHide: tap?.hide ?? notYetAvailable,
    auditShow: walkthroughs?.showAudit ?? notYetAvailable,
    showReport: report?.showReport ?? notYetAvailable,
    cancelScan: report?.cancelScan ?? notYetAvailable,
    showFinding: report?.showFinding ?? notYetAvailable,
    offerCsv: report?.offerCsv ?? notYetAvailable,
    subscribeReport: report?.subscribe ?? notYetAvailable,
    unsubscribeReport: report?.unsubscribe ?? notYetAvailable,
    fileConsent: report || broadcast ? createFileConsentHandler({ readiness: report?.file, delivery: broadcast?.file }) : unknownInvoke,
  };
}
