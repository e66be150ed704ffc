import type { TurnContext } from "botbuilder";
import type { Entities, Intent } from "../../features/conversation/intents";
import { turnLogger } from "../turn-logger";
import type { Help } from "./help";

/** The recogniser as the bot uses it (features/conversation/recognizer.ts satisfies it). */
export type Recognize = (text: string) => { intent: Intent; confidence: number; entities?: Entities };

export type MessageRoutes = Partial<Record<Intent, (context: TurnContext, entities: Entities) => Promise<void>>>;

/**
 * Routes one message by intent. Intents without a feature yet get the help card (without "I didn't
 * understand", since the bot did understand); `unknown` gets it with the text echoed literally.
 */
export function createMessageHandler(recognize: Recognize, routes: MessageRoutes, { sendHelp }: Pick<Help, "sendHelp">) {
  return async function onMessage(context: TurnContext): Promise<void> {
    const text = (context.activity.text ?? "").trim();
    if (text === "") {
      await sendHelp(context);
      return;
    }
    const { intent, confidence, entities = {} } = recognize(text);
    turnLogger(context).info({ intent, confidence }, "message recognised");
    const route = routes[intent];
    if (route) {
      await route(context, entities);
      return;
    }
    await sendHelp(context, intent === "unknown" ? text : undefined);
  };
}
