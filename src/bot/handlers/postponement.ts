import type { AdaptiveCard } from "@microsoft/teams-ai";
import type { TurnContext } from "botbuilder";

import type { AdaptiveCardJson } from "../../cards/types";
import type { Actor } from "../../domain/actor";
import type { PostponementService } from "../../features/postponement/postponement-service";
import { cardMessage, replacingCard } from "../cards";
import { notInTenantCard, readTurn } from "../read-turn";

type CardHandler = (context: TurnContext) => Promise<AdaptiveCard>;

export interface PostponementHandlers {
  /** The "postpone" intent: the answer card as a message. */
  askPostponement(context: TurnContext): Promise<void>;
  showPostponement: CardHandler;
  showForm: CardHandler;
  submitRequest: CardHandler;
  approve: CardHandler;
  decline: CardHandler;
  refreshApproval: CardHandler;
}

export function createPostponementHandlers(service: PostponementService): PostponementHandlers {
  const asActor =
    (run: (actor: Actor, data: Record<string, unknown>) => Promise<AdaptiveCardJson>): CardHandler =>
    async (context) => {
      const { actor, data } = readTurn(context);
      return replacingCard(actor === undefined ? notInTenantCard() : await run(actor, data));
    };

  return {
    async askPostponement(context) {
      await context.sendActivity(cardMessage(await service.answer()));
    },
    showPostponement: async () => replacingCard(await service.answer()),
    showForm: async () => replacingCard(service.form()),
    submitRequest: asActor(async (actor, data) => (await service.submit(actor, data)).card),
    approve: asActor((actor, data) => service.decide(actor, "approved", data)),
    decline: asActor((actor, data) => service.decide(actor, "declined", data)),
    refreshApproval: asActor((actor, data) => service.refresh(actor, data)),
  };
}
