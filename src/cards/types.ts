/** Plain JSON, as cards travel over the wire. No botbuilder types here, so the cards survive an SDK port. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** An expanded Adaptive Card, ready to put in an attachment's `content`. */
export interface AdaptiveCardJson {
  type: "AdaptiveCard";
  version: string;
  /** Equals the template name, so tests and card refreshes know which card this is. */
  id: string;
  body?: JsonValue[];
  actions?: JsonValue[];
  [key: string]: JsonValue | undefined;
}

/** Why a card could not be rendered. */
export type CardErrorReason = "invalid-name" | "unknown-template" | "invalid-template" | "missing-data";

export class CardTemplateError extends Error {
  constructor(
    readonly reason: CardErrorReason,
    readonly template: string,
    message: string,
  ) {
    super(message);
    this.name = "CardTemplateError";
  }
}
