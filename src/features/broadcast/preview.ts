import { userText } from "../../cards/markdown";
import { renderCard } from "../../cards/render";
import type { AdaptiveCardJson } from "../../cards/types";
import type { BroadcastContent } from "../../domain/broadcast";
import {
  type AudienceSources,
  type Candidate,
  disabledUserIds,
  resolveAudience,
  skipReason,
} from "./audience";
import { audienceLabel, buttonTitle, GUIDANCE_CHOICES } from "./compose";
import { messageCardData } from "./message-card";
import { personalLine } from "./personal-line";

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

const n = (value: number) => value.toLocaleString("en-US");

export function buildPreviewCard(
  draftId: string,
  content: BroadcastContent,
  count: AudienceCount,
  sender: string,
): AdaptiveCardJson {
  const message = messageCardData(content, personalLine(count.sample?.verdict), sender);
  const skipped = Object.entries(count.skippedByReason).map(([reason, k]) => `${n(k)} ${reason}`);
  return renderCard("broadcast-preview", {
    draftId,
    audienceLabel: userText(audienceLabel(content.audience)),
    recipients: n(count.recipients),
    skipped: skipped.length > 0 ? skipped.join(", ") : "none",
    reminder: content.remindDays ? `those still not ready, after ${content.remindDays} days` : "none",
    unknownUpns:
      count.unknownUpns.length > 0
        ? [
            userText(
              `Not found in the directory (${n(count.unknownUpns.length)}): ${count.unknownUpns.slice(0, 20).join(", ")}`,
            ),
          ]
        : [],
    sampleLine: count.sample
      ? userText(`As ${count.sample.displayName} will see it:`)
      : "Nobody in this audience can receive it.",
    title: message.title,
    message: message.message,
    personal: message.personal,
    buttons: content.button ? [userText(buttonTitle(content.button))] : [],
    sendActions: count.recipients > 0 ? [{ title: `Send to ${n(count.recipients)}`, draftId }] : [],
  });
}

/** The compose form, filled with what the admin typed (kept literally) and the problems found. */
export function buildComposeCard(values: Record<string, string>, problems: string[] = []): AdaptiveCardJson {
  return renderCard("broadcast-compose", {
    problems: problems.map(userText),
    title: values.title ?? "",
    message: values.message ?? "",
    audience: values.audience ?? "affected-not-ready",
    groupId: values.groupId ?? "",
    upns: values.upns ?? "",
    buttonCode: values.buttonCode ?? "none",
    buttonUrl: values.buttonUrl ?? "",
    buttonTitle: values.buttonTitle ?? "",
    remindDays: values.remindDays ?? "0",
    walkthroughChoices: GUIDANCE_CHOICES,
  });
}
