import { ActivityTypes, type TurnContext } from "botbuilder";

import { buildErrorCard } from "../../cards/error-card";
import { replacingCard } from "../cards";
import { turnLogger } from "../turn-logger";

/** A card button whose verb this version does not know (an old card, or a forged payload). */
export async function unknownVerb(context: TurnContext) {
  const verb: unknown = (context.activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  turnLogger(context).warn(
    { verb: typeof verb === "string" ? verb.slice(0, 100) : typeof verb },
    "unknown Action.Execute verb",
  );
  return replacingCard(
    buildErrorCard({
      title: "That button no longer works",
      whatHappened:
        "This card comes from an older version of MFA Ready, and I don't know its button any more.",
      whatToDo: "Type help, or use the Help button below, to get a fresh card.",
      reference: context.activity.id,
    }),
  );
}

/**
 * Invokes the bot does not implement. The endpoint's shape check answers these before a turn; this is
 * the route's own catch-all, a clear 400 too (client input never gets a 5xx).
 */
export async function unknownInvoke(context: TurnContext): Promise<void> {
  const name = String(context.activity.name ?? "").slice(0, 100);
  turnLogger(context).warn({ invokeName: name }, "unsupported invoke");
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: {
      status: 400,
      body: { error: { code: "NotSupported", message: `invoke "${name}" is not supported` } },
    },
  });
}
