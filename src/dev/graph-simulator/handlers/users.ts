import { SimulatorHttpError, notFound } from "../errors";
import { allowOptions, contextUrl, page, parseSelect, parseTop, project, requireEventualConsistency, selectFragment, wantsCount } from "../odata";
import type { Handler } from "../types";
import type { GraphUser } from "../../../directory/graph-types";

const CODE = "Request_BadRequest";

/** Properties of microsoft.graph.user that $select may name (the common ones; others are a 400 here). */
export const USER_PROPERTIES: ReadonlySet<string> = new Set([
  "id", "displayName", "userPrincipalName", "mail", "userType", "accountEnabled", "authorizationInfo",
  "givenName", "surname", "jobTitle", "department", "companyName", "mobilePhone", "businessPhones",
  "officeLocation", "preferredLanguage", "usageLocation", "createdDateTime", "employeeId",
  "onPremisesSyncEnabled", "onPremisesImmutableId", "creationType", "externalUserState", "otherMails",
  "proxyAddresses", "identities", "mailNickname",
]);

/** What Graph returns for a user when the request has no $select. */
const DEFAULT_PROPERTIES = [
  "businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation",
  "preferredLanguage", "surname", "userPrincipalName", "id",
];

export function projectUser(user: GraphUser, select: readonly string[] | undefined): Record<string, unknown> {
  const out = project(user, select ?? DEFAULT_PROPERTIES);
  if (out.businessPhones === null) {
    out.businessPhones = [];
  }
  return out;
}

export const listUsers: Handler = ({ request, state }) => {
  allowOptions(request, ["$select", "$top", "$count", "$skiptoken"], CODE);
  const select = parseSelect(request, USER_PROPERTIES, "microsoft.graph.user", CODE);
  return page(request, {
    items: state.users,
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
  const user = state.user(params.id!);
  if (user === undefined) {
    throw notFound(params.id!);
  }
  return {
    status: 200,
    body: { "@odata.context": contextUrl(request, `${selectFragment("users", select)}/$entity`), ...projectUser(user, select) },
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
