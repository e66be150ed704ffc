import { type Activity, ActivityTypes, type TurnContext } from "botbuilder";
import { AuthenticationError } from "botframework-connector";
import type { Logger } from "../logger";
import type { BotAdapter } from "./adapter";
import { safeError } from "./safe-error";
import { isTenantAllowed, tenantOf } from "./tenant";
import { bindTurnLogger, createTurnLogger } from "./turn-logger";

/** What the HTTP layer sends back: a status and, for invokes and errors, a JSON body. */
export interface EndpointResponse {
  status: number;
  body?: unknown;
}

/** The bot as the server sees it: one parsed request body in, one HTTP answer out. */
export interface ActivityEndpoint {
  handle(body: unknown, authorization: string): Promise<EndpointResponse>;
}

export interface ActivityEndpointOptions {
  adapter: BotAdapter;
  /** The turn itself (teams-ai Application.run). */
  run(context: TurnContext): Promise<unknown>;
  allowedTenants: readonly string[];
  logger: Logger;
}

const KNOWN_TYPES = new Set<string>(Object.values(ActivityTypes));

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

  return {
    async handle(body, authorization) {
      if (typeof body !== "object" || body === null || Array.isArray(body)) {
        return fail(400, "BadActivity", "the body must be a JSON object (a Bot Framework activity)");
      }
      const activity = body as Activity;
      if (typeof activity.type !== "string" || !KNOWN_TYPES.has(activity.type)) {
        return fail(400, "BadActivity", "the activity has no valid `type`");
      }
      const log = createTurnLogger(logger, activity);

      let auth;
      try {
        auth = await adapter.authenticate(activity, authorization);
      } catch (error) {
        const response = authFailure(error);
        log.warn({ status: response.status, reason: error instanceof Error ? error.message : String(error) }, "request rejected: authentication");
        return response;
      }

      const tenantId = tenantOf(activity);
      if (!isTenantAllowed(tenantId, allowedTenants)) {
        log.warn({ status: 403 }, "request rejected: tenant not allowed");
        return fail(403, "TenantNotAllowed", "this bot does not serve your organisation");
      }

      const started = Date.now();
      try {
        const invokeResponse = await adapter.runTurn(auth, activity, async (context) => {
          bindTurnLogger(context, log);
          await run(context);
        });
        const status = invokeResponse?.status ?? 200;
        log.info({ status, durationMs: Date.now() - started }, "turn done");
        return { status, body: invokeResponse?.body };
      } catch (error) {
        log.error({ err: safeError(error), durationMs: Date.now() - started }, "turn failed");
        return fail(500, "TurnFailed", "the bot could not handle this activity");
      }
    },
  };
}
