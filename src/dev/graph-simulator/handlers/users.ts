import type { GraphUser } from "../../../directory/graph-types";
import { nonPremium, notFound, SimulatorHttpError } from "../errors";
import { invalidFilter, tokenize, TokenStream } from "../filter-tokens";
import {
  allowOptions,
  contextUrl,
  page,
  parseSelect,
  parseTop,
  project,
  requireEventualConsistency,
  selectFragment,
  wantsCount,
} from "../odata";
import type { Handler, SimRequest } from "../types";

const CODE = "Request_BadRequest";

/** Properties of microsoft.graph.user that $select may name (the common ones; others are a 400 here). */
export const USER_PROPERTIES: ReadonlySet<string> = new Set([
  "id",
  "displayName",
  "userPrincipalName",
  "mail",
  "userType",
  "accountEnabled",
  "authorizationInfo",
  "givenName",
  "surname",
  "jobTitle",
  "department",
  "companyName",
  "mobilePhone",
  "businessPhones",
  "officeLocation",
  "preferredLanguage",
  "usageLocation",
  "createdDateTime",
  "employeeId",
  "onPremisesSyncEnabled",
  "onPremisesImmutableId",
  "creationType",
  "externalUserState",
  "otherMails",
  "proxyAddresses",
  "identities",
  "mailNickname",
  "signInActivity",
]);

/** signInActivity is P1 only, and a read that selects it has its own throttle (10 per minute). */
export const selectsSignInActivity = (request: SimRequest) =>
  (request.query.get("$select") ?? "").split(",").some((name) => name.trim() === "signInActivity");

function requireActivityLicence(request: SimRequest, premium: boolean): void {
  if (selectsSignInActivity(request) && !premium) {
    throw nonPremium();
  }
}

/** `id in ('a','b',…)` or `id eq 'a'`: the only user filter the product sends (a few users' signInActivity). */
function parseIdFilter(text: string): Set<string> {
  const stream = new TokenStream(tokenize(text, CODE), text, CODE);
  stream.word("id");
  const operator = stream.word();
  const ids = new Set<string>();
  if (operator === "eq") {
    ids.add(stream.string().toLowerCase());
  } else if (operator === "in") {
    stream.punct("(");
    ids.add(stream.string().toLowerCase());
    while (stream.peek()?.kind === ",") {
      stream.punct(",");
      ids.add(stream.string().toLowerCase());
    }
    stream.punct(")");
  } else {
    throw invalidFilter(text, `'id ${operator}' is not supported here`, CODE);
  }
  if (!stream.done()) {
    throw invalidFilter(text, "only one condition on id is supported here", CODE);
  }
  return ids;
}

/** Properties `startswith` may name on users (Graph: displayName, givenName, surname, mail, userPrincipalName). */
const STARTSWITH_PROPERTIES = ["displayName", "givenName", "surname", "mail", "userPrincipalName"] as const;
type PrefixProperty = (typeof STARTSWITH_PROPERTIES)[number];

/**
 * `startswith(displayName,'ben') or startswith(givenName,'ben') …`: a name search, matched as Graph does
 * (case-insensitive prefix of the property's value). Any other shape is a 400.
 */
function parsePrefixFilter(text: string): Array<{ property: PrefixProperty; prefix: string }> {
  const stream = new TokenStream(tokenize(text, CODE), text, CODE);
  const clauses: Array<{ property: PrefixProperty; prefix: string }> = [];
  do {
    if (clauses.length > 0) {
      stream.word("or");
    }
    const name = stream.word();
    if (name.toLowerCase() !== "startswith") {
      throw invalidFilter(text, `'${name}' is not supported here`, CODE);
    }
    stream.punct("(");
    const property = stream.word();
    if (!(STARTSWITH_PROPERTIES as readonly string[]).includes(property)) {
      throw invalidFilter(text, `startswith is not supported on '${property}'`, CODE);
    }
    stream.punct(",");
    const prefix = stream.string().toLowerCase();
    stream.punct(")");
    clauses.push({ property: property as PrefixProperty, prefix });
  } while (!stream.done());
  return clauses;
}

/** The users a $filter keeps: an id list, or a name search. */
function filterUsers(users: readonly GraphUser[], filter: string | null): readonly GraphUser[] {
  if (filter === null) {
    return users;
  }
  if (/^\s*startswith\s*\(/i.test(filter)) {
    const clauses = parsePrefixFilter(filter);
    return users.filter((user) =>
      clauses.some(({ property, prefix }) => {
        const value = (user as unknown as Record<string, unknown>)[property];
        return typeof value === "string" && value.toLowerCase().startsWith(prefix);
      }),
    );
  }
  const ids = parseIdFilter(filter);
  return users.filter((user) => ids.has(user.id.toLowerCase()));
}

/** What Graph returns for a user when the request has no $select. */
const DEFAULT_PROPERTIES = [
  "businessPhones",
  "displayName",
  "givenName",
  "jobTitle",
  "mail",
  "mobilePhone",
  "officeLocation",
  "preferredLanguage",
  "surname",
  "userPrincipalName",
  "id",
];

export function projectUser(user: GraphUser, select: readonly string[] | undefined): Record<string, unknown> {
  const out = project(user, select ?? DEFAULT_PROPERTIES);
  if (out.businessPhones === null) {
    out.businessPhones = [];
  }
  return out;
}

export const listUsers: Handler = ({ request, state }) => {
  allowOptions(request, ["$select", "$top", "$count", "$skiptoken", "$filter"], CODE);
  const select = parseSelect(request, USER_PROPERTIES, "microsoft.graph.user", CODE);
  requireActivityLicence(request, state.tenant.premium);
  return page(request, {
    items: filterUsers(state.users, request.query.get("$filter")),
    top: parseTop(request, { max: 999, fallback: 100 }, CODE),
    count: wantsCount(request, CODE),
    context: selectFragment("users", select),
    map: (user) => projectUser(user, select),
    errorCode: CODE,
  });
};

export const countUsers: Handler = ({ request, state }) => {
  allowOptions(request, [], CODE);
  requireEventualConsistency(request, CODE);
  return { status: 200, headers: { "content-type": "text/plain" }, body: String(state.users.length) };
};

export const getUser: Handler = ({ request, params, state }) => {
  allowOptions(request, ["$select"], CODE);
  const select = parseSelect(request, USER_PROPERTIES, "microsoft.graph.user", CODE);
  requireActivityLicence(request, state.tenant.premium);
  const user = state.user(params.id!);
  if (user === undefined) {
    throw notFound(params.id!);
  }
  return {
    status: 200,
    body: {
      "@odata.context": contextUrl(request, `${selectFragment("users", select)}/$entity`),
      ...projectUser(user, select),
    },
  };
};

/** The user named in the path, or Graph's 404. */
export function requireUser(state: { user(id: string): GraphUser | undefined }, id: string): GraphUser {
  const user = state.user(id);
  if (user === undefined) {
    throw notFound(id);
  }
  return user;
}

export const unsupported = (message: string) => new SimulatorHttpError(400, CODE, message);
