import type { TurnContext } from "botbuilder";

import { buildErrorCard } from "../../cards/error-card";
import { cardMessage } from "../cards";
import { isPersonalChat } from "../conversation-kind";
import { answerInvoke, readFileConsent, type UploadInfo } from "../file-consent";
import { type FileKind, type FileOffer, readOffer } from "../file-offer";
import { readTurn } from "../read-turn";
import { turnLogger } from "../turn-logger";

/** Why the answer is not the offer's own user's: another user's card, or a card too old to name one. */
export type OfferMismatch = "notOfferedToYou" | "staleOffer";

/** One kind of file (the readiness CSV, a broadcast's delivery report) in the Teams file consent flow. */
export interface FileKindHandler {
  /** Decline: a polite note, nothing uploaded. */
  declined(context: TurnContext, offer: FileOffer): Promise<void>;
  /** Accept by the user it was offered to: roles re-read in Graph, the file checked, uploaded, the file info card. */
  accepted(context: TurnContext, offer: FileOffer, uploadInfo: UploadInfo): Promise<void>;
  /** Accept by someone else, or of an offer naming no one: a polite note, nothing uploaded (the feature audits it). */
  mismatched(context: TurnContext, offer: FileOffer, reason: OfferMismatch): Promise<void>;
}

export const invalidOfferCard = () =>
  buildErrorCard({
    title: "I did not send that file",
    whatHappened:
      "That file offer is not one I can honour here: it was not made to you, or it is too old to check.",
    whatToDo: "Ask me for the report again to get a fresh offer.",
  });

const personalOnlyCard = () =>
  buildErrorCard({
    title: "Let's continue in our personal chat",
    whatHappened: "Reports list people by name, so I only share files in a one-to-one chat.",
    whatToDo: "Open our personal chat and ask for the report there.",
  });

/**
 * fileConsent/invoke: the context names the file (kind and id) and whom it was offered to. It is card
 * data, so it is parsed strictly and the answering user must be that user; the kind's handler then
 * re-reads their roles. A forged or unknown context gets a polite note and nothing is uploaded.
 */
export function createFileConsentHandler(kinds: Partial<Record<FileKind, FileKindHandler>>) {
  return async (context: TurnContext): Promise<void> => {
    const answer = readFileConsent(context.activity.value);
    if (answer === undefined) {
      await answerInvoke(context, 400, {
        error: { code: "BadRequest", message: "malformed file consent answer" },
      });
      return;
    }
    const log = turnLogger(context);
    const offer = readOffer(answer.context);
    const handler = offer && kinds[offer.kind];
    if (offer === undefined || handler === undefined) {
      log.warn(
        { event: "fileConsent.unknownOffer", action: answer.action },
        "file consent answer names no offer of ours",
      );
      await context.sendActivity(cardMessage(invalidOfferCard()));
    } else if (answer.action === "decline") {
      log.info({ event: "fileConsent.declined", kind: offer.kind }, "file offer declined");
      await handler.declined(context, offer);
    } else if (!isPersonalChat(context)) {
      await context.sendActivity(cardMessage(personalOnlyCard()));
    } else {
      const userId = readTurn(context).actor?.userId;
      if (offer.offeredTo === undefined || userId === undefined || offer.offeredTo !== userId) {
        const reason: OfferMismatch = offer.offeredTo === undefined ? "staleOffer" : "notOfferedToYou";
        log.warn(
          { event: "fileConsent.mismatch", kind: offer.kind, reason },
          "file offer answered by someone it was not offered to",
        );
        await handler.mismatched(context, offer, reason);
      } else {
        await handler.accepted(context, offer, answer.uploadInfo);
      }
    }
    await answerInvoke(context, 200);
  };
}
