import type { Locale } from "./language";

/**
 * Who acts in a turn: the activity's tenant and `from.aadObjectId`, both lower-cased, never ids from card
 * data. The one actor type every feature takes.
 */
export interface Actor {
  tenantId: string;
  userId: string;
  /** The Teams display name (for cards and the audit log; authorisation never uses it). */
  name?: string;
  /** The Teams user id (`from.id`), for a card's refresh.userIds and mentions. */
  mri?: string;
  /**
   * The language and Intl tag to answer in (the message's language, the activity's locale, DEFAULT_LOCALE,
   * English) and the tenant's time zone; absent, the reader gets English (ENGLISH in language.ts).
   */
  locale?: Locale;
}
