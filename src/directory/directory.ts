import type { DataGap, UserFacts } from "../domain/facts";
import type {
  AuthenticationMethod,
  AuthenticationMethodsPolicy,
  GraphUser,
  PortalServicesSettings,
  SignIn,
  SignInActivity,
  SummarizedSignIn,
  TemporaryAccessPass,
  UnifiedRoleAssignment,
  UserRegistrationDetails,
} from "./graph-types";

/** A half-open look-back window, both ends included (DOMAIN.md rule 1). */
export interface TimeWindow {
  start: Date;
  end: Date;
}

/** Data the tenant may not be able to give (no Entra ID P1, a missing permission): a stream, or the gap. */
export type Readable<T> = { available: true; items: AsyncIterable<T> } | { available: false; gap: DataGap };

/** Sign-ins read for one check, newest first; what could not be read is named in dataGaps (never "none"). */
export interface SignInRead {
  signIns: SignIn[];
  dataGaps: DataGap[];
}

/** A workload identity as its owner names it: the application (client) id, or the service principal's object id. */
export type WorkloadIdentityRef = { appId: string } | { servicePrincipalId: string };

export interface TemporaryAccessPassRequest {
  lifetimeInMinutes: number;
  isUsableOnce: boolean;
}

/**
 * The port through which the product reads and writes a tenant, in the product's own terms. The Graph
 * implementation (graph-directory.ts) serves real Microsoft Graph and the Graph simulator alike.
 * Every method honours throttling and timeouts and throws a DirectoryError (errors.ts) on failure.
 */
export interface Directory {
  /** Every user, streamed page by page. */
  listUsers(): AsyncIterable<GraphUser>;
  /**
   * How many users the tenant has (GET /users/$count), for progress; undefined when the directory cannot
   * say. Optional so simple fakes need not implement it.
   */
  countUsers?(): Promise<number | undefined>;
  /**
   * Users whose display, given or surname starts with `name` (case-insensitive), at most `top` of them,
   * and how many matched in all when the directory says. Optional so simple fakes need not implement it.
   */
  findUsers?(name: string, top: number): Promise<{ users: GraphUser[]; total?: number }>;
  /** One user by object id or UPN; undefined when there is none. */
  getUser(idOrUpn: string): Promise<GraphUser | undefined>;
  /** Everyone's registration details (reports API, needs Entra ID P1). */
  listRegistrationDetails(): Promise<Readable<UserRegistrationDetails>>;
  /** Sign-ins in the window to any of the given client app ids or resource ids (needs Entra ID P1). */
  listSignIns(
    window: TimeWindow,
    scope: { appIds: string[]; resourceIds: string[] },
  ): Promise<Readable<SignIn>>;
  /**
   * Everyone's non-interactive in-scope sign-ins, summarised per user (by lower-case UPN), app, IP and day
   * (beta; needs Entra ID P1). Absent when listSignIns already holds the non-interactive ones (a snapshot).
   * A beta error is a gap, never a failed scan.
   */
  listNonInteractiveSummary?(scope: {
    appIds: string[];
    resourceIds: string[];
  }): Promise<Readable<SummarizedSignIn>>;
  /**
   * signInActivity of a few users (P1; 10 requests / minute: only for the users rule 6 needs it for),
   * by lower-case user id. Absent when the users already carry it (a snapshot).
   */
  getSignInActivity?(userIds: readonly string[]): Promise<Map<string, SignInActivity>>;
  /**
   * Typed methods of many users through $batch, paced adaptively: for tenants without the registration
   * report (no P1), where they are the only source. Absent where methods come otherwise (a snapshot).
   */
  readMethodsOf?(
    userIds: readonly string[],
    onProgress?: (done: number) => void,
  ): Promise<{
    methods: Map<string, AuthenticationMethod[]>;
    failed: Map<string, { reason: string; permission?: string }>;
  }>;
  /**
   * One account's user sign-ins to the in-scope apps and resource since `since`: interactive ones (v1.0) and
   * silent refreshes (beta nonInteractiveUser), newest first; gaps "signIns" / "nonInteractiveSignIns".
   */
  readAccountSignInsSince(userId: string, since: Date): Promise<SignInRead>;
  /**
   * A workload identity's sign-ins (service principal or managed identity, beta only) to Azure Resource
   * Manager since `since`, newest first; gap "workloadSignIns".
   */
  readWorkloadSignInsToArm(identity: WorkloadIdentityRef, since: Date): Promise<SignInRead>;
  /** All directory role assignments (optionally only those of one principal). */
  listRoleAssignments(principalId?: string): AsyncIterable<UnifiedRoleAssignment>;
  /** Member ids of one group, transitively. */
  listGroupMembers(groupId: string): AsyncIterable<string>;
  /** One user's typed authentication methods, live. */
  listMethods(userId: string): Promise<AuthenticationMethod[]>;
  getMethodsPolicy(): Promise<AuthenticationMethodsPolicy>;
  /**
   * Everything one status check needs about one user, in a single round trip ($batch): the user, methods,
   * in-window sign-ins, role assignments and group memberships; their registration details only when
   * methods or roles could not be read (a second round trip then). What could not be read is left
   * undefined and named in dataGaps. When `signal` aborts (a deadline passed), its waits and requests end
   * and it rejects with the signal's reason (a DirectoryError) or a "cancelled" DirectoryError.
   */
  getUserFacts(userId: string, window: TimeWindow, options?: { signal?: AbortSignal }): Promise<UserFacts>;
  createTemporaryAccessPass(
    userId: string,
    request: TemporaryAccessPassRequest,
  ): Promise<TemporaryAccessPass>;
  /** Installs the bot for a user (already installed is fine) and returns the personal chat id. */
  installAppForUser(userId: string, teamsAppId: string): Promise<{ chatId: string; newlyInstalled: boolean }>;
  /**
   * Installs the bot for a user and nothing more (one POST; 409 "already installed" is fine): a broadcast
   * then opens the chat through the Bot Connector, which costs no Graph call.
   */
  installApp(userId: string, teamsAppId: string): Promise<{ newlyInstalled: boolean }>;
  /** Azure Resource Manager Microsoft.PortalServices/settings/default. */
  getPortalSettings(): Promise<PortalServicesSettings>;
  putPortalSettings(settings: PortalServicesSettings): Promise<PortalServicesSettings>;
}
