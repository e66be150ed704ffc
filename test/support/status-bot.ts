import { VERBS } from "../../src/cards/verbs";
import type { GraphSimulator, GraphSimulatorOptions } from "../../src/dev/graph-simulator";
import type { TenantSnapshot } from "../../src/directory/graph-types";
import { actionExecute, type ActivityJson, message } from "./activities";
import type { BotHarness } from "./bot-harness";
import { demoSnapshot, startBotOverSimulator } from "./bot-over-simulator";

export { demoSnapshot } from "./bot-over-simulator";

/** Persona ids of the committed demo tenant (src/dev/tenant-generator/personas.ts). */
export const DEMO = {
  adele: "a0000000-0000-4000-8000-000000000001",
  ben: "a0000000-0000-4000-8000-000000000002",
  dana: "a0000000-0000-4000-8000-000000000003",
  breakglass1: "a0000000-0000-4000-8000-000000000004",
  breakglass2: "a0000000-0000-4000-8000-000000000005",
  gita: "a0000000-0000-4000-8000-000000000009",
  svcBackup: "a0000000-0000-4000-8000-00000000000b",
  quinn: "a0000000-0000-4000-8000-000000000017",
} as const;

export interface StatusBot {
  bot: BotHarness;
  simulator: GraphSimulator;
  snapshot: TenantSnapshot;
  /** A message from one user of the simulated tenant. */
  ask(userId: string, text?: string, changes?: Partial<ActivityJson>): Promise<Record<string, unknown>>;
  /** Action.Execute with the refresh verb (manual unless told), answering the card that replaces the old one. */
  refresh(
    userId: string,
    trigger?: "manual" | "automatic",
  ): Promise<{ status: number; card: Record<string, unknown>; ms: number }>;
  close(): Promise<void>;
}

/** The bot over HTTP (authenticated, connector stub) reading a Graph simulator through the real Graph adapter. */
export async function startStatusBot(
  snapshot: TenantSnapshot = demoSnapshot(),
  simulatorOptions: Omit<GraphSimulatorOptions, "snapshot"> = {},
): Promise<StatusBot> {
  const { bot, simulator, asUser, close } = await startBotOverSimulator({
    snapshot,
    simulatorOptions,
  });
  const as = (activity: ActivityJson, userId: string) => asUser(activity, userId);

  return {
    bot,
    simulator,
    snapshot,
    async ask(userId, text = "am I affected?", changes = {}) {
      bot.connector.reset();
      const response = await bot.post({ ...as(message(bot.connector.serviceUrl, text), userId), ...changes });
      if (response.status !== 200) {
        throw new Error(`POST answered ${response.status}: ${response.text}`);
      }
      const sent = bot.connector.sentActivities();
      const attachments = (sent.at(-1)?.attachments ?? []) as Array<{ content: Record<string, unknown> }>;
      if (attachments[0] === undefined) {
        throw new Error(`no card sent: ${JSON.stringify(sent)}`);
      }
      return attachments[0].content;
    },
    async refresh(userId, trigger = "manual") {
      const activity = as(actionExecute(bot.connector.serviceUrl, VERBS.refreshStatus), userId);
      const started = performance.now();
      const response = await bot.post({ ...activity, value: { ...(activity.value as object), trigger } });
      const ms = performance.now() - started;
      const body = response.body as { statusCode?: number; value?: Record<string, unknown> } | undefined;
      return { status: response.status, card: body?.value ?? {}, ms };
    },
    close,
  };
}
