import type { TurnContext } from "botbuilder";

import { buildWelcomeCard } from "../../cards/welcome-card";
import { cardMessage } from "../cards";
import { isPersonalChat } from "../conversation-kind";
import { type LocaleDefaults, turnLocale } from "../turn-locale";
import { turnLogger } from "../turn-logger";

/**
 * Teams announces an install twice (installationUpdate and conversationUpdate membersAdded), other
 * clients only once; the first one within this window welcomes, the second is ignored.
 */
const REPEAT_WINDOW_MS = 60_000;

/** In a team or group chat everybody reads it: a line, not the personal card. */
export const TEAM_WELCOME =
  "Hi, I'm MFA Ready. Microsoft now requires MFA to sign in to Azure: message me in a personal chat to find out whether it affects you and how to get ready.";

export interface WelcomeOptions {
  now: () => Date;
  locale?: LocaleDefaults;
}

export function createWelcome(options: WelcomeOptions) {
  const welcomedAt = new Map<string, number>();

  const alreadyWelcomed = (conversationId: string): boolean => {
    const now = options.now().getTime();
    for (const [id, at] of welcomedAt) {
      if (now - at > REPEAT_WINDOW_MS) {
        welcomedAt.delete(id);
      }
    }
    if (welcomedAt.has(conversationId)) {
      return true;
    }
    welcomedAt.set(conversationId, now);
    return false;
  };

  return async function sendWelcome(context: TurnContext): Promise<void> {
    if (alreadyWelcomed(context.activity.conversation.id)) {
      turnLogger(context).debug("welcome already sent for this install");
      return;
    }
    if (!isPersonalChat(context)) {
      await context.sendActivity(TEAM_WELCOME);
      return;
    }
    await sendWelcomeCard(context, options.now(), options.locale);
  };
}

/** The personal welcome card, addressed to the person by name when Teams gives it. */
export async function sendWelcomeCard(
  context: TurnContext,
  now: Date,
  defaults: LocaleDefaults = {},
): Promise<void> {
  const { language, tag } = turnLocale(context, defaults);
  const card = buildWelcomeCard({ userName: context.activity.from?.name, now, language, locale: tag });
  await context.sendActivity(cardMessage(card));
}
