import type { GraphSimulator } from "../../src/dev/graph-simulator";
import type { TenantSnapshot } from "../../src/directory/graph-types";
import type { ProductStores } from "../../src/product-stores";
import type { ActivityJson } from "./activities";
import type { BotHarness } from "./bot-harness";
import { attachedCards, startBotOverSimulator, userActions } from "./bot-over-simulator";

export { DEMO } from "./status-bot";

/** The Teams app id the messenger installs for approvers it cannot reach yet (through the simulator's Graph). */
export const TEAMS_APP_ID = "3f2a9c10-0000-4000-8000-00000000a991";

type Card = Record<string, unknown> & { id?: string };

export interface PostponementBot {
  bot: BotHarness;
  simulator: GraphSimulator;
  /** A message from a user of the demo tenant; the cards the bot sent back. */
  say(userId: string, text: string): Promise<Card[]>;
  /** Action.Execute from a user; the card that replaces the clicked one. */
  click(
    userId: string,
    verb: string,
    data?: Record<string, unknown>,
  ): Promise<{ status: number; card: Card }>;
  /** Cards sent outside the turn (approval cards, outcomes, reminders), by the conversation they went to. */
  proactiveCards(): Array<{ conversationId?: string; method: string; card: Card }>;
  close(): Promise<void>;
}

/** The bot over HTTP (authenticated, connector stub) with the demo tenant in the Graph simulator and a movable clock. */
export async function startPostponementBot(options: {
  now: () => Date;
  dataDir?: string;
  snapshot?: TenantSnapshot;
  simulator?: GraphSimulator;
  /** Stores shared with another instance (scale-out tests). */
  sharedStores?: ProductStores;
}): Promise<PostponementBot> {
  const { bot, simulator, asUser, close } = await startBotOverSimulator({
    snapshot: options.snapshot,
    simulator: options.simulator,
    harness: {
      now: options.now,
      dataDir: options.dataDir,
      env: { TEAMS_APP_ID },
      sharedStores: options.sharedStores,
    },
  });
  const as = (activity: ActivityJson, userId: string) => asUser(activity, userId, { name: "" });
  const cardsOf = (activity: Record<string, unknown>) => attachedCards<Card>(activity);

  return {
    bot,
    simulator,
    ...userActions<Card>(bot, as),
    proactiveCards() {
      return bot.connector.calls
        .filter((call) => call.method === "PUT" || call.method === "POST")
        .flatMap((call) =>
          cardsOf(call.body).map((card) => ({
            conversationId: call.conversationId,
            method: call.method,
            card,
          })),
        );
    },
    close,
  };
}
