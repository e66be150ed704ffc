import { readConfig } from "../../src/config";
import { type GraphSimulator, startGraphSimulator } from "../../src/dev/graph-simulator";
import { createDirectory } from "../../src/directory/create-directory";
import type { TenantSnapshot } from "../../src/directory/graph-types";
import { createLogger } from "../../src/logger";
import { type ActivityJson, actionExecute, fromTenant, message } from "./activities";
import { type BotHarness, startBotHarness } from "./bot-harness";
import { demoSnapshot } from "./status-bot";

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
}): Promise<PostponementBot> {
  const snapshot = options.snapshot ?? demoSnapshot();
  const simulator = options.simulator ?? (await startGraphSimulator({ snapshot, port: 0 }));
  const directory = createDirectory(readConfig({ PORT: "0" }), createLogger({ level: "silent" }), {
    caCertPem: simulator.caCertPem,
    graphBaseUrl: simulator.baseUrl,
    throttleScale: 1000,
  });
  const bot = await startBotHarness({
    now: options.now,
    dataDir: options.dataDir,
    env: { TEAMS_APP_ID },
    directory: {
      health: async () => ({ reachable: true, permissions: "test" }),
      close: async () => directory.close(),
      directory,
      status: {
        directory,
        tenantId: simulator.tenantId,
        snapshot: { capturedAt: snapshot.capturedAt, settings: snapshot.settings },
      },
    },
  });
  const as = (activity: ActivityJson, userId: string): ActivityJson =>
    fromTenant(
      {
        ...activity,
        from: { ...(activity.from as object), id: `29:mri-${userId}`, aadObjectId: userId, name: "" },
      },
      simulator.tenantId,
    );
  const cardsOf = (activity: Record<string, unknown>) =>
    ((activity.attachments ?? []) as Array<{ content: Card }>).map((attachment) => attachment.content);

  return {
    bot,
    simulator,
    async say(userId, text) {
      const before = bot.connector.calls.length;
      const response = await bot.post(as(message(bot.connector.serviceUrl, text), userId));
      if (response.status !== 200) {
        throw new Error(`POST answered ${response.status}: ${response.text}`);
      }
      return bot.connector.calls.slice(before).flatMap((call) => cardsOf(call.body));
    },
    async click(userId, verb, data = {}) {
      const response = await bot.post(as(actionExecute(bot.connector.serviceUrl, verb, data), userId));
      const body = response.body as { value?: Card } | undefined;
      return { status: response.status, card: body?.value ?? {} };
    },
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
    async close() {
      await bot.close();
      if (options.simulator === undefined) {
        await simulator.close();
      }
    },
  };
}
