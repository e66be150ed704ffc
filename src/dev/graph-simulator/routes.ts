import { listGroupMembers, listMemberOf } from "./handlers/groups";
import { listMethods, listTypedMethods, TYPED_COLLECTIONS } from "./handlers/methods";
import { getMethodsPolicy } from "./handlers/policy";
import { getPortalSettings, putPortalSettings } from "./handlers/portal-settings";
import { getRegistrationDetails, listRegistrationDetails } from "./handlers/reports";
import { listRoleAssignments } from "./handlers/role-assignments";
import { listSignIns } from "./handlers/sign-ins";
import { listSummarizedSignIns } from "./handlers/summarized-sign-ins";
import { getInstallationChat, installApp, listInstalledApps } from "./handlers/teamwork";
import { createTemporaryAccessPass } from "./handlers/temporary-access-pass";
import { countUsers, getUser, listUsers, selectsSignInActivity } from "./handlers/users";
import type { Route, SimRequest, ThrottleFamily } from "./types";

const userFamily = (request: SimRequest): ThrottleFamily =>
  selectsSignInActivity(request) ? "signInActivity" : "global";

const ID = "(?<id>[^/]+)";
const TYPED = `(?<collection>${Object.keys(TYPED_COLLECTIONS).join("|")})`;

/** Every Graph and ARM call the simulator answers: the ones the product makes, and nothing else. */
export const ROUTES: readonly Route[] = [
  { method: "GET", pattern: /^\/v1\.0\/users$/, name: "GET /users", family: userFamily, handler: listUsers },
  {
    method: "GET",
    pattern: /^\/v1\.0\/users\/\$count$/,
    name: "GET /users/$count",
    family: "global",
    handler: countUsers,
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1\\.0/users/${ID}$`),
    name: "GET /users/{id}",
    family: userFamily,
    handler: getUser,
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1\\.0/users/${ID}/authentication/methods$`),
    name: "GET /users/{id}/authentication/methods",
    family: "global",
    handler: listMethods,
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1\\.0/users/${ID}/authentication/${TYPED}$`),
    name: "GET /users/{id}/authentication/{typed}",
    family: "global",
    handler: listTypedMethods,
  },
  {
    method: "POST",
    pattern: new RegExp(`^/v1\\.0/users/${ID}/authentication/temporaryAccessPassMethods$`),
    name: "POST /users/{id}/authentication/temporaryAccessPassMethods",
    family: "global",
    handler: createTemporaryAccessPass,
  },
  {
    method: "GET",
    pattern: new RegExp(
      `^/v1\\.0/users/${ID}/(?<relation>memberOf|transitiveMemberOf)(/(?<cast>microsoft\\.graph\\.group))?$`,
    ),
    name: "GET /users/{id}/transitiveMemberOf",
    family: "global",
    handler: listMemberOf,
  },
  {
    method: "POST",
    pattern: new RegExp(`^/v1\\.0/users/${ID}/teamwork/installedApps$`),
    name: "POST /users/{id}/teamwork/installedApps",
    family: "teamsAppInstall",
    handler: installApp,
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1\\.0/users/${ID}/teamwork/installedApps$`),
    name: "GET /users/{id}/teamwork/installedApps",
    family: "teamsAppRead",
    handler: listInstalledApps,
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1\\.0/users/${ID}/teamwork/installedApps/(?<installationId>[^/]+)/chat$`),
    name: "GET /users/{id}/teamwork/installedApps/{id}/chat",
    family: "teamsAppRead",
    handler: getInstallationChat,
  },
  {
    method: "GET",
    pattern: /^\/v1\.0\/reports\/authenticationMethods\/userRegistrationDetails$/,
    name: "GET /reports/authenticationMethods/userRegistrationDetails",
    family: "reports",
    handler: listRegistrationDetails,
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1\\.0/reports/authenticationMethods/userRegistrationDetails/${ID}$`),
    name: "GET /reports/authenticationMethods/userRegistrationDetails/{id}",
    family: "reports",
    handler: getRegistrationDetails,
  },
  {
    method: "GET",
    pattern: /^\/v1\.0\/auditLogs\/signIns$/,
    name: "GET /auditLogs/signIns",
    family: "reports",
    handler: listSignIns,
  },
  {
    method: "GET",
    pattern: /^\/beta\/auditLogs\/signIns$/,
    name: "GET /beta/auditLogs/signIns",
    family: "reports",
    handler: listSignIns,
  },
  {
    method: "GET",
    pattern:
      /^\/beta\/auditLogs\/getSummarizedNonInteractiveSignIns\(aggregationWindow='(?<window>[^']*)'\)$/,
    name: "GET /beta/auditLogs/getSummarizedNonInteractiveSignIns",
    family: "reports",
    handler: listSummarizedSignIns,
  },
  {
    method: "GET",
    pattern: /^\/v1\.0\/roleManagement\/directory\/roleAssignments$/,
    name: "GET /roleManagement/directory/roleAssignments",
    family: "global",
    handler: listRoleAssignments,
  },
  {
    method: "GET",
    pattern: new RegExp(
      `^/v1\\.0/groups/${ID}/(?<relation>members|transitiveMembers)(/(?<cast>microsoft\\.graph\\.user))?$`,
    ),
    name: "GET /groups/{id}/transitiveMembers",
    family: "global",
    handler: listGroupMembers,
  },
  {
    method: "GET",
    pattern: /^\/v1\.0\/policies\/authenticationMethodsPolicy$/,
    name: "GET /policies/authenticationMethodsPolicy",
    family: "global",
    handler: getMethodsPolicy,
  },
  {
    method: "GET",
    pattern: /^\/providers\/Microsoft\.PortalServices\/settings\/default$/i,
    name: "GET ARM portal settings",
    family: "global",
    handler: getPortalSettings,
  },
  {
    method: "PUT",
    pattern: /^\/providers\/Microsoft\.PortalServices\/settings\/default$/i,
    name: "PUT ARM portal settings",
    family: "global",
    handler: putPortalSettings,
  },
];

export interface RouteMatch {
  route?: Route;
  params: Record<string, string>;
  /** The path exists but not for this method. */
  methodNotAllowed: boolean;
}

export function matchRoute(method: string, path: string): RouteMatch {
  let methodNotAllowed = false;
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (match === null) {
      continue;
    }
    if (route.method !== method) {
      methodNotAllowed = true;
      continue;
    }
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(match.groups ?? {})) {
      if (value !== undefined) {
        params[name] = decodeURIComponent(value);
      }
    }
    return { route, params, methodNotAllowed: false };
  }
  return { params: {}, methodNotAllowed };
}
