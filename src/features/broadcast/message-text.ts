/**
 * The Markdown subset a broadcast may use, the one Adaptive Card TextBlocks render: **bold**, _italic_,
 * [links](https://…) to allowed hosts, and "- " / "1. " lists. Anything else the admin typed is shown as
 * typed: HTML tags, headings, quotes and `${…}` stay literal text (the card renderer never evaluates
 * data, and the characters a renderer could read are backslash-escaped).
 */

/** Hosts a broadcast may link to (buttons and inline links): Microsoft's own sign-in and help pages. */
export const ALLOWED_LINK_HOSTS: readonly string[] = [
  "aka.ms",
  "learn.microsoft.com",
  "support.microsoft.com",
  "mysignins.microsoft.com",
  "myaccount.microsoft.com",
  "portal.azure.com",
  "entra.microsoft.com",
];

export function isAllowedUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase();
  return (
    url.protocol === "https:" &&
    url.username === "" &&
    url.password === "" &&
    ALLOWED_LINK_HOSTS.some((allowed) => host === allowed || host.endsWith(`.${allowed}`))
  );
}

const LINK = /\[([^\]\n]{1,200})\]\(([^)\s]{1,500})\)/g;

/** Links in the text that are not https on an allowed host (each reported to the admin). */
export function disallowedLinks(message: string): string[] {
  return [...message.matchAll(LINK)].map((match) => match[2]!).filter((url) => !isAllowedUrl(url));
}

/** Characters escaped outside the subset: headings, quotes, HTML, code and table marks. */
const LITERAL = /[<>#`|~\\]/g;

/**
 * The message as a TextBlock shows it: the subset kept, everything else escaped. Links pass through
 * unchanged (validation refused the disallowed ones before this runs); a "#" or ">" at a line start
 * and any "<", "`" or "\" become literal.
 */
export function renderMessageMarkdown(message: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const match of message.matchAll(LINK)) {
    parts.push(escapeOutsideSubset(message.slice(last, match.index)));
    parts.push(`[${escapeOutsideSubset(match[1]!)}](${match[2]!})`);
    last = match.index + match[0].length;
  }
  parts.push(escapeOutsideSubset(message.slice(last)));
  return parts.join("");
}

function escapeOutsideSubset(text: string): string {
  // "${" is escaped too: no card consumer can take the admin's text for a template expression.
  return text
    .replace(LITERAL, (char) => `\\${char}`)
    .replace(/[[\]]/g, (char) => `\\${char}`)
    .replace(/\$\{/g, "\\${");
}

/** Normalised line endings, no trailing spaces at the end, no control characters but newlines and tabs. */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .trimEnd();
}
