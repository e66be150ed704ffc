import type { Activity, TurnContext } from "botbuilder";
import { AuthenticationError } from "botframework-connector";

import type { Logger } from "../logger";
import { InFlight } from "../server/in-flight";
import { checkActivityShape } from "./activity-shape";
import type { BotAdapter } from "./adapter";
import { bindEarlyAnswer } from "./early-answer";
import { bindExpectedTenant } from "./read-turn";
import { safeError } from "./safe-error";
import { isTenantAllowed, tenantOf } from "./tenant";
import { bindLocaleDefaults, type LocaleDefaults } from "./turn-locale";
import { bindTurnLogger, createTurnLogger } from "./turn-logger";

/** What the HTTP layer sends back: a status and, for invokes and errors, a JSON body. */
export interface EndpointResponse {
  status: number;
  body?: unknown;
}

/** The bot as the server sees it: one parsed request body in, one HTTP answer out. */
export interface ActivityEndpoint {
  handle(body: unknown, authorization: string): Promise<EndpointResponse>;
  /** Resolves true once no turn answered early is still running, or false when `timeoutMs` passes first. */
  drain(timeoutMs: number): Promise<boolean>;
}

export interface ActivityEndpointOptions {
  adapter: BotAdapter;
  /** The turn itself (teams-ai Application.run). */
  run(context: TurnContext): Promise<unknown>;
  allowedTenants: readonly string[];
  /** The tenant the directory reads: a sender from any other is not an actor (read-turn.ts). */
  tenantId?: string;
  /** The tenant's DEFAULT_LOCALE and TIME_ZONE, for each turn's reader locale. */
  locale?: LocaleDefaults | undefined;
  logger: Logger;
}

/** Only string ids go into the turn's logger, whatever the body held. */
function sanitisedIds(activity: Partial<Activity>): Partial<Activity> {
  const text = (value: unknown) => (typeof value === "string" ? value.slice(0, 256) : undefined);
  const conversation = activity.conversation as unknown as Record<string, unknown> | undefined;
  return {
    id: text(activity.id),
    type: text(activity.type),
    name: text(activity.name),
    conversation:
      typeof conversation === "object" && conversation !== null
        ? ({ id: text(conversation.id), tenantId: text(conversation.tenantId) } as Activity["conversation"])
        : undefined,
    channelData: activity.channelData,
  };
}

const fail = (status: number, code: string, message: string): EndpointResponse => ({
  status,
  body: { error: { code, message } },
});

/** botbuilder throws plain Errors too (e.g. a token signed by an unknown key): any failure here is a 401. */
function authFailure(error: unknown): EndpointResponse {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof AuthenticationError && /^Failed to load (openID config|Keys)/.test(message)) {
    return fail(503, "AuthenticationUnavailable", "the token signing keys could not be loaded; try again");
  }
  return fail(401, "Unauthorized", "a valid Bot Framework token is required");
}

export function createActivityEndpoint(options: ActivityEndpointOptions): ActivityEndpoint {
  const { adapter, run, allowedTenants, logger } = options;
  // Turns whose invoke was answered before they ended (answer-in-time.ts): a shutdown waits for them too.
  const answeredEarly = new InFlight();

  return {
    drain: (timeoutMs) => answeredEarly.drain(timeoutMs),
    async handle(body, authorization) {
      // The shape first, once: what cannot be a Teams activity never reaches a handler (and stores nothing).
      const shape = checkActivityShape(body);
      const activity = body as Activity;
      const log = createTurnLogger(
        logger,
        typeof body === "object" && body !== null && !Array.isArray(body) ? sanitisedIds(activity) : {},
      );
      if (shape.kind === "reject") {
        log.warn({ status: shape.status, problem: shape.message }, "request rejected: not a Teams activity");
        return fail(shape.status, shape.code, shape.message);
      }

      let auth;
      try {
        auth = await adapter.authenticate(activity, authorization);
      } catch (error) {
        const response = authFailure(error);
        log.warn(
          { status: response.status, reason: error instanceof Error ? error.message : String(error) },
          "request rejected: authentication",
        );
        return response;
      }

      const tenantId = tenantOf(activity);
      if (!isTenantAllowed(tenantId, allowedTenants)) {
        log.warn({ status: 403 }, "request rejected: tenant not allowed");
        return fail(403, "TenantNotAllowed", "this bot does not serve your organisation");
      }
      if (shape.kind === "answer") {
        log.info({ status: shape.status, invokeName: activity.name }, "invoke without a feature answered");
        return { status: shape.status, body: shape.body };
      }

      const started = Date.now();
      let answerNow: (response: EndpointResponse) => void = () => undefined;
      const early = new Promise<EndpointResponse>((resolve) => {
        answerNow = resolve;
      });
      const turn = adapter
        .runTurn(auth, activity, async (context) => {
          bindTurnLogger(context, log);
          bindExpectedTenant(context, options.tenantId);
          bindLocaleDefaults(context, options.locale);
          bindEarlyAnswer(context, answerNow);
          await run(context);
        })
        .then(
          (invokeResponse): EndpointResponse => {
            const status = invokeResponse?.status ?? 200;
            log.info({ status, durationMs: Date.now() - started }, "turn done");
            return { status, body: invokeResponse?.body };
          },
          (error: unknown) => {
            log.error({ err: safeError(error), durationMs: Date.now() - started }, "turn failed");
            return fail(500, "TurnFailed", "the bot could not handle this activity");
          },
        );
      const first = await Promise.race([turn, early.then((response) => ({ early: response }))]);
      if ("early" in first) {
        void answeredEarly.track(() => turn);
        return first.early;
      }
      return first;
    },
  };
}
