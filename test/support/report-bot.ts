import type { GraphSimulator, GraphSimulatorOptions } from "../../src/dev/graph-simulator";
import type { Directory } from "../../src/directory/directory";
import { readDirectorySnapshot } from "../../src/directory/directory-snapshot";
import type { TenantSnapshot } from "../../src/directory/graph-types";
import { snapshotFacts } from "../../src/directory/snapshot-facts";
import { assessTenant } from "../../src/domain/assess-tenant";
import type { Verdict } from "../../src/domain/verdict";
import type { ReportFeature } from "../../src/features/report/create-report-feature";
import type { ProductStores } from "../../src/product-stores";
import { actionExecute, type ActivityJson, message, teamsActivity } from "./activities";
import type { BotHarness } from "./bot-harness";
import { startBotOverSimulator } from "./bot-over-simulator";

export { DEMO } from "./status-bot";

export type Card = Record<string, unknown> & { id?: string; actions?: Array<Record<string, unknown>> };

export interface ReportBot {
  bot: BotHarness;
  simulator: GraphSimulator;
  snapshot: TenantSnapshot;
  report: ReportFeature;
  /** A Directory over the same simulator (the bot's own is inside the service). */
  directory: Directory;
  /** A message from a user of the tenant (their own personal chat); every activity the bot sent back. */
  say(userId: string, text: string, changes?: Partial<ActivityJson>): Promise<Array<Record<string, unknown>>>;
  /** Action.Execute from a user's card (replyToId: the card's activity); the replacing card. */
  click(
    userId: string,
    verb: string,
    data?: Record<string, unknown>,
    replyToId?: string,
    /** Fields of the activity to change, e.g. another client's serviceUrl or locale. */
    changes?: Partial<ActivityJson>,
  ): Promise<{ status: number; card: Card }>;
  /** fileConsent/invoke from a user. */
  consent(userId: string, value: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
  /** Cards the bot put in place of earlier ones (PUT) in a user's chat, oldest first. */
  updatesIn(userId: string): Card[];
  /** What `mfa-ready assess` gives for this tenant now: the same window and settings, read live. */
  expectedVerdicts(): Promise<Verdict[]>;
  close(): Promise<void>;
}

const chatOf = (userId: string) => `a:personal-chat-${userId}`;

export async function startReportBot(
  options: {
    snapshot?: TenantSnapshot;
    simulator?: Omit<GraphSimulatorOptions, "snapshot">;
    now?: () => Date;
    env?: Record<string, string>;
    progressIntervalMs?: number;
    /** A simulator already running (another instance's too), left open at close. */
    runningSimulator?: GraphSimulator;
    /** Stores shared with another instance (scale-out tests). */
    sharedStores?: ProductStores;
    /** A data directory to keep the stores in: a restart on the same one reopens them. */
    dataDir?: string;
  } = {},
): Promise<ReportBot> {
  const { bot, simulator, snapshot, directory, asUser, close } = await startBotOverSimulator({
    snapshot: options.snapshot,
    simulator: options.runningSimulator,
    simulatorOptions: options.simulator,
    harness: {
      now: options.now,
      env: options.env,
      report: { progressIntervalMs: options.progressIntervalMs ?? 200 },
      sharedStores: options.sharedStores,
      dataDir: options.dataDir,
    },
  });
  const as = (activity: ActivityJson, userId: string) =>
    asUser(activity, userId, { name: `User ${userId.slice(-2)}`, conversationId: chatOf(userId) });
  const post = async (activity: ActivityJson) => {
    const response = await bot.post(activity);
    return response;
  };

  return {
    bot,
    simulator,
    snapshot,
    report: bot.service.report!,
    directory,
    async say(userId, text, changes = {}) {
      const before = bot.connector.calls.length;
      const activity = { ...as(message(bot.connector.serviceUrl, text), userId), ...changes };
      const response = await post(activity);
      if (response.status !== 200) {
        throw new Error(`POST answered ${response.status}: ${response.text}`);
      }
      // Only this chat's: other users' turns may run at the same time.
      return bot.connector.calls
        .slice(before)
        .filter((call) => call.method === "POST" && call.conversationId === activity.conversation.id)
        .map((call) => call.body);
    },
    async click(userId, verb, data = {}, replyToId, changes = {}) {
      const activity = { ...as(actionExecute(bot.connector.serviceUrl, verb, data), userId), ...changes };
      const response = await post(replyToId ? { ...activity, replyToId } : activity);
      const body = response.body as { value?: Card } | undefined;
      return { status: response.status, card: body?.value ?? {} };
    },
    async consent(userId, value) {
      const activity = as(teamsActivity("invoke-file-consent-accept", bot.connector.serviceUrl), userId);
      const response = await post({ ...activity, value: { ...(activity.value as object), ...value } });
      return { status: response.status, body: response.body };
    },
    updatesIn(userId) {
      return bot.connector.calls
        .filter((call) => call.method === "PUT" && call.conversationId === chatOf(userId))
        .map(
          (call) =>
            ((call.body.attachments as Array<{ content: Card }> | undefined)?.[0]?.content ?? {}) as Card,
        );
    },
    async expectedVerdicts() {
      const end = new Date(snapshot.capturedAt);
      const { snapshot: live, gaps } = await readDirectorySnapshot(directory, {
        tenantId: simulator.tenantId,
        window: { start: new Date(end.getTime() - 30 * 86_400_000), end },
        settings: snapshot.settings,
      });
      return [...assessTenant(snapshotFacts(live, { gaps }), { lookbackDays: 30 })];
    },
    close,
  };
}

/** The Adaptive Cards among sent activities. */
export function cardsIn(activities: Array<Record<string, unknown>>): Card[] {
  return activities.flatMap((activity) =>
    ((activity.attachments ?? []) as Array<{ contentType: string; content: Card }>)
      .filter((attachment) => attachment.contentType === "application/vnd.microsoft.card.adaptive")
      .map((attachment) => attachment.content),
  );
}

/** Waits until `check` holds (polling), or fails after `ms`. */
export async function eventually<T>(check: () => T | undefined | false, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) {
      return value;
    }
    if (Date.now() > until) {
      throw new Error("condition not met in time");
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
