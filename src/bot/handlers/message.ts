import type { TurnContext } from "botbuilder";

import type { MessageLanguage } from "../../domain/language";
import type { Entities, Intent } from "../../features/conversation/intents";
import { rememberMessageLanguage } from "../turn-locale";
import { turnLogger } from "../turn-logger";
import type { Help } from "./help";

/** The recogniser as the bot uses it (features/conversation/recognizer.ts satisfies it). */
export type Recognize = (
  text: string,
  options?: { locale?: string },
) => { intent: Intent; confidence: number; entities?: Entities; language?: MessageLanguage };

export type MessageRoutes = Partial<
  Record<Intent, (context: TurnContext, entities: Entities) => Promise<void>>
>;

/**
 * Routes one message by intent. Intents without a feature yet get the help card (without "I didn't
 * understand", since the bot did understand); `unknown` gets it with the text echoed literally, and, when
 * the message is in a language the bot does not speak, one line naming the languages it does.
 */
export function createMessageHandler(
  recognize: Recognize,
  routes: MessageRoutes,
  { sendHelp }: Pick<Help, "sendHelp">,
) {
  return async function onMessage(context: TurnContext): Promise<void> {
    const text = (context.activity.text ?? "").trim();
    if (text === "") {
      await sendHelp(context);
      return;
    }
    const locale = typeof context.activity.locale === "string" ? context.activity.locale : undefined;
    const { intent, confidence, entities = {}, language } = recognize(text, locale ? { locale } : {});
    turnLogger(context).info({ intent, confidence, language }, "message recognised");
    rememberMessageLanguage(context, language);
    const route = routes[intent];
    if (route) {
      await route(context, entities);
      return;
    }
    if (intent !== "unknown") {
      await sendHelp(context);
      return;
    }
    await sendHelp(context, text, { otherLanguage: language === "other" });
  };
}
