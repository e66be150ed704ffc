import type { AdaptiveCard } from "@microsoft/teams-ai";
import type { TurnContext } from "botbuilder";

import type { AdaptiveCardJson } from "../../cards/types";
import { renderView } from "../../cards/view";
import type { Actor } from "../../domain/actor";
import type { Entities } from "../../features/conversation/intents";
import type { CsvOffer } from "../../features/report/csv-offer";
import type { CardPlace, ChatPlace, ReportService } from "../../features/report/report-service";
import type { ReportView } from "../../features/report/report-views";
import { cardMessage, replacingCard } from "../cards";
import { isPersonalChat } from "../conversation-kind";
import { fileConsentCard, fileInfoCard } from "../file-consent";
import { canTakeFileConsent } from "../file-consent-support";
import { offerContext } from "../file-offer";
import { notInTenantCard, readTurn } from "../read-turn";
import { actorLocale } from "../turn-locale";
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

const chatOf = (context: TurnContext): ChatPlace => ({
  personal: isPersonalChat(context),
  chatUrl: `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(context.activity.recipient?.id ?? "")}`,
  fileConsent: canTakeFileConsent(context.activity),
});

/** The actor's view as a card, in their language. */
const rendered = (actor: Actor, shown: ReportView): AdaptiveCardJson => renderView(shown, actor.locale);

/** A message's card: sent now, updated later through the messenger. */
const sendPlace =
  (context: TurnContext, actor: Actor): CardPlace =>
  async (shown) => {
    const response = await context.sendActivity(cardMessage(rendered(actor, shown)));
    const { conversation, serviceUrl } = context.activity;
    return response?.id
      ? { conversationId: conversation.id, activityId: response.id, serviceUrl }
      : undefined;
  };

/** An Action.Execute's card replaces the clicked one, which is the card updated later. */
const clickedPlace =
  (context: TurnContext): CardPlace =>
  async () => {
    const { conversation, serviceUrl, replyToId } = context.activity;
    return replyToId ? { conversationId: conversation.id, activityId: replyToId, serviceUrl } : undefined;
  };

async function sendConsent(context: TurnContext, offer: CsvOffer): Promise<void> {
  const { scanId, offeredTo, language, ...file } = offer;
  await context.sendActivity({
    attachments: [
      fileConsentCard({
        ...file,
        context: offerContext({ kind: "readiness", id: scanId, offeredTo, language }),
      }),
    ],
  });
}

/** The readiness report's verbs: the turn read once, the service answers a view, the bot renders it. */
export function createReportHandlers(report: ReportService): ReportHandlers {
  const acting =
    (
      run: (actor: Actor, data: Record<string, unknown>, context: TurnContext) => Promise<ReportView>,
    ): CardHandler =>
    async (context) => {
      const { actor, data } = readTurn(context);
      return replacingCard(
        actor === undefined
          ? notInTenantCard(actorLocale(context))
          : rendered(actor, await run(actor, data, context)),
      );
    };

  return {
    async askReport(context, entities = {}) {
      const { actor } = readTurn(context);
      if (actor === undefined) {
        await context.sendActivity(cardMessage(notInTenantCard(actorLocale(context))));
        return;
      }
      const offer = await report.ask(
        actor,
        entities.reportOption,
        chatOf(context),
        sendPlace(context, actor),
      );
      if (offer) {
        await sendConsent(context, offer);
      }
    },
    showReport: acting((actor, data, context) =>
      report.show(actor, data.fresh === true, chatOf(context), clickedPlace(context)),
    ),
    cancelScan: acting((actor, data, context) => report.cancel(actor, data.scanId, clickedPlace(context))),
    showFinding: acting((actor, data) => report.finding(actor, data.scanId, data.finding)),
    offerCsv: acting(async (actor, data, context) => {
      const { shown, offer } = await report.offerCsv(actor, data.scanId, chatOf(context));
      if (offer) {
        await sendConsent(context, offer);
      }
      return shown;
    }),
    subscribe: acting((actor) => report.subscribe(actor, true)),
    unsubscribe: acting((actor) => report.subscribe(actor, false)),

    file: {
      async declined(context) {
        const locale = readTurn(context).actor?.locale;
        await context.sendActivity(cardMessage(renderView(report.csvDeclined(locale), locale)));
      },
      async mismatched(context, offer, reason) {
        readTurn(context).log.warn(
          { event: "report.csvRefused", reason, scanId: offer.id },
          "readiness CSV offer not honoured",
        );
        await context.sendActivity(cardMessage(invalidOfferCard(actorLocale(context))));
      },
      async accepted(context, offer, uploadInfo) {
        const { actor, log } = readTurn(context);
        if (actor === undefined) {
          await context.sendActivity(cardMessage(notInTenantCard(actorLocale(context))));
          return;
        }
        const result = await report.acceptCsv(actor, offer.id, {
          url: uploadInfo.uploadUrl,
          reference: context.activity.id ?? "none",
          language: offer.language,
        });
        if (result.uploaded) {
          await context.sendActivity({ attachments: [fileInfoCard(uploadInfo)] });
          log.info({ event: "report.csvUploaded", scanId: offer.id, bytes: result.bytes }, "CSV uploaded");
          return;
        }
        if (result.error) {
          log.warn(
            { event: "report.csvFailed", err: { name: result.error.name, message: result.error.message } },
            "CSV upload failed",
          );
        }
        await context.sendActivity(cardMessage(rendered(actor, result.shown)));
      },
    },
  };
}
