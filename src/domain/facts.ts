import type {
  AuthenticationMethod,
  AuthenticationMethodsPolicy,
  GraphUser,
  ProductTenantSettings,
  SignIn,
  UnifiedRoleAssignment,
  UserRegistrationDetails,
} from "../directory/graph-types";

/** Something the assessment could not read, and why (shown to the user and the admin). */
export interface DataGap {
  /** What is missing: "signIns", "registrationDetails", "methods", "roleAssignments", "policy", "groups", … */
  data: string;
  /** Why: "noPremium", "forbidden", "throttled", "timeout", "notInSnapshot", "notConfigured", … */
  reason: string;
  /** The Graph application permission an admin must grant, when that is the cause. */
  permission?: string;
}

/**
 * Everything known about one user, in Graph's shapes. `undefined` means "could not be read" (the gap is in
 * dataGaps), never "empty".
 */
export interface UserFacts {
  user: GraphUser;
  registration?: UserRegistrationDetails;
  methods?: AuthenticationMethod[];
  /** The user's sign-ins in (at least) the look-back window; the engine keeps the in-scope ones. */
  signIns?: SignIn[];
  roleAssignments?: UnifiedRoleAssignment[];
  /** Ids of the groups the user is a member of (transitively), among the groups the tenant's policy and settings name. */
  groupIds?: string[];
  dataGaps: DataGap[];
}

/** Tenant-wide inputs shared by every user's assessment. */
export interface TenantFacts {
  policy?: AuthenticationMethodsPolicy;
  settings: ProductTenantSettings;
  dataGaps: DataGap[];
}
