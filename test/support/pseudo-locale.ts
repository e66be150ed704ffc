/**
 * Checks a card rendered after usePseudoEnglish(): every text a person reads must be made of ⟦…⟧ strings
 * (from the resources), the data the test put in (names, UPNs, app names), numbers and Intl's dates. What
 * is left is a hard-coded string.
 */
import assert from "node:assert/strict";

const EN_MONTHS = Array.from({ length: 12 }, (_, month) => [
  new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" }).format(Date.UTC(2026, month, 1)),
  new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" }).format(Date.UTC(2026, month, 1)),
]).flat();
const EN_WEEKDAYS = Array.from({ length: 7 }, (_, day) => [
  new Intl.DateTimeFormat("en-GB", { weekday: "long", timeZone: "UTC" }).format(Date.UTC(2026, 10, 1 + day)),
  new Intl.DateTimeFormat("en-GB", { weekday: "short", timeZone: "UTC" }).format(Date.UTC(2026, 10, 1 + day)),
]).flat();

/** Every text, title, label, placeholder, fact and choice a person reads in a card. */
export function visibleTexts(node: unknown, out: string[] = [], inChoices = false): string[] {
  if (Array.isArray(node)) {
    node.forEach((item) => visibleTexts(item, out, inChoices));
  } else if (typeof node === "object" && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      // A choice's value is what the card sends back, not what the person reads.
      if (inChoices && key === "value") {
        continue;
      }
      if (
        [
          "text",
          "title",
          "label",
          "placeholder",
          "value",
          "altText",
          "fallbackText",
          "errorMessage",
        ].includes(key) &&
        typeof value === "string"
      ) {
        out.push(value);
      } else {
        visibleTexts(value, out, key === "choices");
      }
    }
  }
  return out;
}

/** What is left of a text once resource strings, the given data, dates and numbers are taken out. */
export function hardCodedPart(text: string, data: readonly string[] = []): string {
  // Innermost first, as often as strings nest (a sentence of a count of a reason: three deep).
  let rest = text;
  while (/⟦[^⟦⟧]*⟧/.test(rest)) {
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, " ");
  }
  const known = [...data, ...EN_MONTHS, ...EN_WEEKDAYS, "UTC", "GMT", "am", "pm", "AM", "PM"]
    .filter((item) => item.length > 0)
    .sort((a, b) => b.length - a.length);
  for (const item of known) {
    rest = rest.split(item).join(" ");
  }
  // Markdown, punctuation and digits carry no language; letters do.
  return /\p{L}{2,}/u.test(rest) ? rest.replace(/\s+/g, " ").trim() : "";
}

/** Fails naming each hard-coded text in the card (Action.Submit/Execute data values are not read). */
export function assertNoHardCodedText(card: unknown, data: readonly string[] = [], where = "card"): void {
  const found = visibleTexts(withoutActionData(card))
    .map((text) => [text, hardCodedPart(text, data)] as const)
    .filter(([, rest]) => rest !== "");
  assert.deepEqual(
    found.map(([text]) => text),
    [],
    `hard-coded text in ${where}:\n${found.map(([text, rest]) => `  ${JSON.stringify(text)} (left: ${rest})`).join("\n")}`,
  );
}

function withoutActionData(node: unknown): unknown {
  if (Array.isArray(node)) {
    return node.map(withoutActionData);
  }
  if (typeof node === "object" && node !== null) {
    return Object.fromEntries(
      Object.entries(node)
        .filter(([key]) => key !== "data" && key !== "refresh")
        .map(([key, value]) => [key, withoutActionData(value)]),
    );
  }
  return node;
}
