import { z } from "zod";

/** An Azure Storage service endpoint; the other two services are the same URL with the service swapped. */
const accountEndpoint = /^https:\/\/[a-z0-9]{3,24}\.(blob|table|queue)\.[a-z0-9.-]+\/?$/i;
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()));
const optionalGuid = optionalText.refine(
  (value) => value === undefined || guid.test(value),
  "must be a GUID",
);
const optionalHttpsUrl = optionalText.refine(
  (value) => value === undefined || /^https:\/\/[^\s/]+/i.test(value),
  "must be an https:// URL",
);
/** Teams' service URLs are https; plain http only on this machine (a local Bot Connector stub). */
const optionalServiceUrl = optionalText.refine(
  (value) =>
    value === undefined ||
    /^https:\/\/[^\s/]+/i.test(value) ||
    /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/i.test(value),
  "must be an https:// URL (http:// only on localhost)",
);
const integer = (fallback: number, min: number, max: number) =>
  optionalText
    .transform((value) => (value === undefined ? fallback : Number(value)))
    .refine(
      (value) => Number.isInteger(value) && value >= min && value <= max,
      `must be a whole number from ${min} to ${max}`,
    );
const positive = (fallback: number, max: number) =>
  optionalText
    .transform((value) => (value === undefined ? fallback : Number(value)))
    .refine(
      (value) => Number.isFinite(value) && value > 0 && value <= max,
      `must be a number above 0 and at most ${max}`,
    );

/**
 * Every variable the product reads, each described once. Values come from the process environment,
 * which wins over `env/.env.<MFA_READY_ENV>` (default `local`) and its git-ignored `.user` companion.
 */
export const schema = z.object({
  /** Port of the bot's HTTP endpoint. */
  PORT: integer(3978, 0, 65535),
  /** Interface to bind; defaults to all interfaces with BOT_ID, loopback without. */
  HOST: optionalText,
  /** The bot's Microsoft app id. Without it, incoming requests are not authenticated (local use only). */
  BOT_ID: optionalGuid,
  /** The bot's app type: MultiTenant, SingleTenant or UserAssignedMSI. */
  BOT_TYPE: z
    .enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"], {
      message: "must be MultiTenant, SingleTenant or UserAssignedMSI",
    })
    .optional()
    .default("SingleTenant"),
  /** Tenant of the bot's app registration (SingleTenant and UserAssignedMSI). */
  BOT_TENANT_ID: optionalGuid,
  /** The bot's client secret. */
  SECRET_BOT_PASSWORD: optionalText,
  /** PEM file with the bot's certificate and private key, instead of a secret. */
  BOT_CERTIFICATE_PATH: optionalText,
  /** Comma-separated tenant ids whose activities are processed; empty means any. */
  ALLOWED_TENANTS: optionalText.refine(
    (value) => list(value).every((id) => guid.test(id)),
    "must be a comma-separated list of tenant GUIDs",
  ),
  /** Where the embedded SQLite database lives. */
  DATA_DIR: optionalText.transform((value) => value ?? ".data"),
  /** Bot state and product stores: sqlite (embedded) or azure (Azure Storage, for scale-out). */
  STORAGE: z.enum(["sqlite", "azure"], { message: "must be sqlite or azure" }).optional().default("sqlite"),
  /**
   * With STORAGE=azure, production: the account's Blob, Table or Queue endpoint
   * (https://<account>.blob.core.windows.net); reached with the app's managed or workload identity
   * (DefaultAzureCredential; AZURE_CLIENT_ID picks a user-assigned identity). No key.
   */
  AZURE_STORAGE_ACCOUNT_URL: optionalText.refine(
    (value) => value === undefined || accountEndpoint.test(value),
    "must be the account's https://<account>.blob|table|queue.<suffix> endpoint",
  ),
  /** With STORAGE=azure, development: a connection string (Azurite's UseDevelopmentStorage=true or its full form). */
  AZURE_STORAGE_CONNECTION_STRING: optionalText,
  /** The same, kept under the secrets' prefix for .env.*.user files. */
  SECRET_AZURE_STORAGE_CONNECTION_STRING: optionalText,
  /** Prefix of the tables and container the bot creates (letters and digits), so several bots can share one account. */
  AZURE_STORAGE_PREFIX: optionalText.refine(
    (value) => value === undefined || /^[a-z][a-z0-9]{0,19}$/i.test(value),
    "must be a letter then up to 19 letters or digits",
  ),
  /** trace, debug, info, warn, error or silent. */
  LOG_LEVEL: z
    .enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"], {
      message: "must be trace, debug, info, warn, error, fatal or silent",
    })
    .optional()
    .default("info"),

  /** The tenant the product reads. Unset: the demo tenant, served by the in-process Graph simulator. */
  TENANT_ID: optionalGuid,
  /** Microsoft Graph base URL (national clouds, or a Graph simulator). */
  GRAPH_BASE_URL: optionalHttpsUrl,
  /** Azure Resource Manager base URL, for Microsoft.PortalServices settings. */
  ARM_BASE_URL: optionalHttpsUrl,
  /** Microsoft Entra authority host for tokens. */
  AUTHORITY_HOST: optionalHttpsUrl,
  /** How the product gets Graph tokens: secret, certificate, managed-identity or workload-identity. */
  GRAPH_CREDENTIAL: z
    .enum(["secret", "certificate", "managed-identity", "workload-identity"], {
      message: "must be secret, certificate, managed-identity or workload-identity",
    })
    .optional(),
  /** App (client) id used for Graph; defaults to BOT_ID. */
  GRAPH_CLIENT_ID: optionalGuid,
  /** Client secret for Graph (GRAPH_CREDENTIAL=secret); defaults to SECRET_BOT_PASSWORD. */
  SECRET_GRAPH_CLIENT_SECRET: optionalText,
  /** PEM certificate with private key for Graph (GRAPH_CREDENTIAL=certificate). */
  GRAPH_CERTIFICATE_PATH: optionalText,
  /** The tenant snapshot the demo mode serves (default: the committed demo tenant). */
  GRAPH_SNAPSHOT: optionalText,
  /** Demo mode: the port of the built-in Graph simulator (its /_simulator/ setup API); 0 picks a free one. */
  SIMULATOR_PORT: integer(3979, 0, 65535),
  /** Look-back window for sign-in evidence, in days. */
  LOOKBACK_DAYS: integer(30, 1, 30),
  /** Break-glass accounts, by UPN or group id, comma-separated (overrides the snapshot's settings). */
  BREAK_GLASS_ACCOUNTS: optionalText,
  /** Service accounts, by UPN or group id, comma-separated (overrides the snapshot's settings). */
  SERVICE_ACCOUNTS: optionalText,
  /** Time of day (HH:MM, UTC) of the daily readiness scan for the admins who subscribed; unset: off. */
  REPORT_DAILY_AT: optionalText.refine(
    (value) => value === undefined || /^([01]\d|2[0-3]):[0-5]\d$/.test(value),
    "must be a time of day HH:MM (UTC), e.g. 07:00",
  ),
  /** The tenant's language when neither Teams nor Graph tell a user's (a BCP 47 tag: de-DE, ja-JP…); unset: English. */
  DEFAULT_LOCALE: optionalText.refine(
    (value) => value === undefined || /^(en|de|fr|es|ja)(-[A-Za-z0-9]{2,8})*$/.test(value),
    "must be a locale in en, de, fr, es or ja, e.g. de-DE",
  ),
  /** The tenant's time zone for the dates and times people read (IANA, e.g. Europe/Berlin); unset: UTC. */
  TIME_ZONE: optionalText.refine(
    (value) => value === undefined || Intl.supportedValuesOf("timeZone").includes(value) || value === "UTC",
    "must be an IANA time zone, e.g. Europe/Berlin",
  ),
  /** Per-request timeout for Graph and Teams calls, in milliseconds. */
  HTTP_TIMEOUT_MS: integer(30_000, 100, 300_000),

  /** The Teams app id of the manifest (for installing the bot for users). */
  TEAMS_APP_ID: optionalGuid,
  /** Teams service URL used to reach users without a stored conversation (e.g. the tenant's region). */
  TEAMS_SERVICE_URL: optionalServiceUrl,
  /** Messages per second per tenant that the bot allows itself (Teams' published limit is 50). */
  BROADCAST_RPS: positive(50, 1000),
  /** Object id of a group whose members may broadcast without an admin role (DOMAIN.md "Who may do what"). */
  BROADCAST_SENDERS: optionalGuid,
});

export type RawConfig = z.infer<typeof schema>;
