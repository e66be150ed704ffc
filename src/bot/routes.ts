import type { AdaptiveCard, Application, RouteSelector } from "@microsoft/teams-ai";
import { ActivityTypes, type TurnContext } from "botbuilder";

import { VERBS } from "../cards/verbs";
import { answerInTime, type InvokeBudget } from "./answer-in-time";
import { isFileConsentInvoke } from "./file-consent";
import type { BotHandlers } from "./handlers";

type CardHandler = (context: TurnContext) => Promise<AdaptiveCard>;

const ACTION_INVOKE = "adaptiveCard/action";

const isInstallationUpdate =
  (action: string): RouteSelector =>
  async (context) =>
    context.activity.type === ActivityTypes.InstallationUpdate && context.activity.action === action;

const isAnyActionExecute: RouteSelector = async (context) =>
  context.activity.type === ActivityTypes.Invoke &&
  context.activity.name === ACTION_INVOKE &&
  (context.activity.value as { action?: { type?: unknown } } | undefined)?.action?.type === "Action.Execute";

const isAnyInvoke: RouteSelector = async (context) => context.activity.type === ActivityTypes.Invoke;

/**
 * Every way in: installation events, messages (through the recogniser) and each Action.Execute verb.
 * Order matters only for the catch-alls, which come last in their kind.
 */
export function registerRoutes(app: Application, h: BotHandlers, budget: InvokeBudget): void {
  // Installation: welcome and remember the personal chat; forget it on uninstall.
  app.activity(isInstallationUpdate("add"), h.installed);
  app.activity(isInstallationUpdate("add-upgrade"), h.upgraded);
  app.activity(isInstallationUpdate("remove"), h.uninstalled);
  app.conversationUpdate("membersAdded", h.membersAdded);

  // Messages: one handler, which asks the recogniser for the intent and dispatches on it.
  app.activity(ActivityTypes.Message, h.message);

  // Action.Execute verbs, from the one VERBS map the card templates also use.
  const verbs: Record<keyof typeof VERBS, CardHandler> = {
    showHelp: h.showHelp,
    checkStatus: h.checkStatus,
    refreshStatus: h.refreshStatus,
    lookUpStatus: h.lookUpStatus,
    // Status card buttons: a walkthrough for the codes one owns, else what to do with Microsoft's links.
    startRegistration: h.startRegistration,
    startAction: h.startAction,
    // "Ask for more time" (status card, reminder): the truth as of today, then the form and the decisions.
    requestPostponement: h.showPostponement,
    postponementForm: h.postponementForm,
    postponementSubmit: h.postponementSubmit,
    approvePostponement: h.approvePostponement,
    declinePostponement: h.declinePostponement,
    refreshPostponement: h.refreshPostponement,
    walkthroughStart: h.walkthroughStart,
    walkthroughNext: h.walkthroughNext,
    walkthroughBack: h.walkthroughBack,
    walkthroughVerify: h.walkthroughVerify,
    walkthroughSimulatePasskey: h.walkthroughSimulatePasskey,
    walkthroughRestart: h.walkthroughRestart,
    walkthroughCancel: h.walkthroughCancel,
    walkthroughSaveChecklist: h.walkthroughSaveChecklist,
    walkthroughAskAdmin: h.walkthroughAskAdmin,
    // Temporary Access Pass: the requester asks and hides; an admin (roles read in Graph) issues or declines.
    tapRequest: h.tapRequest,
    tapIssue: h.tapIssue,
    tapDecline: h.tapDecline,
    tapHide: h.tapHide,
    auditShow: h.auditShow,
    // The readiness report: start or join a scan, cancel it, a finding in full, the CSV, the daily report.
    readinessReport: h.showReport,
    reportCancel: h.cancelScan,
    reportFinding: h.showFinding,
    reportCsv: h.offerCsv,
    reportSubscribe: h.subscribeReport,
    reportUnsubscribe: h.unsubscribeReport,
    // Broadcasts (admins, roles read in Graph at each step): compose, preview, send, control, progress.
    broadcastCompose: h.broadcast.compose,
    broadcastPreview: h.broadcast.preview,
    broadcastSend: h.broadcast.send,
    broadcastDiscard: h.broadcast.discard,
    broadcastPause: h.broadcast.pause,
    broadcastResume: h.broadcast.resume,
    broadcastCancel: h.broadcast.cancel,
    broadcastProgress: h.broadcast.progress,
    broadcastReport: h.broadcast.report,
    broadcastCheckMe: h.broadcast.checkMe,
    broadcastResendFailed: h.broadcast.resendFailed,
    broadcastRemindNotReady: h.broadcast.remindNotReady,
  };
  // Each is answered within Teams' invoke limit; work that takes longer updates the card when it ends.
  for (const [name, handler] of Object.entries(verbs)) {
    app.adaptiveCards.actionExecute(VERBS[name as keyof typeof VERBS], answerInTime(handler, budget));
  }
  app.adaptiveCards.actionExecute(isAnyActionExecute, (context) => h.unknownVerb(context));

  // The file consent card's answer (the readiness CSV or a delivery report: accept uploads it; decline).
  app.addRoute(isFileConsentInvoke, h.fileConsent, true);

  // Any other invoke (message extensions, task modules, sign-in…): a clear 501.
  app.addRoute(isAnyInvoke, h.unknownInvoke, true);
}
