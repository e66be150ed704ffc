import type { AdaptiveCard } from "@microsoft/teams-ai";
import type { TurnContext } from "botbuilder";
import { buildErrorCard } from "../../cards/error-card";
import type { AdaptiveCardJson } from "../../cards/types";
import type { Actor } from "../../features/postponement/postponement-deps";
import type { PostponementService } from "../../features/postponement/postponement-service";
import { cardMessage, replacingCard } from "../cards";
import { tenantOf } from "../tenant";

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

/** The acting user from the activity (tenant + Entra object id), never from card data. */
function actorOf(context: TurnContext): Actor | undefined {
  const tenantId = tenantOf(context.activity);
  const from = context.activity.from;
  const userId = from?.aadObjectId;
  if (!tenantId || typeof userId !== "string" || userId.length === 0) {
    return undefined;
  }
  return {
    tenantId,
    userId: userId.toLowerCase(),
    name: from.name || undefined,
    teamsId: from.id || undefined,
  };
}

function dataOf(context: TurnContext): Record<string, unknown> {
  const data = (context.activity.value as { action?: { data?: unknown } } | undefined)?.action?.data;
  return data !== null && typeof data === "object" && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : {};
}

const noIdentity = () =>
  replacingCard(
    buildErrorCard({
      title: "I could not tell who you are",
      whatHappened: "This request came without a Microsoft Entra user and tenant.",
      whatToDo: "Use MFA Ready from Microsoft Teams, signed in with your work account.",
    }),
  );

export function createPostponementHandlers(service: PostponementService): PostponementHandlers {
  const asActor =
    (run: (actor: Actor, data: Record<string, unknown>) => Promise<AdaptiveCardJson>): CardHandler =>
    async (context) => {
      const actor = actorOf(context);
      if (actor === undefined) {
        return noIdentity();
      }
      return replacingCard(await run(actor, dataOf(context)));
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
