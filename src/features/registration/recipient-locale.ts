import type { Directory } from "../../directory/directory";
import type { GraphUser } from "../../directory/graph-types";
import type { Locale } from "../../domain/language";
import { recipientLocale } from "../../i18n/locale";
import type { ConversationReferenceStore } from "../messaging/conversation-reference-store";

/** The language a proactive card is written in for one reader (an approver, a requester). */
export type RecipientLocaleOf = (tenantId: string, userId: string) => Promise<Locale>;

export interface RecipientLocaleSources {
  conversationReferences: Pick<ConversationReferenceStore, "get">;
  directory: Pick<Directory, "getUser">;
  /** The tenant's DEFAULT_LOCALE and TIME_ZONE. */
  defaults: { defaultLocale?: string | undefined; timeZone?: string | undefined };
}

/**
 * The reader's locale for a card they did not ask for: the client's language stored with their
 * conversation reference, else Graph's preferredLanguage (when the user read carries it), else the
 * tenant's DEFAULT_LOCALE, else English. A failed read falls back rather than failing the send.
 */
export function recipientLocales(sources: RecipientLocaleSources): RecipientLocaleOf {
  return async (tenantId, userId) => {
    const reference = await sources.conversationReferences.get(tenantId, userId).catch(() => undefined);
    const referenceLocale = reference?.reference.locale;
    const preferredLanguage =
      referenceLocale === undefined
        ? ((
            (await sources.directory.getUser(userId).catch(() => undefined)) as
              (GraphUser & { preferredLanguage?: string | null }) | undefined
          )?.preferredLanguage ?? undefined)
        : undefined;
    return recipientLocale({
      referenceLocale,
      preferredLanguage,
      defaultLocale: sources.defaults.defaultLocale,
      timeZone: sources.defaults.timeZone,
    });
  };
}
