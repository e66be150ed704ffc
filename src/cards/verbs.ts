/**
 * Every Action.Execute verb, declared once. Templates read them from data (`${verbs.checkStatus}`,
 * the renderer injects this map) and the bot registers its handlers from the same map, so a verb
 * cannot be renamed on one side only.
 */
export const VERBS = {
  showHelp: "help.show",
  checkStatus: "status.check",
  refreshStatus: "status.refresh",
  /** An admin picks one of the people a name matched ({upn}); authorised again, as any lookup. */
  lookUpStatus: "status.lookup",
  startRegistration: "registration.start",
  /** An action or suggestion button ({code}) that no walkthrough owns: what to do, with Microsoft's links. */
  startAction: "action.start",
  requestPostponement: "postponement.request",
  /** The postponement request form; its submit; a Global Administrator's decision; the approval card's refresh. */
  postponementForm: "postponement.form",
  postponementSubmit: "postponement.submit",
  approvePostponement: "postponement.approve",
  declinePostponement: "postponement.decline",
  refreshPostponement: "postponement.refresh",
  /** Walkthroughs ({method, step}); the acting user is always the activity's sender, never card data. */
  walkthroughStart: "walkthrough.start",
  walkthroughNext: "walkthrough.next",
  walkthroughBack: "walkthrough.back",
  walkthroughVerify: "walkthrough.verify",
  /** Demo only (the directory is the Graph simulator): register a passkey there, then verify. */
  walkthroughSimulatePasskey: "walkthrough.simulatePasskey",
  walkthroughRestart: "walkthrough.restart",
  walkthroughCancel: "walkthrough.cancel",
  walkthroughSaveChecklist: "walkthrough.checklist",
  walkthroughAskAdmin: "walkthrough.askAdmin",
  /** Temporary Access Pass: request (requester), issue / decline ({requestId}, an admin), hide the shown pass. */
  tapRequest: "tap.request",
  tapIssue: "tap.issue",
  tapDecline: "tap.decline",
  tapHide: "tap.hide",
  auditShow: "audit.show",
  readinessReport: "report.show",
  reportCancel: "report.cancel",
  reportFinding: "report.finding",
  reportCsv: "report.csv",
  reportSubscribe: "report.subscribe",
  reportUnsubscribe: "report.unsubscribe",
  broadcastCompose: "broadcast.compose",
  broadcastPreview: "broadcast.preview",
  broadcastSend: "broadcast.send",
  broadcastDiscard: "broadcast.discard",
  broadcastPause: "broadcast.pause",
  broadcastResume: "broadcast.resume",
  broadcastCancel: "broadcast.cancel",
  broadcastProgress: "broadcast.progress",
  broadcastReport: "broadcast.report",
  /** The recipient's "Done: check me now" ({jobId}): re-checks them in Graph, records the acknowledgement. */
  broadcastCheckMe: "broadcast.checkMe",
  /** One click each on the progress/report card ({jobId}): a new job over the ledger. */
  broadcastResendFailed: "broadcast.resendFailed",
  broadcastRemindNotReady: "broadcast.remindNotReady",
} as const;

export type VerbName = keyof typeof VERBS;
export type Verb = (typeof VERBS)[VerbName];

const known: ReadonlySet<string> = new Set(Object.values(VERBS));

/** True for a verb this product declares (card payloads are untrusted input). */
export function isVerb(value: unknown): value is Verb {
  return typeof value === "string" && known.has(value);
}
