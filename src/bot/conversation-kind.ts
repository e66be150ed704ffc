import type { TurnContext } from "botbuilder";

/** Personal chat (one user and the bot), as opposed to a group chat or a team channel. */
export function isPersonalChat(context: TurnContext): boolean {
  const type = context.activity.conversation?.conversationType;
  // Clients other than Teams (Agents Playground, Emulator) may leave it out; one-to-one is what they mean.
  return type === undefined || type === "personal";
}

/** A conversationUpdate that adds the bot itself (not another member). */
export function botWasAdded(context: TurnContext): boolean {
  const botId = context.activity.recipient?.id;
  return (context.activity.membersAdded ?? []).some((member) => member.id === botId);
}
