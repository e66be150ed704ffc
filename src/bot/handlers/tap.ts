import type { AdaptiveCard } from "@microsoft/teams-ai";
import type { TurnContext } from "botbuilder";

import { renderView } from "../../cards/view";
import { foreignUserId, notYoursNotice } from "../../features/registration/actor";
import type { Registration } from "../../features/registration/create-registration";
import { textsOf } from "../../features/registration/texts";
import { replacingCard } from "../cards";
import { isPersonalChat } from "../conversation-kind";
import { notInTenantCard, readTurn } from "../read-turn";
import { actorLocale } from "../turn-locale";
import { asActor, failureCard, sendAsActor } from "./registration";

type CardHandler = (context: TurnContext) => Promise<AdaptiveCard>;

export interface TapHandlers {
  request: CardHandler;
  /** "I need a temporary access pass": the same, as a message, in the personal chat only. */
  requestMessage(context: TurnContext): Promise<void>;
  issue: CardHandler;
  decline: CardHandler;
  /** The requester hides the shown pass: the card is replaced, the pass is gone from it. */
  hide: CardHandler;
}

export function createTapHandlers(registration: Registration): TapHandlers {
  const request = asActor(registration, (actor) => registration.requestTap(actor));
  const sendRequest = sendAsActor(registration, (actor) => registration.requestTap(actor));
  const decide =
    (decision: "issue" | "decline"): CardHandler =>
    async (context) => {
      const { actor, data, verb } = readTurn(context);
      if (actor === undefined) {
        return replacingCard(notInTenantCard(actorLocale(context)));
      }
      const claimed = foreignUserId(data, actor);
      if (claimed !== undefined) {
        await registration.recordForged(actor, verb, claimed);
        return replacingCard(renderView(notYoursNotice(textsOf(actor.locale)), actor.locale));
      }
      try {
        return replacingCard(
          renderView(await registration.decideTap(actor, data.requestId, decision), actor.locale),
        );
      } catch (error) {
        return replacingCard(failureCard(context, error));
      }
    };
  return {
    request,
    async requestMessage(context) {
      if (!isPersonalChat(context)) {
        const { actor } = readTurn(context);
        await context.sendActivity(textsOf(actor?.locale).t("registration.notices.tapPersonalOnly"));
        return;
      }
      await sendRequest(context);
    },
    issue: decide("issue"),
    decline: decide("decline"),
    hide: asActor(registration, (actor) => registration.hidePass(actor)),
  };
}
