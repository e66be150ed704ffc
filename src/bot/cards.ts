import type { AdaptiveCard } from "@microsoft/teams-ai";
import { type Activity, CardFactory, MessageFactory } from "botbuilder";

import type { AdaptiveCardJson } from "../cards/types";

/** A built card as teams-ai's Action.Execute handlers return it: it replaces the card that was clicked. */
export function replacingCard(card: AdaptiveCardJson): AdaptiveCard {
  return { ...card };
}

/** A built card as a message to send. */
export function cardMessage(card: AdaptiveCardJson): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}
