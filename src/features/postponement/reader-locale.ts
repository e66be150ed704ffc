import type { Locale } from "../../domain/language";
import { recipientLocale } from "../../i18n/locale";
import type { PostponementDeps } from "./postponement-deps";

/** Graph's `preferredLanguage` of a user, when the directory read it (a BCP 47 tag such as "de-DE"). */
export function preferredLanguageOf(user: object | undefined): string | undefined {
  const value = (user as { preferredLanguage?: unknown } | undefined)?.preferredLanguage;
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * The language of someone the feature writes to unasked (an approver, the requester): the locale kept with
 * their conversation reference (their Teams client's when they last wrote), else Graph's preferredLanguage
 * (read only when the reference has none), else the tenant's DEFAULT_LOCALE, else English.
 */
export async function readerLocale(
  deps: Pick<PostponementDeps, "conversationReferences" | "directory" | "locale" | "logger">,
  tenantId: string,
  userId: string,
  preferredLanguage?: string,
): Promise<Locale> {
  const reference = await deps.conversationReferences.get(tenantId, userId);
  const referenceLocale = reference?.reference.locale;
  const preferred =
    referenceLocale || preferredLanguage
      ? preferredLanguage
      : preferredLanguageOf(
          await deps.directory.getUser(userId).catch((error: unknown) => {
            // The language is a nicety: the message goes out in the tenant's default instead.
            deps.logger.warn(
              { userId, err: error instanceof Error ? error.message : String(error) },
              "preferredLanguage unreadable",
            );
            return undefined;
          }),
        );
  const { language, tag, timeZone } = recipientLocale({
    referenceLocale,
    preferredLanguage: preferred,
    defaultLocale: deps.locale?.defaultLocale,
    timeZone: deps.locale?.timeZone,
  });
  return { language, tag, ...(timeZone ? { timeZone } : {}) };
}
