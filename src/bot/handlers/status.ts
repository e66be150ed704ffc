import type { AdaptiveCard } from "@microsoft/teams-ai";
import type { TurnContext } from "botbuilder";

import { buildErrorCard } from "../../cards/error-card";
import { renderCard } from "../../cards/render";
import type { AdaptiveCardJson } from "../../cards/types";
import { VERBS } from "../../cards/verbs";
import type { Actor } from "../../domain/actor";
import type { Entities } from "../../features/conversation/intents";
import {
  guidanceCardData,
  type GuidanceCode,
  isGuidanceCode,
  postponementNotes,
} from "../../features/status/guidance";
import type { LookupView, PersonQuery } from "../../features/status/status-lookup";
import type { StatusService, StatusView } from "../../features/status/status-service";
import { cardMessage, replacingCard } from "../cards";
import { isPersonalChat } from "../conversation-kind";
import { notInTenantCard, readTurn } from "../read-turn";
import { turnLogger } from "../turn-logger";

type CardHandler = (context: TurnContext) => Promise<AdaptiveCard>;

export interface StatusHandlers {
  /**
   * "am I affected?": the status card in a personal chat; in a group chat, a card only the asker sees filled
   * in. "is ben affected?": that user's status, for the admins the permissions table allows.
   */
  askStatus(context: TurnContext, entities?: Entities): Promise<void>;
  /** A "Am I affected?" button: the status card, from the cache when it is fresh enough. */
  checkStatus: CardHandler;
  /** Refresh (manual: fresh from Graph) and the card's automatic refresh (may come from the cache). */
  refreshStatus: CardHandler;
  /** An action button: what to do, with Microsoft's links, until a walkthrough owns the code. */
  showGuidance: CardHandler;
}

interface ActionInvokeValue {
  trigger?: unknown;
  action?: { verb?: unknown; data?: { code?: unknown; method?: unknown } };
}

/** The welcome and help cards' "Set up a passkey" carries {method}; the status card carries {code}. */
const CODE_BY_METHOD: Readonly<Record<string, GuidanceCode>> = {
  passkey: "REGISTER_PASSKEY",
  fido2: "REGISTER_PASSKEY",
  whfb: "REGISTER_WHFB",
  certificate: "BIND_CERTIFICATE",
  authenticator: "REGISTER_MFA_METHOD",
  phone: "REGISTER_MFA_METHOD",
};

function requestedCode(value: ActionInvokeValue | undefined): unknown {
  const data = value?.action?.data;
  if (data?.code !== undefined) {
    return data.code;
  }
  if (typeof data?.method === "string" && Object.hasOwn(CODE_BY_METHOD, data.method)) {
    return CODE_BY_METHOD[data.method];
  }
  const verb = value?.action?.verb;
  return verb === VERBS.startRegistration
    ? "REGISTER_PASSKEY"
    : verb === VERBS.requestPostponement
      ? "REQUEST_POSTPONEMENT"
      : undefined;
}

/** The user's MRI (`from.id`): Teams refreshes the card automatically for the ids listed here, and no one else. */
function refreshUserIds(context: TurnContext): string[] {
  const id = context.activity.from?.id;
  return typeof id === "string" && id.length > 0 ? [id] : [];
}

function render(view: StatusView, context: TurnContext): AdaptiveCardJson {
  return view.card === "status"
    ? renderCard("status", { ...view.data, refreshUserIds: refreshUserIds(context) })
    : renderCard("status-problem", view.data);
}

/** Another user's card, to read: their buttons (walkthroughs, Refresh) would act for the admin, so none are shown. */
function readOnly(card: AdaptiveCardJson): AdaptiveCardJson {
  const strip = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.filter((item) => (item as { type?: unknown })?.type !== "ActionSet").map(strip)
      : value !== null && typeof value === "object"
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([key]) => key !== "actions" && key !== "refresh")
              .map(([key, item]) => [key, strip(item)]),
          )
        : value;
  return strip(card) as AdaptiveCardJson;
}

function renderLookup(view: LookupView, context: TurnContext): AdaptiveCardJson {
  if (view.card === "error") {
    return buildErrorCard(view.data);
  }
  return view.subject === "self" ? render(view, context) : readOnly(render(view, context));
}

export type LookUpStatus = (actor: Actor, query: PersonQuery) => Promise<LookupView>;

export function createStatusHandlers(
  status: StatusService,
  now: () => Date,
  lookUp?: LookUpStatus,
): StatusHandlers {
  /** The asker's card, or the one not-in-tenant card for a sender from elsewhere. */
  const checked = async (
    context: TurnContext,
    options: { fresh?: boolean } = {},
  ): Promise<AdaptiveCardJson> => {
    const { actor } = readTurn(context);
    return actor === undefined ? notInTenantCard() : render(await status.check(actor, options), context);
  };

  return {
    async askStatus(context, entities = {}) {
      const query = {
        ...(entities.upn ? { upn: entities.upn } : {}),
        ...(entities.person ? { person: entities.person } : {}),
      };
      const { actor } = readTurn(context);
      if (lookUp !== undefined && actor !== undefined && (query.upn ?? query.person) !== undefined) {
        if (!isPersonalChat(context)) {
          await context.sendActivity(
            cardMessage(
              buildErrorCard({
                title: "Ask me in our personal chat",
                whatHappened: "Someone else's status is not for a group chat.",
                whatToDo: "Open your chat with MFA Ready and ask there.",
              }),
            ),
          );
          return;
        }
        await context.sendActivity(cardMessage(renderLookup(await lookUp(actor, query), context)));
        return;
      }
      if (!isPersonalChat(context)) {
        // The chat sees a placeholder; the asker's client refreshes it into their own status.
        await context.sendActivity(
          cardMessage(renderCard("status-private", { refreshUserIds: refreshUserIds(context) })),
        );
        return;
      }
      await context.sendActivity(cardMessage(await checked(context)));
    },

    async checkStatus(context) {
      return replacingCard(await checked(context));
    },

    async refreshStatus(context) {
      const value = context.activity.value as ActionInvokeValue | undefined;
      const fresh = value?.trigger !== "automatic";
      return replacingCard(await checked(context, { fresh }));
    },

    async showGuidance(context) {
      const code = requestedCode(context.activity.value as ActionInvokeValue | undefined);
      if (!isGuidanceCode(code)) {
        turnLogger(context).warn(
          { code: typeof code === "string" ? code.slice(0, 50) : typeof code },
          "guidance for an unknown code",
        );
        return replacingCard(
          buildErrorCard({
            title: "That button no longer works",
            whatHappened: "The card asked for a step this version of MFA Ready does not know.",
            whatToDo: 'Type "am I affected?" to get a fresh status card.',
            reference: context.activity.id,
          }),
        );
      }
      const notes = code === "REQUEST_POSTPONEMENT" ? postponementNotes(now()) : [];
      return replacingCard(renderCard("guidance", guidanceCardData(code, notes)));
    },
  };
}
