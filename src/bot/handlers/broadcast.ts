import type { AdaptiveCard } from "@microsoft/teams-ai";
import type { TurnContext } from "botbuilder";
import type { Actor } from "../../domain/actor";
import type { BroadcastService } from "../../features/broadcast/broadcast-service";
import type { ComposeInput } from "../../features/broadcast/compose";
import { deliveryNotices } from "../../features/broadcast/delivery-notices";
import { cardMessage, replacingCard } from "../cards";
import { isPersonalChat } from "../conversation-kind";
import { fileConsentCard, fileInfoCard } from "../file-consent";
import { offerContext } from "../file-offer";
import { tenantOf } from "../tenant";
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
  /** The delivery report in the file consent flow (handlers/file-consent.ts dispatches to it). */
  file: FileKindHandler;
}

/** The acting user from the activity itself; card data never names who acts. */
function actorOf(context: TurnContext): Actor {
  const activity = context.activity;
  return { tenantId: tenantOf(activity) ?? "", userId: activity.from?.aadObjectId ?? "", name: activity.from?.name, mri: activity.from?.id };
}

const dataOf = (context: TurnContext): Record<string, unknown> => {
  const data = (context.activity.value as { action?: { data?: unknown } } | undefined)?.action?.data;
  return typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
};

const FIELDS = ["title", "message", "audience", "groupId", "upns", "buttonCode", "buttonUrl", "buttonTitle", "remindDays"] as const;

export function createBroadcastHandlers(service: BroadcastService): BroadcastHandlers {
  return {
    async askBroadcast(context) {
      await context.sendActivity(cardMessage(await service.compose(actorOf(context))));
    },
    compose: async (context) => replacingCard(await service.compose(actorOf(context), dataOf(context).draftId as string | undefined)),
    async preview(context) {
      const data = dataOf(context);
      const input: ComposeInput = Object.fromEntries(FIELDS.map((field) => [field, data[field]]));
      return replacingCard(await service.preview(actorOf(context), input));
    },
    async send(context) {
      const activity = context.activity;
      // The preview card's own message becomes the progress card, updated in place.
      const card = activity.replyToId ? { conversationId: activity.conversation.id, activityId: activity.replyToId, serviceUrl: activity.serviceUrl } : undefined;
      return replacingCard(await service.send(actorOf(context), dataOf(context).draftId, card));
    },
    discard: async (context) => replacingCard(await service.discard(actorOf(context))),
    pause: async (context) => replacingCard(await service.control(actorOf(context), dataOf(context).jobId, "pause")),
    resume: async (context) => replacingCard(await service.control(actorOf(context), dataOf(context).jobId, "resume")),
    cancel: async (context) => replacingCard(await service.control(actorOf(context), dataOf(context).jobId, "cancel")),
    progress: async (context) => replacingCard(await service.progress(actorOf(context), dataOf(context).jobId)),
    // "Delivery report (CSV)": the file consent card in personal chat; the card keeps its place.
    async report(context) {
      if (!isPersonalChat(context)) {
        return replacingCard(deliveryNotices.personalOnly());
      }
      const actor = actorOf(context);
      const { card, offer } = await service.offerReport(actor, dataOf(context).jobId);
      if (offer) {
        const consent = { name: offer.name, sizeInBytes: offer.sizeInBytes, description: offer.description };
        const fileContext = offerContext({ kind: "delivery", id: offer.jobId, offeredTo: actor.userId.toLowerCase() });
        await context.sendActivity({ attachments: [fileConsentCard({ ...consent, context: fileContext })] });
      }
      return replacingCard(card);
    },
    file: {
      declined: async (context) => void (await context.sendActivity(cardMessage(deliveryNotices.declined()))),
      mismatched: async (context, offer, reason) => void (await context.sendActivity(cardMessage(await service.refuseReport(actorOf(context), offer.id, reason)))),
      async accepted(context, offer, uploadInfo) {
        const { uploaded, card } = await service.acceptReport(actorOf(context), offer.id, uploadInfo.uploadUrl, context.activity.id ?? "none");
        await context.sendActivity(uploaded ? { attachments: [fileInfoCard(uploadInfo)] } : cardMessage(card!));
      },
    },
  };
}
