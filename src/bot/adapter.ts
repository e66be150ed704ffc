import type { Activity, InvokeResponse, TurnContext } from "botbuilder";
import type { AuthenticateRequestResult, ServiceClientCredentialsFactory } from "botframework-connector";

import type { Config } from "../config";
import { type BotAuthEndpoints, botAuthOptions } from "./auth-options";
import { TeamsAdapter } from "./teams-ai";

export interface BotAdapterOptions {
  /** Token endpoints; unset in production (public cloud). */
  endpoints?: BotAuthEndpoints;
  /** Credentials for the bot's outgoing calls; unset: from the configuration (secret, certificate, MSI). */
  credentialsFactory?: ServiceClientCredentialsFactory;
}

/**
 * teams-ai's adapter (a CloudAdapter), split in two steps so the server can answer 401 for a bad token
 * and 403 for a foreign tenant before any turn runs or anything is read or stored.
 */
export class BotAdapter extends TeamsAdapter {
  /** Validates the Bot Framework JWT (or, without an app id, lets the request through anonymously). */
  authenticate(activity: Activity, authorization: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authorization);
  }

  /** Runs the turn of an already authenticated activity; the invoke response, if the activity was an invoke. */
  runTurn(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

export function createBotAdapter(bot: Config["bot"], options: BotAdapterOptions = {}): BotAdapter {
  return new BotAdapter(botAuthOptions(bot, options.endpoints), options.credentialsFactory);
}
