import { existsSync } from "node:fs";
import path from "node:path";

import { ConfigError } from "./config-error";
import { list, type RawConfig, schema } from "./config-schema";

export { ConfigError } from "./config-error";
export { loadEnvFiles } from "./env-files";

export type GraphCredentialKind =
  "simulator" | "secret" | "certificate" | "managed-identity" | "workload-identity";

/** Where bot state and the product's stores live: embedded SQLite, or Azure Storage shared by every instance. */
export type StorageConfig =
  | { kind: "sqlite" }
  | { kind: "azure"; prefix: string; connectionString: string; accountUrl?: undefined }
  | { kind: "azure"; prefix: string; accountUrl: string; connectionString?: undefined };

export interface Config {
  port: number;
  host: string;
  /** Known from the configuration, not checked: true when BOT_ID is unset and requests go unauthenticated. */
  unauthenticated: boolean;
  bot: {
    appId?: string;
    appType: RawConfig["BOT_TYPE"];
    tenantId?: string;
    password?: string;
    certificatePath?: string;
  };
  allowedTenants: string[];
  dataDir: string;
  storage: StorageConfig;
  logLevel: RawConfig["LOG_LEVEL"];
  directory: {
    /** demo: the in-process Graph simulator over GRAPH_SNAPSHOT; graph: a real tenant (or a simulator by URL). */
    mode: "demo" | "graph";
    tenantId?: string;
    graphBaseUrl: string;
    armBaseUrl: string;
    authorityHost: string;
    credential: GraphCredentialKind;
    clientId?: string;
    clientSecret?: string;
    certificatePath?: string;
    snapshotPath: string;
    /** Demo mode's simulator port (taken when free, else any free port, said in the log). */
    simulatorPort: number;
    timeoutMs: number;
  };
  assessment: {
    lookbackDays: number;
    breakGlassAccounts?: string[];
    serviceAccounts?: string[];
  };
  /** The daily readiness scan: off without dailyAt. */
  report: { dailyAt?: string };
  teams: { appId?: string; serviceUrl?: string; tenantRps: number };
  /** Who may do what beyond the role table: the broadcast senders group. */
  authz: { broadcastSenders?: string };
  /** The tenant's default language and time zone for what people read. */
  locale: { defaultLocale?: string; timeZone?: string };
}
/** Resolved from the package root, so it holds for src/ (tsx) and dist/ (compiled) alike. */
export const DEFAULT_DEMO_SNAPSHOT = path.resolve(__dirname, "..", "src", "dev", "demo-tenant.json");
function storageConfig(raw: RawConfig): StorageConfig {
  const connectionString = raw.AZURE_STORAGE_CONNECTION_STRING ?? raw.SECRET_AZURE_STORAGE_CONNECTION_STRING;
  if (raw.STORAGE === "sqlite") {
    return { kind: "sqlite" };
  }
  const prefix = (raw.AZURE_STORAGE_PREFIX ?? "mfaready").toLowerCase();
  if (raw.AZURE_STORAGE_ACCOUNT_URL !== undefined && connectionString !== undefined) {
    throw new ConfigError(
      "AZURE_STORAGE_CONNECTION_STRING",
      "set either it or AZURE_STORAGE_ACCOUNT_URL, not both",
    );
  }
  if (raw.AZURE_STORAGE_ACCOUNT_URL !== undefined) {
    return { kind: "azure", prefix, accountUrl: raw.AZURE_STORAGE_ACCOUNT_URL.replace(/\/$/, "") };
  }
  if (connectionString === undefined) {
    throw new ConfigError(
      "AZURE_STORAGE_ACCOUNT_URL",
      "is required with STORAGE=azure (or AZURE_STORAGE_CONNECTION_STRING for Azurite)",
    );
  }
  if (
    connectionString !== "UseDevelopmentStorage=true" &&
    !/(^|;)(AccountName|TableEndpoint|BlobEndpoint)=/i.test(connectionString)
  ) {
    throw new ConfigError(
      "AZURE_STORAGE_CONNECTION_STRING",
      "is not an Azure Storage connection string (AccountName=…;AccountKey=…;TableEndpoint=…)",
    );
  }
  return { kind: "azure", prefix, connectionString };
}

/** Validates the environment into a typed Config, or throws a ConfigError naming the first bad variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? "environment"), issue.message);
  }
  const raw = parsed.data;
  const realTenant = raw.TENANT_ID !== undefined;

  if (
    raw.BOT_ID !== undefined &&
    raw.BOT_TYPE !== "UserAssignedMSI" &&
    !raw.SECRET_BOT_PASSWORD &&
    !raw.BOT_CERTIFICATE_PATH
  ) {
    throw new ConfigError("SECRET_BOT_PASSWORD", "is required with BOT_ID (or set BOT_CERTIFICATE_PATH)");
  }
  if (raw.BOT_ID !== undefined && raw.BOT_TYPE !== "MultiTenant" && !raw.BOT_TENANT_ID) {
    throw new ConfigError("BOT_TENANT_ID", `is required with BOT_TYPE=${raw.BOT_TYPE}`);
  }
  if (realTenant && raw.BOT_ID === undefined) {
    throw new ConfigError(
      "BOT_ID",
      "is required when TENANT_ID names a real tenant: an unauthenticated bot must not read it",
    );
  }
  for (const file of ["BOT_CERTIFICATE_PATH", "GRAPH_CERTIFICATE_PATH"] as const) {
    const value = raw[file];
    if (value !== undefined && !existsSync(value)) {
      throw new ConfigError(file, `file not found: ${value}`);
    }
  }
  const storage = storageConfig(raw);

  const clientId = raw.GRAPH_CLIENT_ID ?? raw.BOT_ID;
  const clientSecret = raw.SECRET_GRAPH_CLIENT_SECRET ?? raw.SECRET_BOT_PASSWORD;
  let credential: GraphCredentialKind = "simulator";
  if (realTenant) {
    credential =
      raw.GRAPH_CREDENTIAL ??
      (raw.GRAPH_CERTIFICATE_PATH ? "certificate" : clientSecret ? "secret" : "managed-identity");
    if (credential === "secret" && !clientSecret) {
      throw new ConfigError("SECRET_GRAPH_CLIENT_SECRET", "is required with GRAPH_CREDENTIAL=secret");
    }
    if (credential === "certificate" && !raw.GRAPH_CERTIFICATE_PATH) {
      throw new ConfigError("GRAPH_CERTIFICATE_PATH", "is required with GRAPH_CREDENTIAL=certificate");
    }
    if ((credential === "secret" || credential === "certificate") && !clientId) {
      throw new ConfigError(
        "GRAPH_CLIENT_ID",
        `is required with GRAPH_CREDENTIAL=${credential} (or set BOT_ID)`,
      );
    }
  }

  return {
    port: raw.PORT,
    host: raw.HOST ?? (raw.BOT_ID ? "0.0.0.0" : "127.0.0.1"),
    unauthenticated: raw.BOT_ID === undefined,
    bot: {
      appId: raw.BOT_ID,
      appType: raw.BOT_TYPE,
      tenantId: raw.BOT_TENANT_ID,
      password: raw.SECRET_BOT_PASSWORD,
      certificatePath: raw.BOT_CERTIFICATE_PATH,
    },
    allowedTenants: list(raw.ALLOWED_TENANTS).map((id) => id.toLowerCase()),
    dataDir: raw.DATA_DIR,
    storage,
    logLevel: raw.LOG_LEVEL,
    directory: {
      mode: realTenant || raw.GRAPH_BASE_URL ? "graph" : "demo",
      tenantId: raw.TENANT_ID,
      graphBaseUrl: raw.GRAPH_BASE_URL ?? "https://graph.microsoft.com",
      armBaseUrl: raw.ARM_BASE_URL ?? "https://management.azure.com",
      authorityHost: raw.AUTHORITY_HOST ?? "https://login.microsoftonline.com",
      credential,
      clientId,
      clientSecret,
      certificatePath: raw.GRAPH_CERTIFICATE_PATH,
      snapshotPath: raw.GRAPH_SNAPSHOT ?? DEFAULT_DEMO_SNAPSHOT,
      simulatorPort: raw.SIMULATOR_PORT,
      timeoutMs: raw.HTTP_TIMEOUT_MS,
    },
    assessment: {
      lookbackDays: raw.LOOKBACK_DAYS,
      breakGlassAccounts: raw.BREAK_GLASS_ACCOUNTS === undefined ? undefined : list(raw.BREAK_GLASS_ACCOUNTS),
      serviceAccounts: raw.SERVICE_ACCOUNTS === undefined ? undefined : list(raw.SERVICE_ACCOUNTS),
    },
    report: { dailyAt: raw.REPORT_DAILY_AT },
    teams: { appId: raw.TEAMS_APP_ID, serviceUrl: raw.TEAMS_SERVICE_URL, tenantRps: raw.BROADCAST_RPS },
    authz: { broadcastSenders: raw.BROADCAST_SENDERS?.toLowerCase() },
    locale: { defaultLocale: raw.DEFAULT_LOCALE, timeZone: raw.TIME_ZONE },
  };
}
