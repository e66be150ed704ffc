import type { TFunction } from "i18next";

import type { AudienceSpec, BroadcastButton, BroadcastContent } from "../../domain/broadcast";
import { isLanguage, type Language } from "../../domain/language";
import { translator } from "../../i18n/i18n";
import { GUIDANCE, type GuidanceCode } from "../status/guidance";

const english = translator("en");

/** Each language by its own name: the same in every language. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: "English",
  de: "Deutsch",
  fr: "Français",
  es: "Español",
  ja: "日本語",
};

/** The message for a reader of `language`: theirs when the admin added it, else the text as written. */
export function messageFor(
  content: Pick<BroadcastContent, "message" | "translations">,
  language: string,
): string {
  return isLanguage(language) ? (content.translations?.[language] ?? content.message) : content.message;
}

/** English prefixes follow-up jobs were once stored with, before the title was prefixed where it is shown. */
const STORED_PREFIX = { "resend-failed": "Again: ", "follow-up": "Reminder: " } as const;

/**
 * A broadcast's title as its reader sees it: a follow-up's is the parent's, prefixed in the reader's
 * language ("Reminder: …", "Again: …"); the stored title stays the admin's own.
 */
export function shownTitle(
  content: Pick<BroadcastContent, "title" | "audience">,
  t: TFunction = english,
): string {
  const kind = content.audience.kind;
  if (kind !== "resend-failed" && kind !== "follow-up") {
    return content.title;
  }
  const stored = STORED_PREFIX[kind];
  const title = content.title.startsWith(stored) ? content.title.slice(stored.length) : content.title;
  return t(kind === "resend-failed" ? "broadcast.prefix.again" : "broadcast.prefix.reminder", { title });
}

export function buttonTitle(button: BroadcastButton, t: TFunction = english): string {
  return button.kind === "url"
    ? button.title
    : t(`broadcast.actions.${button.code}`, { defaultValue: t("broadcast.open") });
}

export function audienceLabel(audience: AudienceSpec, t: TFunction = english): string {
  switch (audience.kind) {
    case "group":
      return t("broadcast.audience.group", { groupId: audience.groupId });
    case "upns":
      return t("broadcast.audience.upns", { count: audience.upns.length });
    default:
      return t(`broadcast.audience.${audience.kind}`);
  }
}

const GUIDANCE_CODES = Object.keys(GUIDANCE) as GuidanceCode[];

/** The walkthrough buttons a broadcast may carry (the product's guidance codes), named in `t`'s language. */
export function guidanceChoices(t: TFunction = english): Array<{ title: string; value: string }> {
  return GUIDANCE_CODES.map((value) => ({ title: t(`broadcast.actions.${value}`), value }));
}
