import { PERMISSION_BY_PATH } from "../domain/permissions";
import { type HeaderSource, headerValue, parseRetryAfter } from "../throttle";

export type DirectoryErrorReason =
  | "throttled"
  | "forbidden"
  | "notFound"
  | "noPremium"
  | "timeout"
  | "unavailable"
  | "badRequest"
  | "unauthenticated";

/** Graph's answer for reports and sign-ins in a tenant without Microsoft Entra ID P1 (or a B2C tenant). */
export const NON_PREMIUM_CODE = "Authentication_RequestFromNonPremiumTenantOrB2CTenant";

const RETRYABLE: ReadonlySet<DirectoryErrorReason> = new Set(["throttled", "timeout", "unavailable"]);

/** What an admin must do, per reason: the sentence the error card shows. */
function adminAction(reason: DirectoryErrorReason, permission: string | undefined): string {
  switch (reason) {
    case "forbidden":
      return permission
        ? `Grant the application permission ${permission} to the app registration and give admin consent.`
        : "Grant the app registration the permission this call needs and give admin consent.";
    case "noPremium":
      return "This data needs Microsoft Entra ID P1 in the tenant; without it the assessment relies on roles and methods only.";
    case "unauthenticated":
      return "Check the app registration's credential (secret, certificate or managed identity) and the tenant id.";
    case "throttled":
      return "Microsoft Graph is throttling this app; try again in a few minutes.";
    case "timeout":
      return "Microsoft Graph did not answer in time; try again, or raise HTTP_TIMEOUT_MS.";
    case "unavailable":
      return "Microsoft Graph could not be reached or failed; check the network and try again.";
    case "notFound":
      return "The object no longer exists in the directory.";
    case "badRequest":
      return "The request was rejected as malformed; report this as a bug with the log line.";
  }
}

/** The one error the Directory throws: a reason, whether retrying later may help, and what to do. */
export class DirectoryError extends Error {
  readonly retryable: boolean;
  readonly action: string;

  constructor(
    readonly reason: DirectoryErrorReason,
    detail: string,
    readonly extra: {
      permission?: string;
      status?: number;
      code?: string;
      path?: string;
      /** How long Graph asked us to wait (Retry-After), when it said. */
      retryAfterMs?: number;
      cause?: unknown;
    } = {},
  ) {
    const action = adminAction(reason, extra.permission);
    super(`${detail} ${action}`, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = "DirectoryError";
    this.retryable = RETRYABLE.has(reason);
    this.action = action;
  }

  get permission(): string | undefined {
    return this.extra.permission;
  }

  get status(): number | undefined {
    return this.extra.status;
  }

  /** Graph's Retry-After in ms (a throttled or unavailable answer that said when to come back). */
  get retryAfterMs(): number | undefined {
    return this.extra.retryAfterMs;
  }
}

/** The Graph application permission a path needs (path without the API version and query). */
export function permissionForPath(path: string): string | undefined {
  return PERMISSION_BY_PATH.find((entry) => entry.pattern.test(path))?.permission;
}

/** Graph's and ARM's error body: {error: {code, message}}. */
export function errorCodeOf(body: unknown): { code?: string; message?: string } {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return {
    code: typeof error?.code === "string" ? error.code : undefined,
    message: typeof error?.message === "string" ? error.message : undefined,
  };
}

/**
 * Turns a final non-2xx answer into a DirectoryError; `permission` overrides the path table (ARM). A
 * Retry-After among the headers rides along, so whoever tells the user can say when to try again.
 */
export function errorFromResponse(
  status: number,
  body: unknown,
  path: string,
  permission: string | undefined = permissionForPath(path),
  headers?: HeaderSource,
  now: number = Date.now(),
): DirectoryError {
  const { code, message } = errorCodeOf(body);
  const retryAfterMs = parseRetryAfter(headerValue(headers, "retry-after"), now);
  const extra = { status, code, path, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  const said = `Graph answered ${status}${code ? ` ${code}` : ""} for ${path}${message ? `: ${message}` : ""}.`;
  if (status === 403 && code === NON_PREMIUM_CODE) {
    return new DirectoryError("noPremium", said, extra);
  }
  if (status === 403) {
    return new DirectoryError("forbidden", said, { ...extra, permission });
  }
  if (status === 401) {
    return new DirectoryError("unauthenticated", said, extra);
  }
  if (status === 404) {
    return new DirectoryError("notFound", said, extra);
  }
  if (status === 429) {
    return new DirectoryError("throttled", said, extra);
  }
  if (status >= 500) {
    return new DirectoryError("unavailable", said, extra);
  }
  return new DirectoryError("badRequest", said, extra);
}
