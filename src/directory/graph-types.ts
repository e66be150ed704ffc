/**
 * Microsoft Graph v1.0 resource shapes, as Graph returns them, limited to the properties the product
 * reads. A tenant snapshot (shared/TENANT-SNAPSHOT.md) holds these same objects.
 */

/** microsoft.graph.user */
export interface GraphUser {
  id: string;
  displayName?: string | null;
  userPrincipalName: string;
  mail?: string | null;
  userType?: "Member" | "Guest" | "member" | "guest" | string | null;
  accountEnabled?: boolean | null;
  authorizationInfo?: { certificateUserIds?: string[] | null } | null;
  /** The user's language (BCP 47, "fr-FR"): a proactive message's language when no chat tells it. */
  preferredLanguage?: string | null;
  /** P1 only, and only when $select asks for it (10 requests / minute): last sign-ins to any app. */
  signInActivity?: SignInActivity | null;
}

/** microsoft.graph.signInActivity: the user's last sign-ins to any app, interactive and not. */
export interface SignInActivity {
  lastSignInDateTime?: string | null;
  lastNonInteractiveSignInDateTime?: string | null;
}

/** microsoft.graph.userRegistrationDetails */
export interface UserRegistrationDetails {
  id: string;
  userPrincipalName: string;
  userDisplayName?: string | null;
  userType?: string | null;
  isAdmin?: boolean | null;
  isMfaRegistered?: boolean | null;
  isMfaCapable?: boolean | null;
  isPasswordlessCapable?: boolean | null;
  methodsRegistered: string[];
  lastUpdatedDateTime?: string | null;
}

/** microsoft.graph.authenticationMethod and its derived types, told apart by "@odata.type". */
export interface AuthenticationMethod {
  "@odata.type": string;
  id: string;
  createdDateTime?: string | null;
  displayName?: string | null;
  [property: string]: unknown;
}

/** microsoft.graph.signIn */
export interface SignIn {
  id: string;
  createdDateTime: string;
  userId: string;
  userPrincipalName?: string | null;
  userDisplayName?: string | null;
  appId: string;
  appDisplayName?: string | null;
  resourceId?: string | null;
  resourceDisplayName?: string | null;
  isInteractive?: boolean | null;
  /** Beta only: "interactiveUser", "nonInteractiveUser", "servicePrincipal", "managedIdentity", … */
  signInEventTypes?: string[] | null;
  /**
   * A workload identity's sign-in (beta only, signInEventTypes servicePrincipal or managedIdentity): the
   * service principal that signed in. Its userId is empty and appId is the identity's own app id.
   */
  servicePrincipalId?: string | null;
  servicePrincipalName?: string | null;
  /** Beta: how a workload identity proved itself ("certificate", "federatedIdentityCredential", "managedIdentity", …). */
  clientCredentialType?: string | null;
  authenticationProtocol?: string | null;
  ipAddress?: string | null;
  authenticationRequirement?: string | null;
  clientAppUsed?: string | null;
  status?: { errorCode?: number | null; failureReason?: string | null } | null;
  /**
   * Not a Graph property: a sign-in made from a summarised row (beta summarizedSignIn) stands for this many
   * sign-ins of that user, app and day. Absent means one.
   */
  signInCount?: number;
}

/**
 * beta microsoft.graph.summarizedSignIn (getSummarizedNonInteractiveSignIns): one row per user × app × IP ×
 * aggregation window, with no user id; userPrincipalName is lower case, a guest's is its home UPN.
 */
export interface SummarizedSignIn {
  id: string;
  userPrincipalName: string;
  userDisplayName?: string | null;
  appId: string;
  appDisplayName?: string | null;
  resourceId?: string | null;
  resourceDisplayName?: string | null;
  ipAddress?: string | null;
  signInCount: number;
  firstSignInDateTime: string;
  aggregationDateTime: string;
  status?: { errorCode?: number | null } | null;
}

/** microsoft.graph.unifiedRoleAssignment; roleDefinitionId is the role template id for built-in roles. */
export interface UnifiedRoleAssignment {
  id: string;
  principalId: string;
  roleDefinitionId: string;
  directoryScopeId?: string | null;
}

/** A group, as the snapshot holds it: Graph's group with its member ids. */
export interface SnapshotGroup {
  id: string;
  displayName?: string | null;
  members: string[];
}

/** microsoft.graph.authenticationMethodTarget (include/exclude targets of a method configuration). */
export interface AuthenticationMethodTarget {
  targetType: "group" | "user" | string;
  id: string;
  isRegistrationRequired?: boolean;
  [property: string]: unknown;
}

/** microsoft.graph.authenticationMethodConfiguration and derived types. */
export interface AuthenticationMethodConfiguration {
  "@odata.type"?: string;
  id: string;
  state: "enabled" | "disabled" | string;
  includeTargets?: AuthenticationMethodTarget[];
  excludeTargets?: Array<{ targetType: string; id: string }>;
  [property: string]: unknown;
}

/** microsoft.graph.authenticationMethodsPolicy */
export interface AuthenticationMethodsPolicy {
  id?: string;
  displayName?: string;
  policyVersion?: string;
  policyMigrationState?: string;
  authenticationMethodConfigurations: AuthenticationMethodConfiguration[];
}

/** microsoft.graph.temporaryAccessPassAuthenticationMethod, as the POST answers it. */
export interface TemporaryAccessPass {
  id: string;
  temporaryAccessPass: string;
  createdDateTime: string;
  startDateTime: string;
  lifetimeInMinutes: number;
  isUsableOnce: boolean;
  isUsable: boolean;
  methodUsabilityReason?: string;
}

/** The ARM resource Microsoft.PortalServices/settings/default (preview API). */
export interface PortalServicesSettings {
  id?: string;
  name?: string;
  type?: string;
  properties: {
    multiFactorAuthentication?: {
      portalEnforcement?: "Default" | "OptOut" | "Enforce" | string;
      portalEnforcementDate?: string | null;
      portalJustification?: string | null;
      armEnforcementDate?: string | null;
      armJustification?: string | null;
    };
    [property: string]: unknown;
  };
}

/** A whole tenant snapshot (shared/TENANT-SNAPSHOT.md). A missing key means the data could not be read. */
export interface TenantSnapshot {
  capturedAt: string;
  tenant: { id: string; displayName: string; premium: boolean };
  settings: ProductTenantSettings;
  users: GraphUser[];
  userRegistrationDetails?: UserRegistrationDetails[];
  authenticationMethods?: Record<string, AuthenticationMethod[]>;
  signIns?: SignIn[];
  roleAssignments?: UnifiedRoleAssignment[];
  groups?: SnapshotGroup[];
  authenticationMethodsPolicy?: AuthenticationMethodsPolicy;
  portalServicesSettings?: PortalServicesSettings;
}

/** The product's own per-tenant settings: accounts named by UPN or by group id. */
export interface ProductTenantSettings {
  breakGlassAccounts: string[];
  serviceAccounts: string[];
}
