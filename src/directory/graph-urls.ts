import type { TimeWindow } from "./directory";

/** The exact Graph requests the product makes (the simulator serves the same), relative to /v1.0. */

const q = encodeURIComponent;
const USER_SELECT =
  "id,displayName,userPrincipalName,mail,userType,accountEnabled,authorizationInfo,preferredLanguage";

/** Beta's lambda over signInEventTypes: the clause that makes it return non-interactive user sign-ins too. */
export const USER_EVENT_TYPES_CLAUSE =
  "signInEventTypes/any(t: t eq 'interactiveUser' or t eq 'nonInteractiveUser')";

/** Beta's lambda for the sign-ins of service principals and managed identities (never user sign-ins). */
export const WORKLOAD_EVENT_TYPES_CLAUSE =
  "signInEventTypes/any(t: t eq 'servicePrincipal' or t eq 'managedIdentity')";

/** OData string literal: single quotes doubled. */
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

export const graphUrls = {
  users: () => `/users?$select=${USER_SELECT}&$top=999`,
  user: (idOrUpn: string) => `/users/${q(idOrUpn)}?$select=${USER_SELECT}`,
  /**
   * Users whose name starts with the words asked for ("ben", "ben carter"): display, given or surname.
   * $count=true with the ConsistencyLevel: eventual header makes it an advanced query, as Graph asks for
   * an `or` of startswith clauses; the count says how many matched beyond the page.
   */
  userSearch: (name: string, top: number) =>
    `/users?$select=${USER_SELECT}&$count=true&$top=${top}&$filter=${q(
      ["displayName", "givenName", "surname"]
        .map((property) => `startswith(${property},${literal(name)})`)
        .join(" or "),
    )}`,
  /** The number of users (needs the ConsistencyLevel: eventual header); answered as text/plain. */
  userCount: () => `/users/$count`,
  /** Cheap reachability probe (User.Read.All, which the product needs anyway). */
  health: () => `/users?$select=id&$top=1`,
  registrationDetails: () => `/reports/authenticationMethods/userRegistrationDetails?$top=999`,
  registrationDetail: (userId: string) =>
    `/reports/authenticationMethods/userRegistrationDetails/${q(userId)}`,
  /** One query for every in-scope app and resource; no $select, since signIns ignores it for some fields. */
  signIns: (
    window: TimeWindow,
    scope: { appIds: readonly string[]; resourceIds: readonly string[] },
    userId?: string,
  ) => `/auditLogs/signIns?$top=1000&$filter=${q(signInFilter(window, scope, userId))}`,
  /**
   * Beta only (a path under /beta): one user's in-scope sign-ins, interactive and non-interactive, in one
   * query. Without the signInEventTypes clause beta too answers interactive ones only.
   */
  userSignInsBeta: (
    window: TimeWindow,
    scope: { appIds: readonly string[]; resourceIds: readonly string[] },
    userId: string,
  ) =>
    `/auditLogs/signIns?$top=1000&$filter=${q(`${signInFilter(window, scope, userId)} and ${USER_EVENT_TYPES_CLAUSE}`)}`,
  /** Beta only: everyone's non-interactive sign-ins, one row per user × app × IP × UTC day. */
  nonInteractiveSummary: (scope: { appIds: readonly string[]; resourceIds: readonly string[] }) => {
    const apps = [
      ...scope.appIds.map((id) => `appId eq ${literal(id)}`),
      ...scope.resourceIds.map((id) => `resourceId eq ${literal(id)}`),
    ];
    const filter = apps.length === 0 ? "" : `&$filter=${q(apps.join(" or "))}`;
    return `/auditLogs/getSummarizedNonInteractiveSignIns(aggregationWindow='d1')?$top=1000${filter}`;
  },
  /**
   * One account's in-scope user sign-ins since a moment, newest first: interactive ones from v1.0, or with
   * `nonInteractive` (a path under /beta) the silent refreshes, which only beta's signInEventTypes clause shows.
   */
  accountSignInsSince: (
    userId: string,
    since: Date,
    scope: { appIds: readonly string[]; resourceIds: readonly string[] },
    nonInteractive: boolean,
  ) => {
    const apps = [
      ...scope.appIds.map((id) => `appId eq ${literal(id)}`),
      ...scope.resourceIds.map((id) => `resourceId eq ${literal(id)}`),
    ];
    const parts = [`createdDateTime ge ${since.toISOString()}`, `userId eq ${literal(userId)}`];
    if (apps.length > 0) {
      parts.push(`(${apps.join(" or ")})`);
    }
    if (nonInteractive) {
      parts.push("signInEventTypes/any(t: t eq 'nonInteractiveUser')");
    }
    return `/auditLogs/signIns?$top=1000&$filter=${q(parts.join(" and "))}`;
  },
  /**
   * Beta only: a workload identity's sign-ins to one resource since a moment, by its app id or its service
   * principal's object id. Graph lists them only when signInEventTypes names servicePrincipal or managedIdentity.
   */
  workloadSignInsSince: (
    identity: { appId: string } | { servicePrincipalId: string },
    resourceId: string,
    since: Date,
  ) => {
    const who =
      "appId" in identity
        ? `appId eq ${literal(identity.appId)}`
        : `servicePrincipalId eq ${literal(identity.servicePrincipalId)}`;
    return `/auditLogs/signIns?$top=1000&$filter=${q(
      `createdDateTime ge ${since.toISOString()} and ${who} and resourceId eq ${literal(resourceId)} and ${WORKLOAD_EVENT_TYPES_CLAUSE}`,
    )}`;
  },
  /** P1; its own throttle (10 requests / minute): read only for the users rule 6 needs it for. */
  signInActivity: (userIds: readonly string[]) =>
    `/users?$select=id,signInActivity&$filter=${q(`id in (${userIds.map(literal).join(",")})`)}`,
  roleAssignments: (principalId?: string) =>
    principalId === undefined
      ? `/roleManagement/directory/roleAssignments`
      : `/roleManagement/directory/roleAssignments?$filter=${q(`principalId eq ${literal(principalId)}`)}`,
  groupMembers: (groupId: string) =>
    `/groups/${q(groupId)}/transitiveMembers/microsoft.graph.user?$select=id&$top=999`,
  userGroups: (userId: string) =>
    `/users/${q(userId)}/transitiveMemberOf/microsoft.graph.group?$select=id&$top=999`,
  methods: (userId: string) => `/users/${q(userId)}/authentication/methods`,
  methodsPolicy: () => `/policies/authenticationMethodsPolicy`,
  temporaryAccessPass: (userId: string) => `/users/${q(userId)}/authentication/temporaryAccessPassMethods`,
  installedApps: (userId: string) => `/users/${q(userId)}/teamwork/installedApps`,
  installedAppByTeamsApp: (userId: string, teamsAppId: string) =>
    `/users/${q(userId)}/teamwork/installedApps?$expand=teamsApp&$filter=${q(`teamsApp/id eq ${literal(teamsAppId)}`)}`,
  installedAppChat: (userId: string, installationId: string) =>
    `/users/${q(userId)}/teamwork/installedApps/${q(installationId)}/chat`,
};

/** createdDateTime ge START and createdDateTime le END and (appId eq 'A' or … or resourceId eq 'R') [and userId eq 'U'] */
export function signInFilter(
  window: TimeWindow,
  scope: { appIds: readonly string[]; resourceIds: readonly string[] },
  userId?: string,
): string {
  const apps = [
    ...scope.appIds.map((id) => `appId eq ${literal(id)}`),
    ...scope.resourceIds.map((id) => `resourceId eq ${literal(id)}`),
  ];
  const parts = [
    `createdDateTime ge ${window.start.toISOString()}`,
    `createdDateTime le ${window.end.toISOString()}`,
  ];
  if (apps.length > 0) {
    parts.push(`(${apps.join(" or ")})`);
  }
  if (userId !== undefined) {
    parts.push(`userId eq ${literal(userId)}`);
  }
  return parts.join(" and ");
}

/** The stable api-version of Microsoft.PortalServices/settings, and the preview used only when it is refused. */
export const PORTAL_SETTINGS_API_VERSIONS = ["2025-11-01", "2025-04-01-preview"] as const;

/** ARM: the tenant's mandatory-MFA enforcement settings. */
export function portalSettingsUrl(
  armBaseUrl: string,
  apiVersion: (typeof PORTAL_SETTINGS_API_VERSIONS)[number] = PORTAL_SETTINGS_API_VERSIONS[0],
): string {
  return `${armBaseUrl.replace(/\/+$/, "")}/providers/Microsoft.PortalServices/settings/default?api-version=${apiVersion}`;
}
