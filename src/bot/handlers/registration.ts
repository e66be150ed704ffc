import type { AdaptiveCard } from "@microsoft/teams-ai";
import type { TurnContext } from "botbuilder";

import { buildErrorCard } from "../../cards/error-card";
import type { AdaptiveCardJson } from "../../cards/types";
import { renderView } from "../../cards/view";
import type { Actor } from "../../domain/actor";
import {
  foreignUserId,
  notice,
  notYoursNotice,
  type RegistrationView,
} from "../../features/registration/actor";
import type { Registration } from "../../features/registration/create-registration";
import { methodFromCardData, type WalkthroughMethod } from "../../features/registration/methods";
import { textsOf } from "../../features/registration/texts";
import { cardMessage, replacingCard } from "../cards";
import { isPersonalChat } from "../conversation-kind";
import { errorView } from "../error-view";
import { notInTenantCard, readTurn } from "../read-turn";
import { actorLocale } from "../turn-locale";

type CardHandler = (context: TurnContext) => Promise<AdaptiveCard>;
type Handler = (context: TurnContext) => Promise<void>;

export interface RegistrationHandlers {
  /** startRegistration / startAction: a walkthrough for the codes it owns, else `fallback` (the guidance card). */
  start(fallback: CardHandler): CardHandler;
  next: CardHandler;
  back: CardHandler;
  verify: CardHandler;
  /** Demo only (the directory is the Graph simulator): registers a passkey there for the sender, then verifies. */
  simulatePasskey: CardHandler;
  restart: CardHandler;
  cancel: CardHandler;
  saveChecklist: CardHandler;
  askAdmin: CardHandler;
  showAudit: CardHandler;
  /** Messages: "set up a security key" (with the method the intent names), "audit". */
  walkthroughMessage(method: WalkthroughMethod): Handler;
  auditMessage: Handler;
}

type Run = (actor: Actor, data: Record<string, unknown>, context: TurnContext) => Promise<RegistrationView>;

/** Runs a verb as the activity's sender; card data naming another user changes nothing and is audited. */
export function cardAsActor(
  registration: Registration,
  run: Run,
): (context: TurnContext) => Promise<AdaptiveCardJson> {
  return async (context) => {
    const { actor, data, verb } = readTurn(context);
    if (actor === undefined) {
      return notInTenantCard(actorLocale(context));
    }
    const claimed = foreignUserId(data, actor);
    if (claimed !== undefined) {
      await registration.recordForged(actor, verb, claimed);
      return renderView(notYoursNotice(textsOf(actor.locale)), actor.locale);
    }
    try {
      // The view's data is in the actor's language already; its template's own strings too.
      return renderView(await run(actor, data, context), actor.locale);
    } catch (error) {
      return failureCard(context, error);
    }
  };
}

/** A Graph or Teams failure becomes its card through the one errorView (the turn itself succeeds); a bug is rethrown. */
export function failureCard(context: TurnContext, error: unknown): AdaptiveCardJson {
  const locale = actorLocale(context);
  const view = errorView(error, context.activity.id, locale);
  if (!view.known) {
    throw error;
  }
  readTurn(context).log.warn(
    { event: "registration.failed", err: { name: (error as Error).name, message: (error as Error).message } },
    "registration step failed",
  );
  return buildErrorCard(view.data, locale.language);
}

export function asActor(registration: Registration, run: Run): CardHandler {
  const card = cardAsActor(registration, run);
  return async (context) => replacingCard(await card(context));
}

/** The same, sent as a message (for an intent typed in the chat). */
export function sendAsActor(registration: Registration, run: Run): Handler {
  const card = cardAsActor(registration, run);
  return async (context) => {
    await context.sendActivity(cardMessage(await card(context)));
  };
}

export function createRegistrationHandlers(registration: Registration): RegistrationHandlers {
  const { walkthroughs } = registration;
  const withMethod = (
    run: (
      actor: Actor,
      method: WalkthroughMethod,
      data: Record<string, unknown>,
    ) => Promise<RegistrationView>,
  ) =>
    asActor(registration, async (actor, data) => {
      const method = methodFromCardData(data);
      const { t } = textsOf(actor.locale);
      return method === undefined
        ? notice(t("registration.notices.unknownMethodTitle"), t("registration.notices.unknownMethod"), {
            tone: "attention",
          })
        : run(actor, method, data);
    });
  const showAudit = asActor(registration, (actor) => registration.audit(actor));
  const sendAudit = sendAsActor(registration, (actor) => registration.audit(actor));
  return {
    start(fallback) {
      const start = withMethod((actor, method) => walkthroughs.start(actor, method));
      return async (context) =>
        methodFromCardData(readTurn(context).data) === undefined ? fallback(context) : start(context);
    },
    next: withMethod((actor, method, data) => walkthroughs.move(actor, method, data.step, 1)),
    back: withMethod((actor, method, data) => walkthroughs.move(actor, method, data.step, -1)),
    verify: withMethod((actor, method) => walkthroughs.verify(actor, method)),
    simulatePasskey: withMethod((actor, method) => walkthroughs.simulatePasskey(actor, method)),
    restart: withMethod((actor, method) => walkthroughs.start(actor, method, { restart: true })),
    cancel: withMethod((actor, method) => walkthroughs.cancel(actor, method)),
    saveChecklist: withMethod((actor, method, data) => walkthroughs.saveChecklist(actor, method, data)),
    askAdmin: withMethod((actor, method) => registration.askAdmin(actor, method)),
    showAudit,
    walkthroughMessage: (method) => sendAsActor(registration, (actor) => walkthroughs.start(actor, method)),
    auditMessage: async (context) => {
      if (!isPersonalChat(context)) {
        const { actor } = readTurn(context);
        await context.sendActivity(textsOf(actor?.locale).t("registration.notices.auditPersonalOnly"));
        return;
      }
      await sendAudit(context);
    },
  };
}
