import { badRequest } from "./errors";
import type { SimRequest, SimResponse } from "./types";

/** The system query options Graph knows; any other `$name` is rejected as Graph does. */
const KNOWN_OPTIONS = new Set([
  "$select",
  "$top",
  "$filter",
  "$count",
  "$skiptoken",
  "$expand",
  "$orderby",
  "$search",
  "$skip",
  "$format",
]);

/** Rejects an option the endpoint does not support instead of ignoring it, so a wrong client fails loudly. */
export function allowOptions(
  request: SimRequest,
  allowed: readonly string[],
  errorCode = "BadRequest",
): void {
  const seen = new Set<string>();
  for (const key of request.query.keys()) {
    if (!key.startsWith("$")) {
      continue;
    }
    if (seen.has(key)) {
      throw badRequest(
        `Query option '${key}' was specified more than once, but it must be specified at most once.`,
        errorCode,
      );
    }
    seen.add(key);
    if (!KNOWN_OPTIONS.has(key)) {
      throw badRequest(`The query parameter '${key}' is not supported.`, errorCode);
    }
    if (!allowed.includes(key)) {
      throw badRequest(
        `The query specified in the URI is not valid. Query option '${key.slice(1)}' is not allowed.`,
        errorCode,
      );
    }
  }
}

export function parseTop(
  request: SimRequest,
  limits: { max: number; fallback: number },
  errorCode = "BadRequest",
): number {
  const raw = request.query.get("$top");
  if (raw === null) {
    return limits.fallback;
  }
  const top = Number(raw);
  if (!/^\d+$/.test(raw) || top < 1 || top > limits.max) {
    throw badRequest(
      `Invalid page size specified: '${raw}'. Must be between 1 and ${limits.max} inclusive.`,
      errorCode,
    );
  }
  return top;
}

/** $select as a list, each name checked against the resource's properties. */
export function parseSelect(
  request: SimRequest,
  known: ReadonlySet<string>,
  typeName: string,
  errorCode = "BadRequest",
): string[] | undefined {
  const raw = request.query.get("$select");
  if (raw === null) {
    return undefined;
  }
  const names = raw.split(",").map((name) => name.trim());
  for (const name of names) {
    if (!known.has(name)) {
      throw badRequest(`Could not find a property named '${name}' on type '${typeName}'.`, errorCode);
    }
  }
  return names;
}

/** The selected properties of one object; a selected property the object lacks is null, as in Graph. */
export function project<T extends object>(
  item: T,
  select: readonly string[] | undefined,
): Record<string, unknown> {
  if (select === undefined) {
    return { ...item } as Record<string, unknown>;
  }
  const source = item as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (typeof source["@odata.type"] === "string") {
    out["@odata.type"] = source["@odata.type"];
  }
  for (const name of select) {
    out[name] = source[name] ?? null;
  }
  return out;
}

/** `$`, quotes and parentheses, which clients may percent-encode in a path (function calls, $batch). */
export function decodePathMarks(path: string): string {
  return path.replace(/%24/gi, "$").replace(/%27/gi, "'").replace(/%28/gi, "(").replace(/%29/gi, ")");
}

export function contextUrl(request: SimRequest, fragment: string): string {
  return `${request.origin}/${request.path.startsWith("/beta/") ? "beta" : "v1.0"}/$metadata#${fragment}`;
}

/** `users(id,displayName)` for a selected collection, as Graph names it in @odata.context. */
export function selectFragment(entitySet: string, select: readonly string[] | undefined): string {
  return select === undefined ? entitySet : `${entitySet}(${select.join(",")})`;
}

const TOKEN_PREFIX = "MFARSIM1:";

function decodeSkipToken(request: SimRequest, errorCode: string): number {
  const raw = request.query.get("$skiptoken");
  if (raw === null) {
    return 0;
  }
  const text = Buffer.from(raw, "base64url").toString("utf8");
  const offset = Number(text.slice(TOKEN_PREFIX.length));
  if (!text.startsWith(TOKEN_PREFIX) || !Number.isInteger(offset) || offset < 0) {
    throw badRequest("The specified page token value has expired or is not valid.", errorCode);
  }
  return offset;
}

function nextLink(request: SimRequest, offset: number): string {
  const parts: string[] = [];
  for (const [key, value] of request.query) {
    if (key !== "$skiptoken") {
      parts.push(`${key}=${encodeURIComponent(value)}`);
    }
  }
  parts.push(`$skiptoken=${Buffer.from(`${TOKEN_PREFIX}${offset}`, "utf8").toString("base64url")}`);
  return `${request.origin}${request.path}?${parts.join("&")}`;
}

export interface PageOptions<T> {
  items: readonly T[];
  top: number;
  context: string;
  map: (item: T) => unknown;
  /** $count=true: the total, on every page. */
  count?: boolean;
  errorCode?: string;
}

/** One page of a collection, with an opaque $skiptoken in @odata.nextLink while more remain. */
export function page<T>(request: SimRequest, options: PageOptions<T>): SimResponse {
  const offset = decodeSkipToken(request, options.errorCode ?? "BadRequest");
  const slice = options.items.slice(offset, offset + options.top);
  const body: Record<string, unknown> = { "@odata.context": contextUrl(request, options.context) };
  if (options.count) {
    body["@odata.count"] = options.items.length;
  }
  if (offset + options.top < options.items.length) {
    body["@odata.nextLink"] = nextLink(request, offset + options.top);
  }
  body.value = slice.map(options.map);
  return { status: 200, body };
}

/** $count=true needs the advanced-query header, as on Graph's directory objects. */
export function wantsCount(request: SimRequest, errorCode = "Request_BadRequest"): boolean {
  const raw = request.query.get("$count");
  if (raw === null || raw === "false") {
    return false;
  }
  if (raw !== "true") {
    throw badRequest(`Invalid value '${raw}' for $count.`, errorCode);
  }
  requireEventualConsistency(request, errorCode);
  return true;
}

export function requireEventualConsistency(request: SimRequest, errorCode = "Request_BadRequest"): void {
  if ((request.headers.consistencylevel ?? "").toLowerCase() !== "eventual") {
    throw badRequest("$count is not currently supported.", errorCode);
  }
}
