import type { AdaptiveCard } from "@microsoft/teams-ai";
import type { TurnContext } from "botbuilder";

import { renderView, type View } from "../../cards/view";
import type { Actor } from "../../domain/actor";
import type { Locale } from "../../domain/language";
import type { PostponementService } from "../../features/postponement/postponement-service";
import { cardMessage, replacingCard } from "../cards";
import { notInTenantView, readTurn } from "../read-turn";

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

/** The feature answers with views; this renders each in the reader's locale. */
export function createPostponementHandlers(service: PostponementService): PostponementHandlers {
  const asActor =
    (run: (actor: Actor, data: Record<string, unknown>) => Promise<View>): CardHandler =>
    async (context) => {
      const { actor, data, locale } = readTurn(context);
      const shown = actor === undefined ? notInTenantView(locale) : await run(actor, data);
      return replacingCard(renderView(shown, locale));
    };
  const forReader =
    (run: (locale: Locale) => Promise<View> | View): CardHandler =>
    async (context) => {
      const { locale } = readTurn(context);
      return replacingCard(renderView(await run(locale), locale));
    };

  return {
    async askPostponement(context) {
      const { locale } = readTurn(context);
      await context.sendActivity(cardMessage(renderView(await service.answer(locale), locale)));
    },
    showPostponement: forReader((locale) => service.answer(locale)),
    showForm: forReader((locale) => service.form(locale)),
    submitRequest: asActor(async (actor, data) => (await service.submit(actor, data)).view),
    approve: asActor((actor, data) => service.decide(actor, "approved", data)),
    decline: asActor((actor, data) => service.decide(actor, "declined", data)),
    refreshApproval: asActor((actor, data) => service.refresh(actor, data)),
  };
}
