import type { BroadcastContent } from "../../domain/broadcast";
import { wallClock } from "./send-at";

/** A stored draft back into the form's values (Edit). */
export function composeValues(content: BroadcastContent, timeZone?: string): Record<string, string> {
  const audience = content.audience;
  const sendAt = content.sendAt ? wallClock(content.sendAt, timeZone) : { date: "", time: "" };
  return {
    title: content.title,
    message: content.message,
    audience: audience.kind,
    groupId: audience.kind === "group" ? audience.groupId : "",
    upns: audience.kind === "upns" ? audience.upns.join("\n") : "",
    buttonCode: content.button?.kind === "walkthrough" ? content.button.code : "none",
    buttonUrl: content.button?.kind === "url" ? content.button.url : "",
    buttonTitle: content.button?.kind === "url" ? content.button.title : "",
    remindDays: String(content.remindDays ?? 0),
    ...Object.fromEntries(
      Object.entries(content.translations ?? {}).map(([language, value]) => [`message_${language}`, value]),
    ),
    sendDate: sendAt.date,
    sendTime: sendAt.time,
  };
}
