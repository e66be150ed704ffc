import type { AdaptiveCardJson } from "../../src/cards/types";

export type CardNode = Record<string, unknown> & { type?: string };

/** Every object in a card, depth first. */
export function* walkCard(value: unknown): Generator<CardNode> {
  if (Array.isArray(value)) {
    for (const item of value) {
      yield* walkCard(item);
    }
  } else if (value !== null && typeof value === "object") {
    yield value as CardNode;
    for (const child of Object.values(value)) {
      yield* walkCard(child);
    }
  }
}

/**
 * Host-specific elements (Teams' Chart.*) are unknown to the adaptivecards library, which says so even
 * when the element carries a fallback and then uses that fallback instead (so its own problems still
 * show). Such an element is fine only if every use of the type has an object fallback.
 */
export function isCoveredByFallback(card: AdaptiveCardJson, problem: string): boolean {
  const type = /^UnknownElementType: Unknown element type "([^"]+)"/.exec(problem)?.[1];
  const uses = [...walkCard(card)].filter((node) => node.type === type);
  return type !== undefined && uses.length > 0 && uses.every((node) => typeof node.fallback === "object");
}

/** Every string in a card (or any JSON value), depth first: what a reader could see, and then some. */
export function cardTexts(value: unknown): string[] {
  if (typeof value === "string") {
    return [value];
  }
  if (Array.isArray(value)) {
    return value.flatMap(cardTexts);
  }
  return value !== null && typeof value === "object" ? Object.values(value).flatMap(cardTexts) : [];
}
