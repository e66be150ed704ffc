import type { AdaptiveCard } from "@microsoft/teams-ai";
import type { TurnContext } from "botbuilder";

import type { AdaptiveCardJson } from "../../cards/types";
import { VERBS } from "../../cards/verbs";
import { renderView, view } from "../../cards/view";
import type { Actor } from "../../domain/actor";
import { ENGLISH, type Locale } from "../../domain/language";
import type { Entities } from "../../features/conversation/intents";
import {
  guidanceCardData,
  type GuidanceCode,
  isGuidanceCode,
  postponementNotes,
} from "../../features/status/guidance";
import type { LookupView, PersonQuery } from "../../features/status/status-lookup";
import type { StatusService, StatusView } from "../../features/status/status-service";
import { textsFor } from "../../i18n/i18n";
import { cardMessage, replacingCard } from "../cards";
import { isPersonalChat } from "../conversation-kind";
import { notInTenantCard, readTurn } from "../read-turn";
import { actorLocale } from "../turn-locale";
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
  /** A person picked from the card of everyone a name matched ({upn}): that user's card, authorised again. */
  lookUpPicked: CardHandler;
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

function render(shown: StatusView, context: TurnContext, locale: Locale): AdaptiveCardJson {
  return shown.template === "status"
    ? renderView(view("status", { ...shown.data, refreshUserIds: refreshUserIds(context) }), locale)
    : renderView(shown, locale);
}

/** The error card in the reader's language (its strings under status.<prefix>Title/What/Todo). */
function errorCard(locale: Locale, keys: { title: string; what: string; todo: string }, reference?: string) {
  const t = textsFor(locale);
  return renderView(
    view("error", {
      title: t(keys.title),
      whatHappened: t(keys.what),
      whatToDo: t(keys.todo),
      ...(reference ? { reference } : {}),
    }),
    locale,
  );
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

function renderLookup(shown: LookupView, context: TurnContext, locale: Locale): AdaptiveCardJson {
  if (shown.template === "error" || shown.template === "status-people") {
    return renderView(shown, locale);
  }
  return shown.subject === "self" ? render(shown, context, locale) : readOnly(render(shown, context, locale));
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
    return actor === undefined
      ? notInTenantCard(actorLocale(context))
      : render(await status.check(actor, options), context, actor.locale ?? ENGLISH);
  };

  return {
    async askStatus(context, entities = {}) {
      const query = {
        ...(entities.upn ? { upn: entities.upn } : {}),
        ...(entities.person ? { person: entities.person } : {}),
      };
      const { actor } = readTurn(context);
      const locale = actor?.locale ?? ENGLISH;
      if (lookUp !== undefined && actor !== undefined && (query.upn ?? query.person) !== undefined) {
        if (!isPersonalChat(context)) {
          const keys = {
            title: "status.lookup.groupChatTitle",
            what: "status.lookup.groupChatWhat",
            todo: "status.lookup.groupChatTodo",
          };
          await context.sendActivity(cardMessage(errorCard(locale, keys)));
          return;
        }
        await context.sendActivity(cardMessage(renderLookup(await lookUp(actor, query), context, locale)));
        return;
      }
      if (!isPersonalChat(context)) {
        // The chat sees a placeholder; the asker's client refreshes it into their own status.
        const placeholder = view("status-private", { refreshUserIds: refreshUserIds(context) });
        await context.sendActivity(cardMessage(renderView(placeholder, locale)));
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

    async lookUpPicked(context) {
      const { actor, data } = readTurn(context);
      const locale = actor?.locale ?? ENGLISH;
      if (actor === undefined) {
        return replacingCard(notInTenantCard(locale));
      }
      const upn = typeof data.upn === "string" ? data.upn.trim().slice(0, 256) : "";
      if (lookUp === undefined || !isPersonalChat(context)) {
        const keys = {
          title: "status.lookup.groupChatTitle",
          what: "status.lookup.groupChatWhat",
          todo: "status.lookup.groupChatTodo",
        };
        return replacingCard(errorCard(locale, keys));
      }
      // A forged or empty address is looked up like any other: authorised first, then "not found".
      const query = { upn: upn || "?" };
      return replacingCard(renderLookup(await lookUp(actor, query), context, locale));
    },

    async showGuidance(context) {
      const locale = readTurn(context).actor?.locale ?? ENGLISH;
      const code = requestedCode(context.activity.value as ActionInvokeValue | undefined);
      if (!isGuidanceCode(code)) {
        turnLogger(context).warn(
          { code: typeof code === "string" ? code.slice(0, 50) : typeof code },
          "guidance for an unknown code",
        );
        const keys = {
          title: "status.guidance.unknownTitle",
          what: "status.guidance.unknownWhat",
          todo: "status.guidance.unknownTodo",
        };
        return replacingCard(errorCard(locale, keys, context.activity.id));
      }
      const notes = code === "REQUEST_POSTPONEMENT" ? postponementNotes(now(), locale) : [];
      return replacingCard(renderView(view("guidance", guidanceCardData(code, notes, locale)), locale));
    },
  };
}
