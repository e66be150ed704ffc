import { buildErrorCard } from "../../cards/error-card";
import type { AdaptiveCardJson } from "../../cards/types";

/** Why an answer to a delivery report offer was not honoured (audited). */
export type OfferRefusal = "notOfferedToYou" | "staleOffer" | "noRole" | "noSuchJob";

/** The polite notes of the delivery report's file consent flow. */
export const deliveryNotices = {
  declined: (): AdaptiveCardJson =>
    buildErrorCard({
      title: "No file sent",
      whatHappened: "No problem: I did not upload the delivery report.",
      whatToDo: "Press Delivery report (CSV) on the broadcast's card whenever you want it.",
    }),
  personalOnly: (): AdaptiveCardJson =>
    buildErrorCard({
      title: "Let's continue in our personal chat",
      whatHappened: "The delivery report lists people by name, so I only share it in a one-to-one chat.",
      whatToDo: "Open our personal chat and press Delivery report (CSV) on the broadcast's card there.",
    }),
  notHonoured: (reason: OfferRefusal): AdaptiveCardJson =>
    buildErrorCard({
      title: "I did not send that file",
      whatHappened:
        reason === "noRole"
          ? "The delivery report is for administrators, and a Microsoft Entra administrator role was not found for you just now."
          : reason === "noSuchJob"
            ? "That broadcast does not exist here any more."
            : "That file offer was not made to you, or it is too old to check.",
      whatToDo:
        "An administrator can press Delivery report (CSV) on the broadcast's card to get a fresh offer.",
    }),
  failed: (reference: string): AdaptiveCardJson =>
    buildErrorCard({
      title: "The upload did not work",
      whatHappened: "Teams did not accept the file.",
      whatToDo: "Press Delivery report (CSV) on the broadcast's card to try again.",
      reference,
    }),
};
