/**
 * Microsoft Graph application permissions, least privileged, per feature (DOMAIN.md "Graph: what to call").
 * `mfa-ready doctor` compares a token's `roles` claim with this table.
 */
export interface FeaturePermissions {
  feature: string;
  permissions: readonly string[];
  /** False when the product still works without it, with a data gap. */
  required: boolean;
}

export const FEATURE_PERMISSIONS: readonly FeaturePermissions[] = [
  { feature: "Read users and certificate bindings", permissions: ["User.Read.All"], required: true },
  { feature: "Everyone's registered methods (report)", permissions: ["AuditLog.Read.All"], required: false },
  { feature: "Sign-ins to in-scope apps", permissions: ["AuditLog.Read.All"], required: false },
  { feature: "One user's methods, live", permissions: ["UserAuthenticationMethod.Read.All"], required: true },
  { feature: "Directory roles", permissions: ["RoleManagement.Read.Directory"], required: true },
  { feature: "Authentication methods policy", permissions: ["Policy.Read.All"], required: true },
  {
    feature: "Group members (break-glass and service-account groups)",
    permissions: ["GroupMember.Read.All"],
    required: false,
  },
  {
    feature: "Issue a Temporary Access Pass",
    permissions: ["UserAuthenticationMethod.ReadWrite.All"],
    required: false,
  },
  {
    feature: "Register a passkey on behalf of a user",
    permissions: ["UserAuthMethod-Passkey.ReadWrite.All"],
    required: false,
  },
  {
    feature: "Install the bot for a user and find the chat",
    permissions: ["TeamsAppInstallation.ReadWriteSelfForUser.All"],
    required: false,
  },
];

/** Which permission a Graph path needs, for telling an admin exactly what to grant after a 403. */
export const PERMISSION_BY_PATH: ReadonlyArray<{ pattern: RegExp; permission: string }> = [
  { pattern: /^\/reports\/authenticationMethods\//, permission: "AuditLog.Read.All" },
  { pattern: /^\/auditLogs\/signIns/, permission: "AuditLog.Read.All" },
  {
    pattern: /^\/users\/[^/]+\/authentication\/temporaryAccessPassMethods/,
    permission: "UserAuthenticationMethod.ReadWrite.All",
  },
  {
    pattern: /^\/users\/[^/]+\/authentication\/fido2Methods\/creationOptions/,
    permission: "UserAuthMethod-Passkey.ReadWrite.All",
  },
  { pattern: /^\/users\/[^/]+\/authentication\//, permission: "UserAuthenticationMethod.Read.All" },
  { pattern: /^\/users\/[^/]+\/teamwork\//, permission: "TeamsAppInstallation.ReadWriteSelfForUser.All" },
  { pattern: /^\/roleManagement\/directory\//, permission: "RoleManagement.Read.Directory" },
  { pattern: /^\/policies\/authenticationMethodsPolicy/, permission: "Policy.Read.All" },
  { pattern: /^\/groups\/[^/]+\/(transitive)?[mM]embers/, permission: "GroupMember.Read.All" },
  { pattern: /^\/users\/[^/]+\/transitiveMemberOf/, permission: "GroupMember.Read.All" },
  { pattern: /^\/users/, permission: "User.Read.All" },
];

/** The Azure RBAC permission for the tenant's MFA enforcement settings (Azure Resource Manager, not Graph). */
export const PORTAL_SETTINGS_PERMISSION =
  "Microsoft.PortalServices/settings/write (Global Administrator with elevated access)";
