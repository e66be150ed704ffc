import type { AdaptiveCard } from "@microsoft/teams-ai";
import type { TurnContext } from "botbuilder";
import type { AdaptiveCardJson } from "../../cards/types";
import type { Entities } from "../../features/conversation/intents";
import type { Actor } from "../../domain/actor";
import { refusalCard } from "../../features/authz/refusal-card";
import type { SentCard } from "../../features/messaging/messenger";
import type { ReportFeature } from "../../features/report/create-report-feature";
import { csvPieces, uploadCsv } from "../../features/report/csv-upload";
import { buildFindingView, isFindingKey } from "../../features/report/finding-view";
import { ReportError } from "../../features/report/report-errors";
import { reportCards } from "../../features/report/report-cards";
import { reportNotices } from "../../features/report/report-notices";
import type { ScanRecord } from "../../features/report/report-types";
import { cardMessage, replacingCard } from "../cards";
import { isPersonalChat } from "../conversation-kind";
import { fileConsentCard, fileInfoCard } from "../file-consent";
import { offerContext } from "../file-offer";
import { notInTenantCard, readTurn } from "../read-turn";
import { type FileKindHandler, invalidOfferCard } from "./file-consent";

type CardHandler = (context: TurnContext) => Promise<AdaptiveCard>;

export interface ReportHandlers {
  /** "readiness report" (and "… csv", "… fresh", "subscribe to the daily report", "stop the daily report": the recogniser's reportOption). */
  askReport(context: TurnContext, entities?: Entities): Promise<void>;
  showReport: CardHandler;
  cancelScan: CardHandler;
  showFinding: CardHandler;
  offerCsv: CardHandler;
  subscribe: CardHandler;
  unsubscribe: CardHandler;
  /** The readiness CSV in the file consent flow (handlers/file-consent.ts dispatches to it). */
  file: FileKindHandler;
}

type Asker = Actor;

const SCAN_ID = /^[0-9a-f-]{36}$/i;
const dataOf = (context: TurnContext) => readTurn(context).data;

const chatUrl = (context: TurnContext) =>
  `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(context.activity.recipient?.id ?? "")}`;

export function createReportHandlers(report: ReportFeature): ReportHandlers {
  /** The asker, if the permissions table lets them read the report now (roles read in Graph, audited). */
  async function authorise(context: TurnContext, step: string): Promise<Asker | AdaptiveCardJson> {
    const { actor } = readTurn(context);
    if (actor === undefined) {
      return notInTenantCard();
    }
    const decision = await report.authz.authorize(actor, "readinessReport", { step });
    return decision.allowed ? actor : refusalCard(decision);
  }
  const refusedBy = (asker: Asker | AdaptiveCardJson): asker is AdaptiveCardJson => !("userId" in asker);

  const personalOnly = (context: TurnContext, what: string) => reportCards.notice(reportNotices.personalOnly(what, chatUrl(context)));

  async function reportCard(scan: ScanRecord, asker: Asker): Promise<AdaptiveCardJson> {
    return reportCards.report(scan, { now: report.now(), subscribed: await report.daily.isSubscribed(asker.tenantId, asker.userId) });
  }

  /** Starts or joins a scan, or answers from the last hour's; `place` puts the first card where it belongs. */
  async function startReport(context: TurnContext, asker: Asker, fresh: boolean, place: (card: AdaptiveCardJson) => Promise<SentCard | undefined>): Promise<void> {
    let started;
    try {
      started = await report.scans.start(asker.tenantId, { fresh, requestedBy: asker.userId });
    } catch (error) {
      if (error instanceof ReportError && error.reason === "notInTenant") {
        await place(reportCards.notice(reportNotices.notInTenant()));
        return;
      }
      throw error;
    }
    if (started.kind === "cached") {
      await place(await reportCard(started.scan, asker));
      return;
    }
    const { scan, joined } = started;
    const sent = await place(reportCards.progress(scan.id, scan.progress, report.now(), joined));
    if (sent !== undefined) {
      report.watchers.watch(scan, { sent, userId: asker.userId, joined });
    }
  }

  /** A message's card: sent now, updated later through the messenger. */
  const sendPlace = (context: TurnContext) => async (card: AdaptiveCardJson) => {
    const response = await context.sendActivity(cardMessage(card));
    const { conversation, serviceUrl } = context.activity;
    return response?.id ? { conversationId: conversation.id, activityId: response.id, serviceUrl } : undefined;
  };

  /** An Action.Execute's card: it replaces the clicked card, which is the one updated later. */
  async function replyToInvoke(context: TurnContext, asker: Asker, fresh: boolean): Promise<AdaptiveCard> {
    let answer: AdaptiveCardJson | undefined;
    await startReport(context, asker, fresh, async (card) => {
      answer = card;
      const { conversation, serviceUrl, replyToId } = context.activity;
      return replyToId ? { conversationId: conversation.id, activityId: replyToId, serviceUrl } : undefined;
    });
    return replacingCard(answer!);
  }

  async function completedScan(asker: Asker, scanId: unknown): Promise<ScanRecord | undefined> {
    if (typeof scanId !== "string" || !SCAN_ID.test(scanId)) {
      return undefined;
    }
    const scan = await report.scans.get(scanId);
    // Card data is untrusted: the scan must be of the asker's own tenant.
    return scan?.status === "completed" && scan.tenantId === asker.tenantId.toLowerCase() ? scan : undefined;
  }

  async function sendConsent(context: TurnContext, scan: ScanRecord, asker: Asker): Promise<void> {
    const day = (scan.finishedAt ?? scan.startedAt).slice(0, 10);
    await context.sendActivity({
      attachments: [
        fileConsentCard({
          name: `mfa-readiness-${day}.csv`,
          sizeInBytes: scan.csvBytes,
          description: `MFA readiness of ${scan.users} users (one row each), from the scan of ${day}.`,
          context: offerContext({ kind: "readiness", id: scan.id, offeredTo: asker.userId.toLowerCase() }),
        }),
      ],
    });
  }

  async function subscribeCard(asker: Asker, on: boolean): Promise<AdaptiveCardJson> {
    if (!on) {
      await report.daily.unsubscribe(asker.tenantId, asker.userId);
      return reportCards.notice(reportNotices.unsubscribed());
    }
    if (!report.daily.enabled) {
      return reportCards.notice(reportNotices.dailyOff());
    }
    await report.daily.subscribe(asker.tenantId, asker.userId, asker.name);
    return reportCards.notice(reportNotices.subscribed(report.daily.dailyAt!));
  }

  return {
    async askReport(context, entities = {}) {
      const asker = await authorise(context, "ask");
      const send = sendPlace(context);
      if (refusedBy(asker)) {
        await send(asker);
        return;
      }
      const option = entities.reportOption;
      if (option === "unsubscribe") {
        await send(await subscribeCard(asker, false));
        return;
      }
      if (option === "subscribe") {
        await send(await subscribeCard(asker, true));
        return;
      }
      if (!isPersonalChat(context)) {
        await send(personalOnly(context, "The readiness report"));
        return;
      }
      const latest = option === "csv" ? await report.scans.latest(asker.tenantId) : undefined;
      if (latest !== undefined) {
        await sendConsent(context, latest, asker);
        return;
      }
      await startReport(context, asker, option === "fresh", send);
    },

    async showReport(context) {
      const asker = await authorise(context, "show");
      if (refusedBy(asker)) {
        return replacingCard(asker);
      }
      if (!isPersonalChat(context)) {
        return replacingCard(personalOnly(context, "The readiness report"));
      }
      return replyToInvoke(context, asker, dataOf(context).fresh === true);
    },

    async cancelScan(context) {
      const asker = await authorise(context, "cancel");
      if (refusedBy(asker)) {
        return replacingCard(asker);
      }
      const scanId = dataOf(context).scanId;
      const running = report.scans.current(asker.tenantId);
      if (running === undefined || running.id !== scanId) {
        // Already over: show where it ended.
        return replyToInvoke(context, asker, false);
      }
      const by = asker.name ?? "An admin";
      report.watchers.noteCancel(running.id, by);
      report.scans.cancel(running.id, asker.userId);
      return replacingCard(reportCards.notice(reportNotices.canceled(by)));
    },

    async showFinding(context) {
      const asker = await authorise(context, "finding");
      if (refusedBy(asker)) {
        return replacingCard(asker);
      }
      const { scanId, finding } = dataOf(context);
      const scan = await completedScan(asker, scanId);
      if (scan === undefined || !isFindingKey(finding)) {
        return replacingCard(reportCards.notice(reportNotices.csvUnavailable()));
      }
      return replacingCard(reportCards.finding(await buildFindingView(scan.id, finding, report.scans.verdicts(scan.id))));
    },

    async offerCsv(context) {
      const asker = await authorise(context, "csv");
      if (refusedBy(asker)) {
        return replacingCard(asker);
      }
      if (!isPersonalChat(context)) {
        return replacingCard(personalOnly(context, "The CSV"));
      }
      const scan = await completedScan(asker, dataOf(context).scanId);
      if (scan === undefined) {
        return replacingCard(reportCards.notice(reportNotices.csvUnavailable()));
      }
      await sendConsent(context, scan, asker);
      return replacingCard(await reportCard(scan, asker));
    },

    async subscribe(context) {
      const asker = await authorise(context, "subscribe");
      return replacingCard(refusedBy(asker) ? asker : await subscribeCard(asker, true));
    },

    async unsubscribe(context) {
      const asker = await authorise(context, "unsubscribe");
      return replacingCard(refusedBy(asker) ? asker : await subscribeCard(asker, false));
    },

    file: {
      async declined(context) {
        await context.sendActivity(cardMessage(reportCards.notice(reportNotices.csvDeclined())));
      },
      async mismatched(context, offer, reason) {
        readTurn(context).log.warn({ event: "report.csvRefused", reason, scanId: offer.id }, "readiness CSV offer not honoured");
        await context.sendActivity(cardMessage(invalidOfferCard()));
      },
      async accepted(context, offer, uploadInfo) {
        const { log } = readTurn(context);
        const asker = await authorise(context, "csv.accept");
        const scan = refusedBy(asker) ? undefined : await completedScan(asker, offer.id);
        if (refusedBy(asker) || scan === undefined) {
          await context.sendActivity(cardMessage(refusedBy(asker) ? asker : reportCards.notice(reportNotices.csvUnavailable())));
          return;
        }
        try {
          await uploadCsv({ url: uploadInfo.uploadUrl, totalBytes: scan.csvBytes, pieces: csvPieces(report.scans.verdicts(scan.id)), fetch: report.fetch });
          await context.sendActivity({ attachments: [fileInfoCard(uploadInfo)] });
          log.info({ event: "report.csvUploaded", scanId: scan.id, bytes: scan.csvBytes }, "CSV uploaded");
        } catch (error) {
          log.warn({ event: "report.csvFailed", err: { name: (error as Error).name, message: (error as Error).message } }, "CSV upload failed");
          await context.sendActivity(cardMessage(reportCards.notice(reportNotices.csvFailed(context.activity.id ?? "none"))));
        }
      },
    },
  };
}
