import type { GraphSimulator } from "../../src/dev/graph-simulator";
import { startGraphSimulator } from "../../src/dev/graph-simulator";
import { simulatorDemoTenant } from "../../src/dev/simulator-demo-tenant";
import type { TenantSnapshot } from "../../src/directory/graph-types";
import type { ActivityJson } from "./activities";
import { fromTenant } from "./activities";
import { type BotHarness, startBotHarness } from "./bot-harness";
import { attachedCards, demoSnapshot, userActions } from "./bot-over-simulator";
import { type Card, personalChat, type SentToUser, TEAMS_APP_ID } from "./registration-bot";
import { simulatorDirectory } from "./simulator-directory";

export interface RegistrationDemoBot {
  bot: BotHarness;
  simulator: GraphSimulator;
  /** The Teams client's language of each user (`activity.locale`); en-GB when not set. */
  locales: Map<string, string>;
  say(userId: string, text: string): Promise<Card[]>;
  click(
    userId: string,
    verb: string,
    data?: Record<string, unknown>,
  ): Promise<{ status: number; card: Card }>;
  /** Cards sent or updated outside the turn (approval cards, the pass, updates), in order. */
  outgoing(): SentToUser[];
  close(): Promise<void>;
}

/**
 * The bot over HTTP on the demo tenant in the Graph simulator, as `npm start` runs it in demo mode: the
 * directory handle carries the simulator's demo writes (so the verify step offers "Simulate registering a
 * passkey") unless `demo` is false. Each user's messages carry the client locale set in `locales`.
 */
export async function startRegistrationDemoBot(
  options: { demo?: boolean; snapshot?: TenantSnapshot } = {},
): Promise<RegistrationDemoBot> {
  const snapshot = options.snapshot ?? demoSnapshot();
  const simulator = await startGraphSimulator({ snapshot, port: 0 });
  const { handle } = simulatorDirectory(simulator, snapshot);
  const bot = await startBotHarness({
    directory: options.demo === false ? handle : { ...handle, demo: simulatorDemoTenant(simulator) },
    env: { TEAMS_APP_ID },
  });
  const locales = new Map<string, string>();
  const as = (activity: ActivityJson, userId: string) =>
    fromTenant(
      {
        ...activity,
        locale: locales.get(userId) ?? "en-GB",
        conversation: { ...(activity.conversation as object), id: personalChat(userId) },
        from: {
          ...(activity.from as object),
          id: `29:mri-${userId}`,
          aadObjectId: userId,
          name: `User ${userId.slice(-2)}`,
        },
      },
      simulator.tenantId,
    );
  return {
    bot,
    simulator,
    locales,
    ...userActions<Card>(bot, as),
    outgoing() {
      return bot.connector.calls
        .filter(
          (call) => (call.method === "PUT" || call.method === "POST") && call.conversationId !== undefined,
        )
        .flatMap((call) =>
          attachedCards<Card>(call.body).map((card) => ({
            conversationId: call.conversationId,
            method: call.method,
            activityId: call.activityId,
            card,
          })),
        );
    },
    async close() {
      await bot.close();
      await simulator.close();
    },
  };
}
