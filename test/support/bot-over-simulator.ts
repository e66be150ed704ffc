import { DEFAULT_DEMO_SNAPSHOT } from "../../src/config";
import {
  type GraphSimulator,
  type GraphSimulatorOptions,
  startGraphSimulator,
} from "../../src/dev/graph-simulator";
import type { Directory } from "../../src/directory/directory";
import type { TenantSnapshot } from "../../src/directory/graph-types";
import { loadSnapshot } from "../../src/directory/snapshot";
import { actionExecute, type ActivityJson, fromTenant, message } from "./activities";
import { type BotHarness, type HarnessOptions, startBotHarness } from "./bot-harness";
import { simulatorDirectory } from "./simulator-directory";

export function demoSnapshot(): TenantSnapshot {
  return loadSnapshot(DEFAULT_DEMO_SNAPSHOT);
}

export interface BotOverSimulatorOptions {
  /** The tenant in the simulator; default the committed demo tenant. */
  snapshot?: TenantSnapshot;
  /** A simulator already running, left open at close; else one is started with `simulatorOptions`. */
  simulator?: GraphSimulator;
  simulatorOptions?: Omit<GraphSimulatorOptions, "snapshot">;
  harness?: Omit<HarnessOptions, "directory">;
}

/** How a test user shows up in an activity: the display name and conversation, when the feature cares. */
export interface Sender {
  name?: string;
  conversationId?: string;
}

export interface BotOverSimulator {
  bot: BotHarness;
  simulator: GraphSimulator;
  snapshot: TenantSnapshot;
  directory: Directory;
  /** The activity as sent by `userId` of the simulated tenant. */
  asUser(activity: ActivityJson, userId: string, sender?: Sender): ActivityJson;
  /** Closes the bot, then the simulator when it was started here. */
  close(): Promise<void>;
}

/** The bot over HTTP (authenticated, connector stub) reading a Graph simulator through the real Graph adapter. */
export async function startBotOverSimulator(
  options: BotOverSimulatorOptions = {},
): Promise<BotOverSimulator> {
  const snapshot = options.snapshot ?? demoSnapshot();
  const simulator =
    options.simulator ?? (await startGraphSimulator({ snapshot, port: 0, ...options.simulatorOptions }));
  const { handle, directory } = simulatorDirectory(simulator, snapshot, {
    throttleScale: options.simulatorOptions?.throttleScale,
  });
  const bot = await startBotHarness({ ...options.harness, directory: handle });

  return {
    bot,
    simulator,
    snapshot,
    directory,
    asUser(activity, userId, { name, conversationId } = {}) {
      return fromTenant(
        {
          ...activity,
          ...(conversationId === undefined
            ? {}
            : { conversation: { ...activity.conversation, id: conversationId } }),
          from: {
            ...(activity.from as object),
            id: `29:mri-${userId}`,
            aadObjectId: userId,
            ...(name === undefined ? {} : { name }),
          },
        },
        simulator.tenantId,
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

/** The Adaptive Cards (or any attachment contents) of one sent activity. */
export function attachedCards<Card>(activity: Record<string, unknown>): Card[] {
  return ((activity.attachments ?? []) as Array<{ content: Card }>).map((attachment) => attachment.content);
}

/** How a feature's test bot dresses an activity as coming from one user. */
export type AsUser = (activity: ActivityJson, userId: string) => ActivityJson;

export interface UserActions<Card> {
  /** A message from a user; the cards the bot sent back during the turn. */
  say(userId: string, text: string): Promise<Card[]>;
  /** Action.Execute from a user; the card that replaces the clicked one. */
  click(
    userId: string,
    verb: string,
    data?: Record<string, unknown>,
  ): Promise<{ status: number; card: Card }>;
}

/** `say` and `click` over the bot's HTTP endpoint, the same for every feature's test bot. */
export function userActions<Card>(bot: BotHarness, as: AsUser): UserActions<Card> {
  return {
    async say(userId, text) {
      const before = bot.connector.calls.length;
      const response = await bot.post(as(message(bot.connector.serviceUrl, text), userId));
      if (response.status !== 200) {
        throw new Error(`POST answered ${response.status}: ${response.text}`);
      }
      return bot.connector.calls.slice(before).flatMap((call) => attachedCards<Card>(call.body));
    },
    async click(userId, verb, data = {}) {
      const response = await bot.post(as(actionExecute(bot.connector.serviceUrl, verb, data), userId));
      const body = response.body as { value?: Card } | undefined;
      return { status: response.status, card: body?.value ?? ({} as Card) };
    },
  };
}
