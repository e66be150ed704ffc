import type { TurnContext } from "botbuilder";

import { buildErrorCard, errorCard, type ErrorCardView } from "../cards/error-card";
import type { AdaptiveCardJson } from "../cards/types";
import type { Actor } from "../domain/actor";
import { ENGLISH, type Locale } from "../domain/language";
import { textsFor } from "../i18n/i18n";
import type { Logger } from "../logger";
import { tenantOf } from "./tenant";
import { actorLocale, whenLanguageKnown } from "./turn-locale";
import { turnLogger } from "./turn-logger";

/** What every handler reads of a turn, read once: who acts, the card's data, the verb, the turn's logger. */
export interface Turn {
  /** The activity's tenant and from.aadObjectId, lower-cased; undefined when the sender is no user of the tenant served. */
  actor: Actor | undefined;
  /** The clicked card's data (untrusted: never says who acts); {} for a message. */
  data: Record<string, unknown>;
  /** The Action.Execute verb, or "" for anything else. */
  verb: string;
  log: Logger;
  /** The reader's locale, also when there is no actor (the not-in-tenant card is in their language too). */
  locale: Locale;
}

const EXPECTED_TENANT = Symbol("mfa-ready.expectedTenant");
const TURN = Symbol("mfa-ready.turn");

/** The endpoint names the tenant the bot serves (the directory's), once per turn. */
export function bindExpectedTenant(context: TurnContext, tenantId: string | undefined): void {
  context.turnState.set(EXPECTED_TENANT, tenantId?.toLowerCase());
}

interface ActionValue {
  action?: { verb?: unknown; data?: unknown };
}

function actorOf(context: TurnContext): Actor | undefined {
  const { from } = context.activity;
  const tenantId = tenantOf(context.activity);
  const userId = from?.aadObjectId;
  const expected = context.turnState.get(EXPECTED_TENANT) as string | undefined;
  if (
    !tenantId ||
    typeof userId !== "string" ||
    userId.length === 0 ||
    (expected !== undefined && expected !== tenantId)
  ) {
    return undefined;
  }
  return {
    tenantId,
    userId: userId.toLowerCase(),
    ...(typeof from.name === "string" && from.name !== "" ? { name: from.name.slice(0, 120) } : {}),
    ...(typeof from.id === "string" && from.id !== "" ? { mri: from.id } : {}),
    locale: actorLocale(context),
  };
}

/**
 * The turn as handlers see it (the endpoint has checked the activity's shape, activity-shape.ts). No
 * handler digs in the raw activity for who is asking.
 */
export function readTurn(context: TurnContext): Turn {
  const known = context.turnState.get(TURN) as Turn | undefined;
  if (known !== undefined) {
    return known;
  }
  const value = context.activity.value as ActionValue | undefined;
  const data = value?.action?.data;
  const verb = value?.action?.verb;
  const turn: Turn = {
    actor: actorOf(context),
    data:
      data !== null && typeof data === "object" && !Array.isArray(data)
        ? (data as Record<string, unknown>)
        : {},
    verb: typeof verb === "string" ? verb.slice(0, 128) : "",
    log: turnLogger(context),
    locale: actorLocale(context),
  };
  context.turnState.set(TURN, turn);
  const { actor } = turn;
  whenLanguageKnown(context, () => {
    turn.locale = actorLocale(context);
    if (actor !== undefined) {
      actor.locale = turn.locale;
    }
  });
  return turn;
}

/** The one answer for a sender who is not a user of the organisation the bot serves, as a view. */
export function notInTenantView(locale: Pick<Locale, "language"> = ENGLISH): ErrorCardView {
  const t = textsFor(locale);
  return errorCard({
    title: t("common.notInTenant.title"),
    whatHappened: t("common.notInTenant.whatHappened"),
    whatToDo: t("common.notInTenant.whatToDo"),
  });
}

/** The one answer for a sender who is not a user of the organisation the bot serves, in their language. */
export function notInTenantCard(locale: Pick<Locale, "language"> = ENGLISH): AdaptiveCardJson {
  return buildErrorCard(notInTenantView(locale).data, locale.language);
}
