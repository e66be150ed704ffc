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
 * The data gap that says the user's non-interactive sign-ins could not be read (beta failed, or the source
 * holds interactive ones only): their `signIns` are then interactive only, and rule 6's "none is
 * interactive" test does not apply.
 */
export const NON_INTERACTIVE_SIGN_INS = "nonInteractiveSignIns";

/**
 * Everything known about one user, in Graph's shapes. `undefined` means "could not be read" (the gap is in
 * dataGaps), never "empty".
 */
export interface UserFacts {
  user: GraphUser;
  registration?: UserRegistrationDetails;
  methods?: AuthenticationMethod[];
  /**
   * The user's sign-ins in (at least) the look-back window, interactive and non-interactive (unless a
   * NON_INTERACTIVE_SIGN_INS gap says otherwise); the engine keeps the in-scope ones. `user.signInActivity`,
   * when read, tells rule 6 whether the person signed in interactively to anything else.
   */
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
