import type { Directory, TimeWindow } from "../../directory/directory";
import { DirectoryError } from "../../directory/errors";
import type {
  GraphUser,
  ProductTenantSettings,
  SignIn,
  UserRegistrationDetails,
} from "../../directory/graph-types";
import { summaryKeysOf } from "../../directory/home-upn";
import { inPages } from "../../directory/paging";
import { AZURE_SERVICE_MANAGEMENT_RESOURCE_ID, IN_SCOPE_APPS } from "../../domain/apps";
import { restsOnSignInActivity } from "../../domain/evidence";
import type { DataGap, TenantFacts, UserFacts } from "../../domain/facts";
import { NON_INTERACTIVE_SIGN_INS } from "../../domain/facts";
import type { LiveRead } from "../../domain/live-methods";
import { abortable, untilAborted } from "./abortable";
import { readable, readGroups, readPolicy, readRoles } from "./scan-reads";
import { readSignInIndex, readSummaryIndex } from "./sign-in-index";
import { chooseMethods, type TypedRead, withTypedMethods } from "./typed-methods";
import { joinRegistrations } from "./user-registration-join";

export type ScanDirectory = Pick<
  Directory,
  | "listUsers"
  | "countUsers"
  | "listRegistrationDetails"
  | "listSignIns"
  | "listRoleAssignments"
  | "listGroupMembers"
  | "getMethodsPolicy"
  | "listNonInteractiveSummary"
  | "getSignInActivity"
  | "readMethodsOf"
>;

/** signInActivity is read for a few users a request; facts that wait for it are held until then. */
const ACTIVITY_BATCH = 15;
/** Users held behind one that waits, at most: the stream never holds much of a large tenant. */
const HELD_MAX = 2_000;

export interface TenantStreamOptions {
  window: TimeWindow;
  settings: ProductTenantSettings;
  signal?: AbortSignal;
  /** Called as data arrives: how many in-scope sign-ins have been read so far. */
  onSignIns?: (read: number) => void;
  /** Without P1: how many users' typed methods have been read so far (their first call starts the count). */
  onMethods?: (read: number) => void;
  /**
   * Typed methods the product read live or verified, by lower-case user id: they win over an older
   * registration row (methodsToAssess), so the report agrees with the status card.
   */
  live?: ReadonlyMap<string, LiveRead>;
}

export interface TenantStream {
  tenant: TenantFacts;
  /** From GET /users/$count; undefined when the directory cannot say. */
  usersTotal?: number;
  /**
   * Non-interactive sign-ins came from beta's daily summary: a row covers a whole UTC day, so the window
   * can reach up to one day further back for them (the report says so).
   */
  summaryByDay: boolean;
  /** How many of the users streamed so far were assessed with methods the product read itself. */
  readonly leanedOnLive: number;
  /** No registration report (no P1): the users' typed methods were read one by one, 20 to a $batch. */
  readonly methodsReadPerUser: boolean;
  /**
   * Every user's facts, in Graph's order, a page of users at a time. A user whose every counted sign-in
   * was silent waits (with up to 14 others, and the users after them) for the signInActivity rule 6 then
   * needs.
   */
  batches(): AsyncGenerator<UserFacts[]>;
  /** The same facts one at a time. */
  users(): AsyncGenerator<UserFacts>;
}

const SCOPE = {
  appIds: IN_SCOPE_APPS.map((app) => app.appId),
  resourceIds: [AZURE_SERVICE_MANAGEMENT_RESOURCE_ID],
};

/**
 * The whole tenant through the Directory port's streams, joined per user the way `mfa-ready assess` joins
 * a live tenant (readDirectorySnapshot + snapshotFacts, so both give the same verdicts and the same CSV),
 * without holding the tenant: the in-scope sign-ins of the window (reduced to what the rules read), the
 * role assignments and the members of the named groups are indexed by user; users and their registration
 * rows then stream side by side. The sign-ins are read first so the reports family (5 requests / 10 s)
 * is never idle: registration pages follow them at once.
 */
export async function openTenantStream(
  directory: ScanDirectory,
  options: TenantStreamOptions,
): Promise<TenantStream> {
  const { window, settings, signal } = options;
  const gaps: Record<string, DataGap> = {};
  const endMs = window.end.getTime();
  const evidenceWindow = { startMs: window.start.getTime(), endMs };

  const tenantReads = untilAborted(
    Promise.all([readPolicy(directory, gaps), directory.countUsers?.().catch(() => undefined)]),
    signal,
  );
  const reads = { window, evidenceWindow, scope: SCOPE, gaps, signal, onSignIns: options.onSignIns };
  // The sign-ins go at once, not after the policy: the reports family's first window opens with them.
  const [[policy, usersTotal], signInsByUser, summary, roles, memberships] = await Promise.all([
    tenantReads,
    readSignInIndex(directory, reads),
    readSummaryIndex(directory, reads),
    readRoles(directory, signal),
    tenantReads.then(([read]) => readGroups(directory, settings, read, signal)),
  ]);
  signal?.throwIfAborted();
  const signInsReadable = signInsByUser !== undefined;
  const summaryByUpn = summary ?? new Map<string, SignIn[]>();

  gaps.methods = { data: "methods", reason: "notReadInBulk" };
  const premiumGap = gaps.signIns?.reason === "noPremium" ? "noPremium" : "notInSnapshot";
  const sharedGaps: DataGap[] = signInsReadable
    ? []
    : [gaps.signIns ?? { data: "signIns", reason: premiumGap }];
  const summaryGap = gaps[NON_INTERACTIVE_SIGN_INS];
  if (signInsReadable && summaryGap !== undefined) {
    sharedGaps.push(summaryGap);
  }
  // Rule 6's "none is interactive" test means something only when the non-interactive ones were read.
  const activityReader =
    signInsReadable && summaryGap === undefined ? directory.getSignInActivity?.bind(directory) : undefined;

  /** The held facts in order, those that waited with their signInActivity (one request for all of them). */
  async function release(held: Array<{ facts: UserFacts; needsActivity: boolean }>): Promise<UserFacts[]> {
    const waited = held.filter((entry) => entry.needsActivity).map((entry) => entry.facts);
    const completed = waited.length === 0 ? [] : await withActivity(waited);
    let next = 0;
    return held.map((entry) => (entry.needsActivity ? completed[next++]! : entry.facts));
  }

  /** Adds signInActivity to held facts, a few users a request; a failure is a gap on each of them. */
  async function withActivity(held: UserFacts[]): Promise<UserFacts[]> {
    try {
      const found = await untilAborted(activityReader!(held.map((facts) => facts.user.id)), signal);
      return held.map((facts) => {
        const activity = found.get(facts.user.id.toLowerCase());
        return activity === undefined
          ? facts
          : { ...facts, user: { ...facts.user, signInActivity: activity } };
      });
    } catch (error) {
      if (!(error instanceof DirectoryError)) {
        throw error;
      }
      const gap = { data: "signInActivity", reason: error.reason, permission: error.permission };
      return held.map((facts) => ({ ...facts, dataGaps: [...facts.dataGaps, gap] }));
    }
  }

  let leanedOnLive = 0;
  let methodsReadPerUser = false;

  /** One user's facts from their user object, registration row and (without P1) typed methods. */
  function factsOf(
    user: GraphUser,
    registration: UserRegistrationDetails | undefined,
    typed: TypedRead | undefined,
    registrationGap: DataGap,
  ): { facts: UserFacts; needsActivity: boolean } {
    const id = user.id.toLowerCase();
    const dataGaps = [...sharedGaps];
    if (registration === undefined) {
      dataGaps.push(registrationGap);
    }
    const keys = summaryKeysOf(user);
    const signIns = signInsReadable
      ? [...(signInsByUser.get(id) ?? []), ...keys.flatMap((key) => summaryByUpn.get(key) ?? [])]
      : undefined;
    // A method the product read live or verified wins over an older registration row.
    const chosen = chooseMethods(registration, typed, options.live?.get(id), gaps.methods!);
    dataGaps.push(...chosen.gaps);
    leanedOnLive += chosen.leanedOnLive ? 1 : 0;
    const facts: UserFacts = {
      user,
      registration,
      methods: chosen.methods,
      signIns,
      roleAssignments: roles.get(id) ?? [],
      groupIds: memberships.get(id) ?? [],
      dataGaps,
    };
    // Each user's sign-ins are needed once: let them go.
    signInsByUser?.delete(id);
    keys.forEach((key) => summaryByUpn.delete(key));
    const needsActivity =
      activityReader !== undefined &&
      signIns !== undefined &&
      user.signInActivity == null &&
      restsOnSignInActivity(signIns, evidenceWindow);
    return { facts, needsActivity };
  }

  async function* batches(): AsyncGenerator<UserFacts[]> {
    const registrations = await readable(
      await untilAborted(directory.listRegistrationDetails(), signal),
      "registrationDetails",
      gaps,
    );
    const registrationGap = gaps.registrationDetails ?? {
      data: "registrationDetails",
      reason: registrations === undefined ? premiumGap : "notInSnapshot",
    };
    const held: Array<{ facts: UserFacts; needsActivity: boolean }> = [];
    let waiting = 0;
    const joined = joinRegistrations(
      abortable(inPages(directory.listUsers()), signal),
      registrations && abortable(inPages(registrations), signal),
      signal,
    );
    // Without the registration report (no P1), typed methods are the only source: read them per user.
    const typedReader = registrations === undefined ? directory.readMethodsOf?.bind(directory) : undefined;
    methodsReadPerUser = typedReader !== undefined;
    const withMethods: AsyncIterable<Array<[GraphUser, UserRegistrationDetails | undefined, TypedRead?]>> =
      typedReader === undefined
        ? joined
        : withTypedMethods(joined, typedReader, { signal, onRead: options.onMethods });
    for await (const page of withMethods) {
      const ready: UserFacts[] = [];
      for (const [user, registration, typed] of page) {
        const entry = factsOf(user, registration, typed, registrationGap);
        if (!entry.needsActivity && held.length === 0) {
          ready.push(entry.facts);
          continue;
        }
        // Graph's order is kept: users after one that waits for signInActivity wait with it.
        held.push(entry);
        waiting += entry.needsActivity ? 1 : 0;
        if (waiting >= ACTIVITY_BATCH || held.length >= HELD_MAX) {
          ready.push(...(await release(held.splice(0))));
          waiting = 0;
        }
      }
      if (ready.length > 0) {
        yield ready;
      }
    }
    const rest = await release(held.splice(0));
    if (rest.length > 0) {
      yield rest;
    }
  }

  async function* users(): AsyncGenerator<UserFacts> {
    for await (const batch of batches()) {
      yield* batch;
    }
  }

  return {
    tenant: { policy, settings, dataGaps: policy === undefined ? [gaps.policy!] : [] },
    usersTotal,
    summaryByDay: summary !== undefined && signInsReadable,
    get leanedOnLive() {
      return leanedOnLive;
    },
    get methodsReadPerUser() {
      return methodsReadPerUser;
    },
    batches,
    users,
  };
}
