import { userText } from "../../cards/markdown";
import { view } from "../../cards/view";
import type { BroadcastContent } from "../../domain/broadcast";
import { ENGLISH, type Language, type Locale } from "../../domain/language";
import { formatNumber } from "../../i18n/format";
import { textsFor } from "../../i18n/i18n";
import {
  type AudienceSources,
  type Candidate,
  disabledUserIds,
  resolveAudience,
  skipReason,
} from "./audience";
import { TRANSLATION_LANGUAGES } from "./compose";
import { audienceLabel, buttonTitle, guidanceChoices, LANGUAGE_NAMES } from "./content-labels";
import { messageCardData } from "./message-card";
import { personalCode } from "./personal-line";
import { sendAtText } from "./progress-card";

export interface AudienceCount {
  recipients: number;
  skippedByReason: Record<string, number>;
  unknownUpns: string[];
  /** The first recipient who will get it: the preview shows the message as they will see it. */
  sample?: Candidate;
}

/** Counts an audience without writing anything (one streamed pass). */
export async function countAudience(
  tenantId: string,
  content: BroadcastContent,
  sources: AudienceSources,
): Promise<AudienceCount> {
  const disabled = await disabledUserIds(sources.directory);
  const count: AudienceCount = { recipients: 0, skippedByReason: {}, unknownUpns: [] };
  for await (const candidate of resolveAudience(tenantId, content.audience, sources, (upn) =>
    count.unknownUpns.push(upn),
  )) {
    const reason = skipReason(candidate, disabled);
    if (reason) {
      count.skippedByReason[reason] = (count.skippedByReason[reason] ?? 0) + 1;
    } else {
      count.recipients += 1;
      // Prefer someone whose verdict is known, so the personal line shows.
      if (!count.sample || (!count.sample.verdict && candidate.verdict)) {
        count.sample = candidate;
      }
    }
  }
  return count;
}

export interface PreviewOptions {
  /** The admin's locale: the preview's frame, and the sample in the admin's language. */
  locale?: Locale | undefined;
  timeZone?: string | undefined;
}

/** The preview: who gets it, when, and the message as the sample recipient will see it; Send or Schedule. */
export function previewView(
  draftId: string,
  content: BroadcastContent,
  count: AudienceCount,
  sender: string,
  options: PreviewOptions = {},
) {
  const locale = options.locale ?? ENGLISH;
  const t = textsFor(locale);
  const n = (value: number) => formatNumber(value, { locale: locale.tag });
  const message = messageCardData(content, personalCode(count.sample?.verdict), sender, { locale });
  const skipped = Object.entries(count.skippedByReason).map(([reason, k]) =>
    t(`broadcast.preview.skipped.${reason}`, { count: n(k), defaultValue: `${n(k)} ${reason}` }),
  );
  const added = Object.keys(content.translations ?? {}) as Language[];
  const action = content.sendAt ? "broadcast.preview.schedule" : "broadcast.preview.send";
  return view("broadcast-preview", {
    draftId,
    audienceLabel: userText(audienceLabel(content.audience, t)),
    recipients: n(count.recipients),
    skipped: skipped.length > 0 ? skipped.join(", ") : t("broadcast.preview.none"),
    reminder: content.remindDays
      ? t("broadcast.preview.reminder", { count: content.remindDays })
      : t("broadcast.preview.none"),
    sendAt: content.sendAt
      ? sendAtText(content.sendAt, locale, options.timeZone)
      : t("broadcast.preview.sendNow"),
    languages:
      added.length > 0
        ? t("broadcast.preview.languages", { list: added.map((code) => LANGUAGE_NAMES[code]).join(", ") })
        : t("broadcast.preview.languagesDefault"),
    unknownUpns:
      count.unknownUpns.length > 0
        ? [
            userText(
              t("broadcast.preview.unknown", {
                count: n(count.unknownUpns.length),
                list: count.unknownUpns.slice(0, 20).join(", "),
              }),
            ),
          ]
        : [],
    sampleLine: count.sample
      ? userText(t("broadcast.preview.sample", { name: count.sample.displayName }))
      : t("broadcast.preview.nobody"),
    title: message.title,
    message: message.message,
    personal: message.personal,
    buttons: content.button ? [userText(buttonTitle(content.button, t))] : [],
    sendActions: count.recipients > 0 ? [{ title: t(action, { count: n(count.recipients) }), draftId }] : [],
  });
}

export type PreviewView = ReturnType<typeof previewView>;

/** The compose form, filled with what the admin typed (kept literally) and the problems found. */
export function composeView(
  values: Record<string, string>,
  problems: string[] = [],
  options: PreviewOptions = {},
) {
  const locale = options.locale ?? ENGLISH;
  const t = textsFor(locale);
  const remind = Number(values.remindDays ?? "0");
  return view("broadcast-compose", {
    problems: problems.map(userText),
    title: values.title ?? "",
    message: values.message ?? "",
    audience: values.audience ?? "affected-not-ready",
    groupId: values.groupId ?? "",
    upns: values.upns ?? "",
    buttonCode: values.buttonCode ?? "none",
    buttonUrl: values.buttonUrl ?? "",
    buttonTitle: values.buttonTitle ?? "",
    remindDays: Number.isFinite(remind) ? remind : 0,
    sendAtLabel: t("broadcast.compose.sendAtLabel", { zone: options.timeZone ?? "UTC" }),
    sendDate: values.sendDate ?? "",
    sendTime: values.sendTime ?? "",
    translations: TRANSLATION_LANGUAGES.map((language) => ({
      id: `message_${language}`,
      label: LANGUAGE_NAMES[language],
      value: values[`message_${language}`] ?? "",
    })),
    walkthroughChoices: guidanceChoices(t),
  });
}

export type ComposeView = ReturnType<typeof composeView>;
