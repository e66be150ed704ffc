import type { GraphSimulator } from "../../src/dev/graph-simulator";
import type { TenantSnapshot } from "../../src/directory/graph-types";
import type { ProductStores } from "../../src/product-stores";
import type { ActivityJson } from "./activities";
import type { BotHarness } from "./bot-harness";
import { attachedCards, startBotOverSimulator, userActions } from "./bot-over-simulator";

export { DEMO } from "./status-bot";

/** More personas of the demo tenant (src/dev/README.md). */
export const PERSONAS = {
  alexAuthAdmin: "a0000000-0000-4000-8000-000000000006",
  meganPrivAuthAdmin: "a0000000-0000-4000-8000-000000000007",
  gradyGlobalReader: "a0000000-0000-4000-8000-000000000008",
  adeleGlobalAdmin: "a0000000-0000-4000-8000-000000000001",
} as const;

export const TEAMS_APP_ID = "3f2a9c10-0000-4000-8000-00000000a995";

export type Card = Record<string, unknown> & { id?: string };

export interface SentToUser {
  /** The personal conversation the card went to: `a:personal-<userId>` for users who talked to the bot. */
  conversationId?: string;
  method: string;
  activityId?: string;
  card: Card;
}

export interface RegistrationBot {
  bot: BotHarness;
  simulator: GraphSimulator;
  /** A message from a user (their own personal conversation); the cards the bot answered with. */
  say(userId: string, text: string): Promise<Card[]>;
  /** Action.Execute from a user; the card that replaces the clicked one. */
  click(
    userId: string,
    verb: string,
    data?: Record<string, unknown>,
  ): Promise<{ status: number; card: Card }>;
  /** Cards sent or updated outside the turn (approval cards, the pass, updates), in order. */
  outgoing(): SentToUser[];
  close(): Promise<void>;
}

export const personalChat = (userId: string) => `a:personal-${userId}`;

/** The bot over HTTP (authenticated, connector stub) on the demo tenant in the Graph simulator, stores in `dataDir` when given. */
export async function startRegistrationBot(
  options: {
    snapshot?: TenantSnapshot;
    simulator?: GraphSimulator;
    dataDir?: string;
    now?: () => Date;
    sharedStores?: ProductStores;
  } = {},
): Promise<RegistrationBot> {
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
  const as = (activity: ActivityJson, userId: string) =>
    asUser(activity, userId, { name: `User ${userId.slice(-2)}`, conversationId: personalChat(userId) });
  const cardsOf = (activity: Record<string, unknown>) => attachedCards<Card>(activity);

  return {
    bot,
    simulator,
    ...userActions<Card>(bot, as),
    outgoing() {
      return bot.connector.calls
        .filter(
          (call) => (call.method === "PUT" || call.method === "POST") && call.conversationId !== undefined,
        )
        .flatMap((call) =>
          cardsOf(call.body).map((card) => ({
            conversationId: call.conversationId,
            method: call.method,
            activityId: call.activityId,
            card,
          })),
        );
    },
    close,
  };
}

/** Every string in a card, joined: to assert on what a person reads. */
export function cardText(card: unknown): string {
  const parts: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === "string") {
      parts.push(value);
    } else if (Array.isArray(value)) {
      value.forEach(walk);
    } else if (value !== null && typeof value === "object") {
      Object.values(value).forEach(walk);
    }
  };
  walk(card);
  return parts.join("\n");
}
