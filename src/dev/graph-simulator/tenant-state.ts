import type {
  AuthenticationMethod,
  AuthenticationMethodsPolicy,
  GraphUser,
  PortalServicesSettings,
  SignIn,
  SnapshotGroup,
  TenantSnapshot,
  UnifiedRoleAssignment,
  UserRegistrationDetails,
} from "../../directory/graph-types";

interface TimedSignIn {
  signIn: SignIn;
  time: number;
}

const key = (id: string) => id.toLowerCase();

/**
 * The tenant the simulator serves: a private copy of the snapshot plus the indexes that keep a
 * 100k-user tenant fast, and what the product writes (passes, installed apps, portal settings).
 * An undefined collection means the snapshot lacks that key: the data cannot be read.
 */
export class TenantState {
  readonly tenant: TenantSnapshot["tenant"];
  readonly capturedAt: string;
  readonly users: GraphUser[];
  readonly registrationDetails?: UserRegistrationDetails[];
  readonly methods?: Map<string, AuthenticationMethod[]>;
  readonly roleAssignments?: UnifiedRoleAssignment[];
  readonly groups?: Map<string, SnapshotGroup>;
  readonly policy?: AuthenticationMethodsPolicy;
  portalSettings?: PortalServicesSettings;
  /** user id -> Teams app ids installed for that user. */
  readonly installedApps = new Map<string, Set<string>>();

  private readonly usersByKey = new Map<string, GraphUser>();
  private readonly registrationByKey = new Map<string, UserRegistrationDetails>();
  /** Newest first, as Graph sorts sign-ins. */
  private signIns?: TimedSignIn[];
  private readonly queryCache = new Map<string, SignIn[]>();
  private readonly memberCache = new Map<string, Set<string>>();

  /**
   * `shiftMs` moves every sign-in by that much (the demo passes now − capturedAt so its month of
   * activity always ends today); 0 serves the snapshot's dates as they are.
   */
  constructor(snapshot: TenantSnapshot, shiftMs = 0) {
    const copy = structuredClone(snapshot);
    if (shiftMs !== 0) {
      for (const signIn of copy.signIns ?? []) {
        signIn.createdDateTime = new Date(Date.parse(signIn.createdDateTime) + shiftMs)
          .toISOString()
          .replace(/\.\d{3}Z$/, "Z");
      }
    }
    this.tenant = copy.tenant;
    this.capturedAt = copy.capturedAt;
    this.users = copy.users;
    for (const user of this.users) {
      this.usersByKey.set(key(user.id), user);
      this.usersByKey.set(key(user.userPrincipalName), user);
    }
    this.registrationDetails = copy.userRegistrationDetails;
    for (const details of this.registrationDetails ?? []) {
      this.registrationByKey.set(key(details.id), details);
    }
    if (copy.authenticationMethods !== undefined) {
      this.methods = new Map(Object.entries(copy.authenticationMethods).map(([id, list]) => [key(id), list]));
    }
    if (copy.signIns !== undefined) {
      this.signIns = copy.signIns.map((signIn) => ({ signIn, time: Date.parse(signIn.createdDateTime) }));
      this.signIns.sort((a, b) => b.time - a.time);
    }
    this.roleAssignments = copy.roleAssignments;
    if (copy.groups !== undefined) {
      this.groups = new Map(copy.groups.map((group) => [key(group.id), group]));
    }
    this.policy = copy.authenticationMethodsPolicy;
    this.portalSettings = copy.portalServicesSettings;
  }

  /** By object id or userPrincipalName, case-insensitively. */
  user(idOrUpn: string): GraphUser | undefined {
    return this.usersByKey.get(key(idOrUpn));
  }

  registration(id: string): UserRegistrationDetails | undefined {
    return this.registrationByKey.get(key(id));
  }

  methodsOf(userId: string): AuthenticationMethod[] | undefined {
    if (this.methods === undefined) {
      return undefined;
    }
    let list = this.methods.get(key(userId));
    if (list === undefined) {
      list = [];
      this.methods.set(key(userId), list);
    }
    return list;
  }

  hasSignIns(): boolean {
    return this.signIns !== undefined;
  }

  /** Sign-ins that pass `match`, newest first; cached per filter text until the sign-ins change. */
  querySignIns(cacheKey: string, match: (signIn: SignIn, time: number) => boolean): SignIn[] {
    const cached = this.queryCache.get(cacheKey);
    if (cached !== undefined) {
      return cached;
    }
    const result = (this.signIns ?? [])
      .filter((entry) => match(entry.signIn, entry.time))
      .map((entry) => entry.signIn);
    if (this.queryCache.size >= 32) {
      this.queryCache.clear();
    }
    this.queryCache.set(cacheKey, result);
    return result;
  }

  addSignIn(signIn: SignIn): void {
    this.signIns ??= [];
    const time = Date.parse(signIn.createdDateTime);
    const at = this.signIns.findIndex((entry) => entry.time < time);
    this.signIns.splice(at === -1 ? this.signIns.length : at, 0, { signIn, time });
    this.queryCache.clear();
  }

  /** Direct members, then members of nested groups; each id once, lower case. Groups do not change. */
  transitiveMembers(groupId: string): Set<string> {
    const cached = this.memberCache.get(key(groupId));
    if (cached !== undefined) {
      return cached;
    }
    const seen = new Set<string>();
    const visit = (id: string) => {
      for (const member of this.groups?.get(key(id))?.members ?? []) {
        if (!seen.has(key(member))) {
          seen.add(key(member));
          visit(member);
        }
      }
    };
    visit(groupId);
    this.memberCache.set(key(groupId), seen);
    return seen;
  }

  /** The groups a user or group belongs to, directly or through nesting. */
  transitiveMemberOf(id: string): SnapshotGroup[] {
    return [...(this.groups?.values() ?? [])].filter((group) =>
      this.transitiveMembers(group.id).has(key(id)),
    );
  }
}
