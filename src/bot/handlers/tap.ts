import type { AdaptiveCard } from "@microsoft/teams-ai";
import type { TurnContext } from "botbuilder";

import { renderCard } from "../../cards/render";
import { foreignUserId, notice } from "../../features/registration/actor";
import type { Registration } from "../../features/registration/create-registration";
import { replacingCard } from "../cards";
import { isPersonalChat } from "../conversation-kind";
import { notInTenantCard, readTurn } from "../read-turn";
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
        return replacingCard(notInTenantCard());
      }
      const claimed = foreignUserId(data, actor);
      if (claimed !== undefined) {
        await registration.recordForged(actor, verb, claimed);
        return replacingCard(
          renderCard(
            "registration-notice",
            notice("That button isn't yours", "This card names another person. Nothing was changed.", {
              tone: "attention",
            }).data,
          ),
        );
      }
      try {
        return replacingCard(await registration.decideTap(actor, data.requestId, decision));
      } catch (error) {
        return replacingCard(failureCard(context, error));
      }
    };
  return {
    request,
    async requestMessage(context) {
      if (!isPersonalChat(context)) {
        await context.sendActivity(
          "Ask me for a Temporary Access Pass in your personal chat with MFA Ready: the pass is shown only there.",
        );
        return;
      }
      await sendRequest(context);
    },
    issue: decide("issue"),
    decline: decide("decline"),
    hide: async () =>
      replacingCard(
        renderCard(
          "registration-notice",
          notice(
            "Pass hidden",
            "The pass is no longer shown on this card. If you still need one, ask again from the walkthrough.",
            { resume: { method: "passkey", title: "Continue setting up a passkey" } },
          ).data,
        ),
      ),
  };
}
