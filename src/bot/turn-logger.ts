import { randomUUID } from "node:crypto";

import type { Activity, TurnContext } from "botbuilder";

import type { Logger } from "../logger";
import { tenantOf } from "./tenant";

const TURN_LOGGER = Symbol("mfa-ready.turnLogger");

/**
 * A child logger bound to one activity: its id, conversation, tenant and a correlation id (Teams'
 * activity id when there is one). Never the text: a user may paste a secret into the chat.
 */
export function createTurnLogger(logger: Logger, activity: Partial<Activity>): Logger {
  return logger.child({
    correlationId: activity.id ?? randomUUID(),
    activityType: activity.type,
    activityName: activity.name,
    conversationId: activity.conversation?.id,
    tenantId: tenantOf(activity),
  });
}

export function bindTurnLogger(context: TurnContext, logger: Logger): void {
  context.turnState.set(TURN_LOGGER, logger);
}

/** The turn's logger; the fallback only serves code run outside a turn the endpoint started. */
export function turnLogger(context: TurnContext, fallback?: Logger): Logger {
  const logger = context.turnState.get(TURN_LOGGER) as Logger | undefined;
  if (logger) {
    return logger;
  }
  if (fallback) {
    return fallback;
  }
  throw new Error("turnLogger: no logger bound to this turn");
}
