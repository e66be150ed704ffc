import { randomUUID } from "node:crypto";

import { userText } from "../../cards/markdown";
import type { AdaptiveCardJson } from "../../cards/types";
import { renderView, type View, view } from "../../cards/view";
import type { BroadcastContent } from "../../domain/broadcast";
import { ENGLISH, type Locale } from "../../domain/language";
import { textsFor } from "../../i18n/i18n";
import { buttonTitle, messageFor, shownTitle } from "./content-labels";
import { renderMessageMarkdown } from "./message-text";
import { personalText } from "./personal-line";

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
  /**
   * The recipient's locale: the frame (buttons, their status box, the footer) is in their language, the
   * message in theirs when the admin added it, else as written. English when absent.
   */
  locale?: Locale;
}

/** The audience, when given, names a follow-up: its title is prefixed in the reader's language. */
type Content = Pick<BroadcastContent, "title" | "message" | "button" | "translations"> &
  Partial<Pick<BroadcastContent, "audience">>;

/**
 * What one recipient sees: the admin's text (subset Markdown, else literal), their own status (the
 * ledger's code, or a line already written), the buttons. `sender` undefined: "your IT team".
 */
export function messageCardData(
  content: Content,
  personal: string | undefined,
  sender: string | undefined,
  options: MessageCardOptions = {},
): MessageCardData {
  const t = textsFor(options.locale ?? ENGLISH);
  const button = content.button;
  const line = personalText(personal, t);
  return {
    title: userText(
      content.audience ? shownTitle({ ...content, audience: content.audience }, t) : content.title,
    ),
    message: renderMessageMarkdown(messageFor(content, (options.locale ?? ENGLISH).language)),
    personal: line ? [userText(line)] : [],
    result: options.result ? [{ ...options.result, text: userText(options.result.text) }] : [],
    footer: userText(t("broadcast.footer", { sender: sender ?? t("broadcast.sender") })),
    checks: options.jobId ? [{ jobId: options.jobId }] : [],
    walkthroughs:
      button?.kind === "walkthrough" ? [{ title: buttonTitle(button, t), code: button.code }] : [],
    links: button?.kind === "url" ? [{ title: button.title, url: button.url }] : [],
  };
}

export type MessageView = View<"broadcast-message", MessageCardData>;

/** The recipient's card as a feature answers with it (their "Done: check me now" answered in place). */
export function messageView(
  content: Content,
  personal: string | undefined,
  sender: string | undefined,
  options: MessageCardOptions = {},
): MessageView {
  return view("broadcast-message", messageCardData(content, personal, sender, options));
}

/** The recipient's card rendered in their language (the sender's path: one render per language). */
export function buildMessageCard(
  content: Content,
  personal: string | undefined,
  sender: string | undefined,
  options: MessageCardOptions = {},
): AdaptiveCardJson {
  return renderView(messageView(content, personal, sender, options), options.locale ?? ENGLISH);
}

/**
 * The same card for many recipients of one language: rendered once with a marker where the personal
 * line goes, then filled per recipient by string substitution (the templating engine is the costly
 * part). The marker is letters and digits only, so neither userText's Markdown escapes nor
 * JSON.stringify change it (a NUL-delimited one came out of JSON.stringify as "\\u0000…" and was never
 * found), and it is random per job, so no admin text can contain it. The line is written out in the
 * card's language, then Markdown-escaped and JSON-escaped exactly as the template path would; a
 * function replacement keeps a "$&" in the line literal.
 */
export function messageCardFactory(
  content: Content,
  sender: string | undefined,
  options: MessageCardOptions = {},
): (personal: string | undefined) => AdaptiveCardJson {
  const t = textsFor(options.locale ?? ENGLISH);
  const mark = `mfareadypersonal${randomUUID().replace(/-/g, "")}`;
  const withLine = JSON.stringify(buildMessageCard(content, mark, sender, options));
  const without = JSON.stringify(buildMessageCard(content, undefined, sender, options));
  if (!withLine.includes(mark)) {
    throw new Error("broadcast-message template lost the personal line marker");
  }
  return (personal) => {
    const text = personalText(personal, t);
    if (!text) {
      return JSON.parse(without) as AdaptiveCardJson;
    }
    const line = JSON.stringify(userText(text)).slice(1, -1);
    return JSON.parse(withLine.replace(mark, () => line)) as AdaptiveCardJson;
  };
}
