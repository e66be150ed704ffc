/** The hostile text tests put where users type: Markdown, a template expression and HTML. */
export const HOSTILE =
  "Mallory ${verbs.showHelp} **urgent** _now_ <b>tag</b> [click here](https://evil.example/login)";

/**
 * Texts of a card that Teams renders as Markdown (TextBlock text, FactSet titles and values) in which
 * the hostile text's link or emphasis is live (not backslash-escaped). TextRuns and inputs are literal.
 */
export function liveMarkdown(card: unknown): string[] {
  const found: string[] = [];
  const live = (text: unknown) =>
    typeof text === "string" &&
    (/(?<!\\)\[click here(?<!\\)\]\(https:\/\/evil/.test(text) || /(?<!\\)\*(?<!\\)\*urgent/.test(text));
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (node === null || typeof node !== "object") {
      return;
    }
    const element = node as Record<string, unknown>;
    if (element.type === "TextBlock" && live(element.text)) {
      found.push(String(element.text));
    }
    if (element.type === "FactSet") {
      for (const fact of (element.facts as Array<{ title?: unknown; value?: unknown }> | undefined) ?? []) {
        for (const text of [fact.title, fact.value]) {
          if (live(text)) {
            found.push(String(text));
          }
        }
      }
    }
    Object.values(element).forEach(walk);
  };
  walk(card);
  return found;
}
