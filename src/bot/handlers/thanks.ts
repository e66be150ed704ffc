import type { TurnContext } from "botbuilder";

/** "thanks": a short answer, not the help card (people who say thanks got what they came for). */
export async function sayYoureWelcome(context: TurnContext): Promise<void> {
  await context.sendActivity("You're welcome. Ask me again any time, or type \"help\" to see what I can do.");
}
