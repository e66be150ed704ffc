import type { AdaptiveCard } from "@microsoft/teams-ai";
import type { TurnContext } from "botbuilder";

import { renderView } from "../../cards/view";
import type { Actor } from "../../domain/actor";
import type { BroadcastService } from "../../features/broadcast/broadcast-service";
import type { BroadcastView } from "../../features/broadcast/broadcast-view";
import { type ComposeInput, TRANSLATION_LANGUAGES } from "../../features/broadcast/compose";
import { deliveryNotices } from "../../features/broadcast/delivery-notices";
import { cardMessage, replacingCard } from "../cards";
import { isPersonalChat } from "../conversation-kind";
import { fileConsentCard, fileInfoCard } from "../file-consent";
import { offerContext } from "../file-offer";
import { notInTenantCard, readTurn } from "../read-turn";
import { actorLocale } from "../turn-locale";
import type { FileKindHandler } from "./file-consent";

type CardHandler = (context: TurnContext) => Promise<AdaptiveCard>;

export interface BroadcastHandlers {
  /** "broadcast" typed in the chat: the compose card (admins only). */
  askBroadcast(context: TurnContext): Promise<void>;
  compose: CardHandler;
  preview: CardHandler;
  send: CardHandler;
  discard: CardHandler;
  pause: CardHandler;
  resume: CardHandler;
  cancel: CardHandler;
  progress: CardHandler;
  report: CardHandler;
  /** A recipient's "Done: check me now". */
  checkMe: CardHandler;
  resendFailed: CardHandler;
  remindNotReady: CardHandler;
  /** The delivery report in the file consent flow (handlers/file-consent.ts dispatches to it). */
  file: FileKindHandler;
}

const FIELDS = [
  "title",
  "message",
  "audience",
  "groupId",
  "upns",
  "buttonCode",
  "buttonUrl",
  "buttonTitle",
  "remindDays",
  "sendDate",
  "sendTime",
] as const;

/** Runs a step as the turn's actor (never card data); a sender from elsewhere gets the one not-in-tenant card. */
const acting =
  (
    run: (actor: Actor, data: Record<string, unknown>, context: TurnContext) => Promise<BroadcastView>,
  ): CardHandler =>
  async (context) => {
    const { actor, data } = readTurn(context);
    return replacingCard(
      actor === undefined
        ? notInTenantCard(actorLocale(context))
        : renderView(await run(actor, data, context), actor.locale),
    );
  };

/** What the compose card submitted: its fields only (the message in each language included). */
const formInput = (data: Record<string, unknown>): ComposeInput =>
  Object.fromEntries(
    [...FIELDS, ...TRANSLATION_LANGUAGES.map((language) => `message_${language}` as const)].map((field) => [
      field,
      data[field],
    ]),
  );

/** The card the click came from, to update in place (absent on an invoke without replyToId). */
const cardOf = (context: TurnContext) => {
  const activity = context.activity;
  return activity.replyToId
    ? {
        conversationId: activity.conversation.id,
        activityId: activity.replyToId,
        serviceUrl: activity.serviceUrl,
      }
    : undefined;
};

export function createBroadcastHandlers(service: BroadcastService): BroadcastHandlers {
  return {
    async askBroadcast(context) {
      const { actor } = readTurn(context);
      await context.sendActivity(
        cardMessage(
          actor === undefined
            ? notInTenantCard(actorLocale(context))
            : renderView(await service.compose(actor), actor.locale),
        ),
      );
    },
    // "Show the fields for this audience": the form again with what was typed, for the audience chosen.
    compose: acting((actor, data) =>
      data.update === true
        ? service.compose(actor, undefined, formInput(data))
        : service.compose(actor, typeof data.draftId === "string" ? data.draftId : undefined),
    ),
    preview: acting((actor, data) => service.preview(actor, formInput(data))),
    // The preview card's own message becomes the progress card, updated in place.
    send: acting((actor, data, context) => service.send(actor, data.draftId, cardOf(context))),
    discard: acting((actor) => service.discard(actor)),
    pause: acting((actor, data) => service.control(actor, data.jobId, "pause")),
    resume: acting((actor, data) => service.control(actor, data.jobId, "resume")),
    cancel: acting((actor, data) => service.control(actor, data.jobId, "cancel")),
    progress: acting((actor, data) => service.progress(actor, data.jobId)),
    checkMe: acting((actor, data) => service.checkMe(actor, data.jobId)),
    resendFailed: acting((actor, data, context) =>
      service.followUp(actor, data.jobId, "failed", cardOf(context)),
    ),
    remindNotReady: acting((actor, data, context) =>
      service.followUp(actor, data.jobId, "not-ready", cardOf(context)),
    ),
    // "Delivery report (CSV)": the file consent card in personal chat; the card keeps its place.
    report: acting(async (actor, data, context) => {
      if (!isPersonalChat(context)) {
        return deliveryNotices.personalOnly(actor.locale);
      }
      const { shown, offer } = await service.offerReport(actor, data.jobId);
      if (offer) {
        const consent = { name: offer.name, sizeInBytes: offer.sizeInBytes, description: offer.description };
        const fileContext = offerContext({
          kind: "delivery",
          id: offer.jobId,
          offeredTo: actor.userId,
          language: offer.language,
        });
        await context.sendActivity({ attachments: [fileConsentCard({ ...consent, context: fileContext })] });
      }
      return shown;
    }),
    file: {
      async declined(context) {
        const locale = actorLocale(context);
        await context.sendActivity(cardMessage(renderView(deliveryNotices.declined(locale), locale)));
      },
      async mismatched(context, offer, reason) {
        const { actor } = readTurn(context);
        await context.sendActivity(
          cardMessage(
            actor === undefined
              ? notInTenantCard(actorLocale(context))
              : renderView(await service.refuseReport(actor, offer.id, reason), actor.locale),
          ),
        );
      },
      async accepted(context, offer, uploadInfo) {
        const { actor } = readTurn(context);
        if (actor === undefined) {
          await context.sendActivity(cardMessage(notInTenantCard(actorLocale(context))));
          return;
        }
        const { uploaded, shown } = await service.acceptReport(actor, {
          jobId: offer.id,
          uploadUrl: uploadInfo.uploadUrl,
          reference: context.activity.id ?? "none",
          language: offer.language,
        });
        await context.sendActivity(
          uploaded || !shown
            ? { attachments: [fileInfoCard(uploadInfo)] }
            : cardMessage(renderView(shown, actor.locale)),
        );
      },
    },
  };
}
