/**
 * Adaptive Card TextBlocks (and FactSet titles and values) render a Markdown subset: **bold**,
 * _italic_, [links](url), and "- " / "1. " lists at the start of a line. Text a person typed, or a
 * name read from the directory, must show as typed, so those characters are backslash-escaped
 * (CommonMark escapes, which Teams honours). Where a card can, it shows user text in a TextRun
 * instead, which is never Markdown-processed and needs no escaping.
 */
/** Only what the subset interprets: emphasis, link brackets, and the escape character itself. */
const INLINE = /[\\*_[\]]/g;
/** A list marker or a heading at the start of a line: "- x", "+ x", "* x", "12. x", "# x". */
const LINE_START = /^(\s*)([-+#>]|\d+(?=[.)]))/gm;

export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE, (char) => `\\${char}`)
    .replace(LINE_START, (_match, indent: string, marker: string) =>
      /^\d+$/.test(marker) ? `${indent}${marker}\\` : `${indent}\\${marker}`,
    );
}

/** The one wrapper view models use for user-supplied text that lands in a TextBlock or FactSet. */
export function userText(text: string | undefined | null): string {
  return escapeMarkdown(text ?? "");
}
