import type { Directory, Readable, TimeWindow } from "../../directory/directory";
import { referencedGroupIds } from "../../directory/directory-snapshot";
import { DirectoryError } from "../../directory/errors";
import type { AuthenticationMethodsPolicy, ProductTenantSettings, SignIn, UnifiedRoleAssignment } from "../../directory/graph-types";
import { AZURE_SERVICE_MANAGEMENT_RESOURCE_ID, IN_SCOPE_APPS } from "../../domain/apps";
import type { DataGap, TenantFacts, UserFacts } from "../../domain/facts";
import { abortable, untilAborted } from "./abortable";
import { compactSignIn } from "./compact-sign-in";
import { joinRegistrations } from "./user-registration-join";

export type ScanDirectory = Pick<
  Directory,
  "listUsers" | "countUsers" | "listRegistrationDetails" | "listSignIns" | "listRoleAssignments" | "listGroupMembers" | "getMethodsPolicy"
>;

export interface TenantStreamOptions {
  window: TimeWindow;
  settings: ProductTenantSettings;
  signal?: AbortSignal;
  /** Called as data arrives: how many in-scope sign-ins have been read so far. */
  onSignIns?: (read: number) => void;
}

export interface TenantStream {
  tenant: TenantFacts;
  /** From GET /users/$count; undefined when the directory cannot say. */
  usersTotal?: number;
  /** Every user's facts, in Graph's order, one at a time. */
  users(): AsyncGenerator<UserFacts>;
}

const SCOPE = { appIds: IN_SCOPE_APPS.map((app) => app.appId), resourceIds: [AZURE_SERVICE_MANAGEMENT_RESOURCE_ID] };

function push<T>(index: Map<string, T[]>, key: string, item: T): void {
  const list = index.get(key);
  if (list === undefined) {
    index.set(key, [item]);
  } else {
    list.push(item);
  }
}

async function readable<T>(answer: Readable<T>, key: string, gaps: Record<string, DataGap>): Promise<AsyncIterable<T> | undefined> {
  if (!answer.available) {
    gaps[key] = { ...answer.gap, data: key };
    return undefined;
  }
  return answer.items;
}

async function readPolicy(directory: ScanDirectory, gaps: Record<string, DataGap>): Promise<AuthenticationMethodsPolicy | undefined> {
  try {
    return await directory.getMethodsPolicy();
  } catch (error) {
    if (!(error instanceof DirectoryError)) {
      throw error;
    }
    gaps.policy = { data: "policy", reason: error.reason, permission: error.permission };
    return undefined;
  }
}

/**
 * The whole tenant through the Directory port's streams, joined per user the way `mfa-ready assess` joins
 * a live tenant (readDirectorySnapshot + snapshotFacts, so both give the same verdicts and the same CSV),
 * without holding the tenant: the in-scope sign-ins of the window (reduced to what the rules read), the
 * role assignments and the members of the named groups are indexed by user; users and their registration
 * rows then stream side by side. The sign-ins are read first so the reports family (5 requests / 10 s)
 * is never idle: registration pages follow them at once.
 */
export async function openTenantStream(directory: ScanDirectory, options: TenantStreamOptions): Promise<TenantStream> {
  const { window, settings, signal } = options;
  const gaps: Record<string, DataGap> = {};
  const endMs = window.end.getTime();
  const evidenceWindow = { startMs: window.start.getTime(), endMs };

  const signInsByUser = new Map<string, SignIn[]>();
  const readSignIns = async (): Promise<boolean> => {
    const items = await readable(await untilAborted(directory.listSignIns(window, SCOPE), signal), "signIns", gaps);
    if (items === undefined) {
      return false;
    }
    let read = 0;
    for await (const signIn of abortable(items, signal)) {
      read += 1;
      const kept = compactSignIn(signIn, evidenceWindow);
      if (kept !== undefined) {
        push(signInsByUser, signIn.userId.toLowerCase(), kept);
      }
      if (read % 1000 === 0) {
        options.onSignIns?.(read);
      }
    }
    options.onSignIns?.(read);
    return true;
  };
  const readRoles = async (): Promise<Map<string, UnifiedRoleAssignment[]>> => {
    const byUser = new Map<string, UnifiedRoleAssignment[]>();
    for await (const assignment of abortable(directory.listRoleAssignments(), signal)) {
      push(byUser, assignment.principalId.toLowerCase(), assignment);
    }
    return byUser;
  };
  const readGroups = async (policy: AuthenticationMethodsPolicy | undefined): Promise<Map<string, string[]>> => {
    const byUser = new Map<string, string[]>();
    for (const groupId of referencedGroupIds(settings, { authenticationMethodsPolicy: policy })) {
      for await (const member of abortable(directory.listGroupMembers(groupId), signal)) {
        push(byUser, member.toLowerCase(), groupId);
      }
    }
    return byUser;
  };

  const [policy, usersTotal] = await untilAborted(
    Promise.all([readPolicy(directory, gaps), directory.countUsers?.().catch(() => undefined)]),
    signal,
  );
  const [signInsReadable, roles, memberships] = await Promise.all([readSignIns(), readRoles(), readGroups(policy)]);
  signal?.throwIfAborted();

  gaps.methods = { data: "methods", reason: "notReadInBulk" };
  const premiumGap = gaps.signIns?.reason === "noPremium" ? "noPremium" : "notInSnapshot";
  const sharedGaps: DataGap[] = signInsReadable ? [] : [gaps.signIns ?? { data: "signIns", reason: premiumGap }];

  async function* users(): AsyncGenerator<UserFacts> {
    const registrations = await readable(
      await untilAborted(directory.listRegistrationDetails(), signal),
      "registrationDetails",
      gaps,
    );
    const registrationGap = gaps.registrationDetails ?? {
      data: "registrationDetails",
      reason: registrations === undefined ? premiumGap : "notInSnapshot",
    };
    for await (const [user, registration] of joinRegistrations(
      abortable(directory.listUsers(), signal),
      registrations && abortable(registrations, signal),
      signal,
    )) {
      const id = user.id.toLowerCase();
      const dataGaps = [...sharedGaps, gaps.methods!];
      if (registration === undefined) {
        dataGaps.push(registrationGap);
      }
      yield {
        user,
        registration,
        methods: undefined,
        signIns: signInsReadable ? (signInsByUser.get(id) ?? []) : undefined,
        roleAssignments: roles.get(id) ?? [],
        groupIds: memberships.get(id) ?? [],
        dataGaps,
      };
      // Each user's sign-ins are needed once: let them go.
      signInsByUser.delete(id);
    }
  }

  return {
    tenant: { policy, settings, dataGaps: policy === undefined ? [gaps.policy!] : [] },
    usersTotal,
    users,
  };
}
