import type { SignIn } from "../../directory/graph-types";
import { invalidFilter, tokenize, TokenStream } from "./filter-tokens";

/**
 * The sign-in $filter the product sends, and only that:
 *   createdDateTime ge DATE [and createdDateTime le DATE] [and userId eq 'ID']
 *   [and (appId eq 'A' or … or resourceId eq 'R')]  |  [and appId in ('A','B')]
 *   [and appId eq 'A'] [and servicePrincipalId eq 'S'] [and resourceId eq 'R']   (each must hold)
 *   [and signInEventTypes/any(t: t eq 'nonInteractiveUser' [or t eq '…'])]   (beta only)
 * Terms may come in any order; each kind at most once.
 */
export interface SignInFilter {
  from?: { time: number; inclusive: boolean };
  to?: { time: number; inclusive: boolean };
  userId?: string;
  /** Undefined: no app condition. Otherwise a sign-in matches when its appId or resourceId is listed. */
  apps?: { appIds: Set<string>; resourceIds: Set<string> };
  /** Bare `property eq 'value'` terms joined by `and`: a sign-in must match every one (lower case). */
  equals?: Partial<Record<EqualsProperty, string>>;
  /**
   * Beta's signInEventTypes/any(…) clause. Undefined: interactive user sign-ins only, as both v1.0 and
   * beta answer without it.
   */
  eventTypes?: Set<string>;
}

const EVENT_TYPES_ANY = "signInEventTypes/any";

/** Properties a bare `eq` term may name; a workload identity's sign-ins are asked for by app or principal id. */
const EQUALS_PROPERTIES = ["appId", "resourceId", "servicePrincipalId"] as const;
type EqualsProperty = (typeof EQUALS_PROPERTIES)[number];
const isEqualsProperty = (property: string): property is EqualsProperty =>
  (EQUALS_PROPERTIES as readonly string[]).includes(property);

/** The one event type a snapshot sign-in stands for: its signInEventTypes, else isInteractive. */
export function eventTypeOf(signIn: SignIn): string {
  return (
    signIn.signInEventTypes?.[0] ??
    (signIn.isInteractive === false ? "nonInteractiveUser" : "interactiveUser")
  );
}

function parseEventTypes(filter: SignInFilter, stream: TokenStream): void {
  if (filter.eventTypes !== undefined) {
    throw invalidFilter(stream.filter, "two signInEventTypes conditions");
  }
  stream.punct("(");
  const variable = stream.word().replace(/:$/, "");
  filter.eventTypes = new Set();
  do {
    if (filter.eventTypes.size > 0) {
      stream.word("or");
    }
    stream.word(variable);
    stream.word("eq");
    filter.eventTypes.add(stream.string());
  } while (!(stream.peek()?.kind === ")"));
  stream.punct(")");
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseDate(stream: TokenStream): number {
  const raw = stream.word();
  const time = Date.parse(raw);
  if (!ISO_DATE.test(raw) || Number.isNaN(time)) {
    throw invalidFilter(stream.filter, `'${raw}' is not a DateTimeOffset literal`);
  }
  return time;
}

function addApp(filter: SignInFilter, stream: TokenStream, property: string, value: string): void {
  filter.apps ??= { appIds: new Set(), resourceIds: new Set() };
  if (property === "appId") {
    filter.apps.appIds.add(value.toLowerCase());
  } else if (property === "resourceId") {
    filter.apps.resourceIds.add(value.toLowerCase());
  } else {
    throw invalidFilter(stream.filter, `'${property}' cannot appear in this position`);
  }
}

function parseOrGroup(filter: SignInFilter, stream: TokenStream): void {
  stream.punct("(");
  do {
    if (filter.apps !== undefined && filter.apps.appIds.size + filter.apps.resourceIds.size > 0) {
      stream.word("or");
    }
    const property = stream.word();
    stream.word("eq");
    addApp(filter, stream, property, stream.string());
  } while (!(stream.peek()?.kind === ")"));
  stream.punct(")");
}

function parseIn(filter: SignInFilter, stream: TokenStream): void {
  stream.punct("(");
  filter.apps = { appIds: new Set([stream.string().toLowerCase()]), resourceIds: new Set() };
  while (stream.peek()?.kind === ",") {
    stream.punct(",");
    filter.apps.appIds.add(stream.string().toLowerCase());
  }
  stream.punct(")");
}

function parseTerm(filter: SignInFilter, stream: TokenStream): void {
  if (stream.peek()?.kind === "(") {
    if (filter.apps !== undefined) {
      throw invalidFilter(stream.filter, "more than one app condition");
    }
    parseOrGroup(filter, stream);
    return;
  }
  const property = stream.word();
  if (property === EVENT_TYPES_ANY) {
    parseEventTypes(filter, stream);
    return;
  }
  const operator = stream.word();
  if (
    property === "createdDateTime" &&
    (operator === "ge" || operator === "gt" || operator === "le" || operator === "lt")
  ) {
    const bound = operator.startsWith("g") ? "from" : "to";
    if (filter[bound] !== undefined) {
      throw invalidFilter(
        stream.filter,
        `two ${bound === "from" ? "lower" : "upper"} bounds on createdDateTime`,
      );
    }
    filter[bound] = { time: parseDate(stream), inclusive: operator.endsWith("e") };
  } else if (property === "userId" && operator === "eq" && filter.userId === undefined) {
    filter.userId = stream.string().toLowerCase();
  } else if (isEqualsProperty(property) && operator === "eq" && filter.equals?.[property] === undefined) {
    filter.equals = { ...filter.equals, [property]: stream.string().toLowerCase() };
  } else if (property === "appId" && operator === "in" && filter.apps === undefined) {
    parseIn(filter, stream);
  } else {
    throw invalidFilter(stream.filter, `'${property} ${operator}' is not supported here`);
  }
}

export function parseSignInFilter(text: string): SignInFilter {
  const stream = new TokenStream(tokenize(text), text);
  const filter: SignInFilter = {};
  parseTerm(filter, stream);
  while (!stream.done()) {
    stream.word("and");
    parseTerm(filter, stream);
  }
  return filter;
}

export function matchesSignIn(filter: SignInFilter, signIn: SignIn, time: number): boolean {
  if (
    filter.from !== undefined &&
    (filter.from.inclusive ? time < filter.from.time : time <= filter.from.time)
  ) {
    return false;
  }
  if (filter.to !== undefined && (filter.to.inclusive ? time > filter.to.time : time >= filter.to.time)) {
    return false;
  }
  if (filter.userId !== undefined && signIn.userId.toLowerCase() !== filter.userId) {
    return false;
  }
  const eventType = eventTypeOf(signIn);
  if (filter.eventTypes === undefined ? eventType !== "interactiveUser" : !filter.eventTypes.has(eventType)) {
    return false;
  }
  for (const [property, value] of Object.entries(filter.equals ?? {})) {
    if ((signIn[property as EqualsProperty] ?? "").toLowerCase() !== value) {
      return false;
    }
  }
  if (filter.apps !== undefined) {
    const app = signIn.appId.toLowerCase();
    const resource = (signIn.resourceId ?? "").toLowerCase();
    return filter.apps.appIds.has(app) || filter.apps.resourceIds.has(resource);
  }
  return true;
}
