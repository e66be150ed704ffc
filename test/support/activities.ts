import { readFileSync } from "node:fs";
import path from "node:path";

const FIXTURES = path.resolve(__dirname, "..", "fixtures", "teams");

export type ActivityJson = Record<string, unknown> & {
  type: string;
  serviceUrl: string;
  conversation: Record<string, unknown>;
  channelData?: Record<string, unknown>;
  value?: unknown;
};

/** A real Teams activity from test/fixtures/teams/, pointed at the test's connector stub. */
export function teamsActivity(
  name: string,
  serviceUrl: string,
  changes: Partial<ActivityJson> = {},
): ActivityJson {
  const activity = JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), "utf8")) as ActivityJson;
  return { ...activity, serviceUrl, ...changes };
}

export function message(serviceUrl: string, text: string): ActivityJson {
  return teamsActivity("message-personal", serviceUrl, { text });
}

/** Action.Execute from a card button, with the given verb and data. */
export function actionExecute(
  serviceUrl: string,
  verb: unknown,
  data: Record<string, unknown> = {},
): ActivityJson {
  const activity = teamsActivity("invoke-action-execute", serviceUrl);
  return { ...activity, value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" } };
}

/** The same activity as if sent from another tenant. */
export function fromTenant(activity: ActivityJson, tenantId: string): ActivityJson {
  return {
    ...activity,
    conversation: { ...activity.conversation, tenantId },
    channelData: { ...activity.channelData, tenant: { id: tenantId } },
  };
}
