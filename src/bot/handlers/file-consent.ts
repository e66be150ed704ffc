import type { TurnContext } from "botbuilder";

import { buildErrorCard } from "../../cards/error-card";
import type { AdaptiveCardJson } from "../../cards/types";
import { ENGLISH, type Locale } from "../../domain/language";
import { textsFor } from "../../i18n/i18n";
import { cardMessage } from "../cards";
import { isPersonalChat } from "../conversation-kind";
import { answerInvoke, readFileConsent, type UploadInfo } from "../file-consent";
import { type FileKind, type FileOffer, readOffer } from "../file-offer";
import { readTurn } from "../read-turn";
import { actorLocale } from "../turn-locale";
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

/** A file offer not ours (forged, unknown, or another user's), in the reader's language. */
export function invalidOfferCard(locale: Pick<Locale, "language"> = ENGLISH): AdaptiveCardJson {
  const t = textsFor(locale);
  return buildErrorCard(
    {
      title: t("common.fileOffer.invalidTitle"),
      whatHappened: t("common.fileOffer.invalidWhat"),
      whatToDo: t("common.fileOffer.invalidDo"),
    },
    locale.language,
  );
}

function personalOnlyCard(locale: Pick<Locale, "language">): AdaptiveCardJson {
  const t = textsFor(locale);
  return buildErrorCard(
    {
      title: t("common.fileOffer.personalTitle"),
      whatHappened: t("common.fileOffer.personalWhat"),
      whatToDo: t("common.fileOffer.personalDo"),
    },
    locale.language,
  );
}

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
      await context.sendActivity(cardMessage(invalidOfferCard(actorLocale(context))));
    } else if (answer.action === "decline") {
      log.info({ event: "fileConsent.declined", kind: offer.kind }, "file offer declined");
      await handler.declined(context, offer);
    } else if (!isPersonalChat(context)) {
      await context.sendActivity(cardMessage(personalOnlyCard(actorLocale(context))));
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
