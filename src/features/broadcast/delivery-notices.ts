import { errorCard, type ErrorCardView } from "../../cards/error-card";
import { ENGLISH, type Locale } from "../../domain/language";
import { textsFor } from "../../i18n/i18n";

/** Why an answer to a delivery report offer was not honoured (audited). */
export type OfferRefusal = "notOfferedToYou" | "staleOffer" | "noRole" | "noSuchJob";

const t = (locale: Pick<Locale, "language"> | undefined) => textsFor(locale ?? ENGLISH);

/** The polite notes of the delivery report's file consent flow, in the admin's language. */
export const deliveryNotices = {
  declined: (locale?: Pick<Locale, "language">): ErrorCardView =>
    errorCard({
      title: t(locale)("broadcast.notices.declinedTitle"),
      whatHappened: t(locale)("broadcast.notices.declinedWhat"),
      whatToDo: t(locale)("broadcast.notices.declinedDo"),
    }),
  personalOnly: (locale?: Pick<Locale, "language">): ErrorCardView =>
    errorCard({
      title: t(locale)("broadcast.notices.personalTitle"),
      whatHappened: t(locale)("broadcast.notices.personalWhat"),
      whatToDo: t(locale)("broadcast.notices.personalDo"),
    }),
  notHonoured: (reason: OfferRefusal, locale?: Pick<Locale, "language">): ErrorCardView =>
    errorCard({
      title: t(locale)("broadcast.notices.notHonouredTitle"),
      whatHappened: t(locale)(
        reason === "noRole"
          ? "broadcast.notices.notHonouredNoRole"
          : reason === "noSuchJob"
            ? "broadcast.notices.notHonouredNoJob"
            : "broadcast.notices.notHonouredStale",
      ),
      whatToDo: t(locale)("broadcast.notices.notHonouredDo"),
    }),
  failed: (reference: string, locale?: Pick<Locale, "language">): ErrorCardView =>
    errorCard({
      title: t(locale)("broadcast.notices.failedTitle"),
      whatHappened: t(locale)("broadcast.notices.failedWhat"),
      whatToDo: t(locale)("broadcast.notices.failedDo"),
      reference,
    }),
};
