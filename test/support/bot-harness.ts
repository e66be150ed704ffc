import { Writable } from "node:stream";

import { PasswordServiceClientCredentialFactory } from "botframework-connector";

import { type Config, DEFAULT_DEMO_SNAPSHOT, readConfig } from "../../src/config";
import { type GraphSimulator, startGraphSimulator } from "../../src/dev/graph-simulator";
import { loadSnapshot } from "../../src/directory/snapshot";
import { type RunningService, type ServiceParts, startService } from "../../src/index";
import { createLogger } from "../../src/logger";
import type { DirectoryHandle } from "../../src/open-directory";
import type { ProductStores } from "../../src/product-stores";
import { type EmbeddedStores, openEmbeddedStores } from "../../src/storage";
import type { ActivityJson } from "./activities";
import { type ConnectorStub, startConnectorStub } from "./connector-stub";
import { type JwtIssuer, startJwtIssuer, type TokenOptions } from "./jwt-issuer";
import { simulatorDirectory } from "./simulator-directory";

export const BOT_ID = "00000000-0000-0000-0000-00000000b07a";
export const TENANT_ID = "11111111-2222-3333-4444-555555555555";
export const OUTGOING_TOKEN = "stub-outgoing-token";

/**
 * The production factory for everything incoming (which app ids are valid, whether auth is on), but the
 * bot's own calls to the connector carry a fixed token: no Entra ID in tests.
 */
class StubCredentialsFactory extends PasswordServiceClientCredentialFactory {
  constructor() {
    super(BOT_ID, "not-used-in-tests");
  }
  override async createCredentials() {
    return {
      async signRequest<T extends { headers: { set(name: string, value: string): void } }>(request: T) {
        request.headers.set("authorization", `Bearer ${OUTGOING_TOKEN}`);
        return request;
      },
    };
  }
}

export interface HarnessOptions {
  /** With BOT_ID and a local token issuer (default), or without (local mode, no authentication). */
  authenticated?: boolean;
  allowedTenants?: string[];
  /**
   * The tenant's directory; default a Graph simulator of the demo tenant under TENANT_ID, started here
   * and closed with the harness (every feature is on; a test makes Graph fail through its fault injection).
   */
  directory?: DirectoryHandle;
  /** The default directory's /healthz answer (the graph-mode permission check, say). */
  directoryHealth?: DirectoryHandle["health"];
  now?: () => Date;
  /** Extra settings (e.g. TEAMS_APP_ID) on top of the harness's own. */
  env?: Record<string, string>;
  /** A data directory to keep the stores in (a restart reopens them); default a throw-away in-memory database. */
  dataDir?: string;
  /** Report tuning (progress card interval, upload client). */
  report?: ServiceParts["report"];
  /**
   * Stores shared with other instances (scale-out tests: Azure Storage on Azurite): the service runs on
   * these; `stores` is then an unused in-memory set.
   */
  sharedStores?: ProductStores;
  /** Shortens the Action.Execute budget (answer-in-time.ts). */
  invokeBudgetMs?: number;
}

export interface BotHarness {
  url: string;
  config: Config;
  connector: ConnectorStub;
  issuer?: JwtIssuer;
  stores: EmbeddedStores;
  service: RunningService;
  /** The Graph simulator the harness started when no directory was given. */
  simulator?: GraphSimulator;
  /** Every log line, parsed. */
  logs: Record<string, unknown>[];
  /** A valid channel token for an activity (its serviceUrl claim matches). */
  tokenFor(
    activity: ActivityJson,
    options?: TokenOptions & { claims?: Record<string, unknown> },
  ): Promise<string>;
  /** POSTs an activity; with `token: "auto"` (default when authenticated) a valid one is made. */
  post(
    activity: unknown,
    options?: { authorization?: string | null },
  ): Promise<{ status: number; body: unknown; text: string }>;
  /** Every row of bot state and of the conversation references, to prove a request changed nothing. */
  storeSnapshot(): string;
  close(): Promise<void>;
}

export async function startBotHarness(options: HarnessOptions = {}): Promise<BotHarness> {
  const authenticated = options.authenticated ?? true;
  const connector = await startConnectorStub();
  const issuer = authenticated ? await startJwtIssuer() : undefined;
  const config = readConfig({
    PORT: "0",
    LOG_LEVEL: "debug",
    ...(authenticated ? { BOT_ID, SECRET_BOT_PASSWORD: "not-used-in-tests", BOT_TYPE: "MultiTenant" } : {}),
    ...(options.allowedTenants ? { ALLOWED_TENANTS: options.allowedTenants.join(",") } : {}),
    ...options.env,
  });
  const logs: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      }
      callback();
    },
  });
  const logger = createLogger({ level: "debug", destination });
  const stores = openEmbeddedStores(options.dataDir ?? ":memory:");
  let simulator: GraphSimulator | undefined;
  let directory = options.directory;
  if (directory === undefined) {
    const demo = loadSnapshot(DEFAULT_DEMO_SNAPSHOT);
    const snapshot = { ...demo, tenant: { ...demo.tenant, id: TENANT_ID } };
    simulator = await startGraphSimulator({ snapshot, port: 0 });
    directory = simulatorDirectory(simulator, snapshot, { health: options.directoryHealth }).handle;
  }
  const service = await startService({
    config,
    logger,
    stores: options.sharedStores ?? stores,
    directory,
    now: options.now,
    report: options.report,
    ...(options.invokeBudgetMs === undefined ? {} : { invokeBudgetMs: options.invokeBudgetMs }),
    auth: issuer
      ? {
          endpoints: {
            channelOpenIdMetadataUrl: issuer.metadataUrl,
            channelTokenIssuer: issuer.issuer,
            emulatorOpenIdMetadataUrl: issuer.metadataUrl,
            loginUrl: "https://login.invalid/botframework.com",
            oauthScope: "https://api.botframework.com",
            oauthUrl: "https://token.invalid",
            callerId: "urn:botframework:azure",
          },
          credentialsFactory: new StubCredentialsFactory(),
        }
      : undefined,
  });

  const tokenFor: BotHarness["tokenFor"] = async (activity, tokenOptions = {}) => {
    if (!issuer) {
      throw new Error("tokenFor: the harness runs without authentication");
    }
    return issuer.token(
      { aud: BOT_ID, serviceurl: activity.serviceUrl, ...tokenOptions.claims },
      tokenOptions,
    );
  };

  return {
    url: service.url,
    config,
    connector,
    issuer,
    stores,
    service,
    simulator,
    logs,
    tokenFor,
    async post(activity, postOptions = {}) {
      let authorization = postOptions.authorization;
      if (authorization === undefined && issuer) {
        authorization = `Bearer ${await tokenFor(activity as ActivityJson)}`;
      }
      const response = await fetch(`${service.url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
        body: typeof activity === "string" ? activity : JSON.stringify(activity),
      });
      const text = await response.text();
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      return { status: response.status, body, text };
    },
    storeSnapshot() {
      const state = stores.database.prepare("SELECT key, value FROM bot_state ORDER BY key").all();
      const references = stores.database
        .prepare("SELECT * FROM conversation_references ORDER BY tenant_id, user_id")
        .all();
      return JSON.stringify({ state, references });
    },
    async close() {
      await service.stop(1_000);
      await simulator?.close();
      stores.close();
      await connector.close();
      await issuer?.close();
    },
  };
}
