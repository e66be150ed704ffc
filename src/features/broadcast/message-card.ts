import { randomUUID } from "node:crypto";

import { userText } from "../../cards/markdown";
import { renderCard } from "../../cards/render";
import type { AdaptiveCardJson } from "../../cards/types";
import type { BroadcastContent } from "../../domain/broadcast";
import { buttonTitle } from "./compose";
import { renderMessageMarkdown } from "./message-text";

/** What the recipient's "Done: check me now" found, shown in place above the footer. */
export interface CheckResult {
  text: string;
  style: "good" | "warning" | "emphasis";
}

export interface MessageCardData {
  title: string;
  message: string;
  personal: string[];
  result: CheckResult[];
  footer: string;
  /** "Done: check me now" for the job ({jobId}); none in a preview. */
  checks: Array<{ jobId: string }>;
  walkthroughs: Array<{ title: string; code: string }>;
  links: Array<{ title: string; url: string }>;
}

export interface MessageCardOptions {
  /** The job the card belongs to: its "Done: check me now" names it. */
  jobId?: string;
  result?: CheckResult;
}

/** What one recipient sees: the admin's text (subset Markdown, else literal), their own status, the buttons. */
export function messageCardData(
  content: Pick<BroadcastContent, "title" | "message" | "button">,
  personal: string | undefined,
  sender: string,
  options: MessageCardOptions = {},
): MessageCardData {
  const button = content.button;
  return {
    title: userText(content.title),
    message: renderMessageMarkdown(content.message),
    personal: personal ? [userText(personal)] : [],
    result: options.result ? [{ ...options.result, text: userText(options.result.text) }] : [],
    footer: userText(`Sent by ${sender} with MFA Ready`),
    checks: options.jobId ? [{ jobId: options.jobId }] : [],
    walkthroughs: button?.kind === "walkthrough" ? [{ title: buttonTitle(button), code: button.code }] : [],
    links: button?.kind === "url" ? [{ title: button.title, url: button.url }] : [],
  };
}

export function buildMessageCard(
  content: Pick<BroadcastContent, "title" | "message" | "button">,
  personal: string | undefined,
  sender: string,
  options: MessageCardOptions = {},
): AdaptiveCardJson {
  return renderCard("broadcast-message", messageCardData(content, personal, sender, options));
}

/**
 * The same card for many recipients: rendered once per job with a marker where the personal line goes,
 * then filled per recipient by string substitution (the templating engine is the costly part). The
 * marker is letters and digits only, so neither userText's Markdown escapes nor JSON.stringify change
 * it (a NUL-delimited one came out of JSON.stringify as "\\u0000…" and was never found), and it is random
 * per job, so no admin text can contain it. The line is Markdown-escaped and JSON-escaped exactly as the
 * template path would; a function replacement keeps a "$&" in the line literal.
 */
export function messageCardFactory(
  content: Pick<BroadcastContent, "title" | "message" | "button">,
  sender: string,
  options: MessageCardOptions = {},
): (personal: string | undefined) => AdaptiveCardJson {
  const mark = `mfareadypersonal${randomUUID().replace(/-/g, "")}`;
  const withLine = JSON.stringify(buildMessageCard(content, mark, sender, options));
  const without = JSON.stringify(buildMessageCard(content, undefined, sender, options));
  if (!withLine.includes(mark)) {
    throw new Error("broadcast-message template lost the personal line marker");
  }
  return (personal) => {
    if (!personal) {
      return JSON.parse(without) as AdaptiveCardJson;
    }
    const line = JSON.stringify(userText(personal)).slice(1, -1);
    return JSON.parse(withLine.replace(mark, () => line)) as AdaptiveCardJson;
  };
}
