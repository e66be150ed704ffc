import { ActivityTypes, type TurnContext } from "botbuilder";

import { buildErrorCard } from "../../cards/error-card";
import { textsFor } from "../../i18n/i18n";
import { replacingCard } from "../cards";
import { readTurn } from "../read-turn";
import { turnLogger } from "../turn-logger";

/** A card button whose verb this version does not know (an old card, or a forged payload). */
export async function unknownVerb(context: TurnContext) {
  const verb: unknown = (context.activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  turnLogger(context).warn(
    { verb: typeof verb === "string" ? verb.slice(0, 100) : typeof verb },
    "unknown Action.Execute verb",
  );
  const { locale } = readTurn(context);
  const t = textsFor(locale);
  return replacingCard(
    buildErrorCard(
      {
        title: t("common.unknownVerb.title"),
        whatHappened: t("common.unknownVerb.whatHappened"),
        whatToDo: t("common.unknownVerb.whatToDo"),
        reference: context.activity.id,
      },
      locale.language,
    ),
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
