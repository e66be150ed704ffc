import type { TurnContext } from "botbuilder";
import type { Intent } from "../../features/conversation/intents";
import { turnLogger } from "../turn-logger";
import { sendHelp } from "./help";

/** The recogniser as the bot uses it (features/conversation/recognizer.ts satisfies it). */
export type Recognize = (text: string) => { intent: Intent; confidence: number };

/** Until the recogniser is wired in: "help" (and "?") is help, everything else is not understood. */
export const helpOnlyRecognizer: Recognize = (text) =>
  /^\s*(help|\?)\s*[.!?]?\s*$/i.test(text) ? { intent: "help", confidence: 1 } : { intent: "unknown", confidence: 0 };

export type MessageRoutes = Partial<Record<Intent, (context: TurnContext) => Promise<void>>>;

/**
 * Routes one message by intent. Intents without a feature yet get the help card (without "I didn't
 * understand", since the bot did understand); `unknown` gets it with the text echoed literally.
 */
export function createMessageHandler(recognize: Recognize, routes: MessageRoutes) {
  return async function onMessage(context: TurnContext): Promise<void> {
    const text = (context.activity.text ?? "").trim();
    if (text === "") {
      await sendHelp(context);
      return;
    }
    const { intent, confidence } = recognize(text);
    turnLogger(context).info({ intent, confidence }, "message recognised");
    const route = routes[intent];
    if (route) {
      await route(context);
      return;
    }
    await sendHelp(context, intent === "unknown" ? text : undefined);
  };
}
