import { AZURE_SERVICE_MANAGEMENT_RESOURCE_ID, IN_SCOPE_APPS } from "../domain/apps";
import { restsOnSignInActivity } from "../domain/evidence";
import type { DataGap } from "../domain/facts";
import { NON_INTERACTIVE_SIGN_INS } from "../domain/facts";
import type { Directory, Readable, TimeWindow } from "./directory";
import { DirectoryError } from "./errors";
import type {
  AuthenticationMethod,
  GraphUser,
  ProductTenantSettings,
  SignIn,
  SnapshotGroup,
  TenantSnapshot,
} from "./graph-types";
import { summaryKeysOf } from "./home-upn";
import { summaryAsSignIn } from "./summary-sign-in";

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) {
    all.push(item);
  }
  return all;
}

async function readable<T>(
  result: Promise<Readable<T>>,
  key: string,
  gaps: Record<string, DataGap>,
): Promise<T[] | undefined> {
  const answer = await result;
  if (!answer.available) {
    gaps[key] = { ...answer.gap, data: key };
    return undefined;
  }
  return collect(answer.items);
}

/** The groups whose members matter: those the settings and the method policy name. */
export function referencedGroupIds(
  settings: ProductTenantSettings,
  snapshot: Pick<TenantSnapshot, "authenticationMethodsPolicy">,
): string[] {
  const ids = new Set(
    [...settings.breakGlassAccounts, ...settings.serviceAccounts].filter((entry) => !entry.includes("@")),
  );
  for (const configuration of snapshot.authenticationMethodsPolicy?.authenticationMethodConfigurations ??
    []) {
    for (const target of [...(configuration.includeTargets ?? []), ...(configuration.excludeTargets ?? [])]) {
      if (target.targetType === "group" && target.id !== "all_users") {
        ids.add(target.id);
      }
    }
  }
  return [...ids];
}

/**
 * Reads a live tenant through the Directory port into the snapshot shape, so a live assessment and an
 * offline one share the same join and engine. Typed methods are not read per user (one call each); the
 * registration report stands in, as DOMAIN.md rule 3 allows. What could not be read is in `gaps`.
 */
export async function readDirectorySnapshot(
  directory: Directory,
  options: { tenantId: string; window: TimeWindow; settings: ProductTenantSettings },
): Promise<{ snapshot: TenantSnapshot; gaps: Record<string, DataGap> }> {
  const gaps: Record<string, DataGap> = {};
  let policy: TenantSnapshot["authenticationMethodsPolicy"];
  try {
    policy = await directory.getMethodsPolicy();
  } catch (error) {
    if (!(error instanceof DirectoryError)) {
      throw error;
    }
    gaps.policy = { data: "policy", reason: error.reason, permission: error.permission };
  }
  const scope = {
    appIds: IN_SCOPE_APPS.map((app) => app.appId),
    resourceIds: [AZURE_SERVICE_MANAGEMENT_RESOURCE_ID],
  };
  const [users, userRegistrationDetails, signIns, roleAssignments] = await Promise.all([
    collect(directory.listUsers()),
    readable(directory.listRegistrationDetails(), "registrationDetails", gaps),
    readable(directory.listSignIns(options.window, scope), "signIns", gaps),
    collect(directory.listRoleAssignments()),
  ]);
  if (signIns !== undefined) {
    signIns.push(...(await readSummary(directory, scope, users, options.window, gaps)));
  }
  const withActivity =
    signIns === undefined ? users : await addSignInActivity(directory, users, signIns, options.window, gaps);
  const groups: SnapshotGroup[] = [];
  for (const id of referencedGroupIds(options.settings, { authenticationMethodsPolicy: policy })) {
    groups.push({ id, members: await collect(directory.listGroupMembers(id)) });
  }
  // Without the registration report (no P1), typed methods are the only source: read them per user.
  const authenticationMethods =
    userRegistrationDetails === undefined && directory.readMethodsOf !== undefined
      ? await readTypedMethods(directory, users, gaps)
      : undefined;
  if (authenticationMethods === undefined) {
    gaps.methods = { data: "methods", reason: "notReadInBulk" };
  }
  return {
    snapshot: {
      capturedAt: options.window.end.toISOString(),
      tenant: {
        id: options.tenantId,
        displayName: options.tenantId,
        premium: gaps.signIns?.reason !== "noPremium",
      },
      settings: options.settings,
      users: withActivity,
      userRegistrationDetails,
      ...(authenticationMethods === undefined ? {} : { authenticationMethods }),
      signIns,
      roleAssignments,
      groups,
      authenticationMethodsPolicy: policy,
    },
    gaps,
  };
}

/** Beta's summarised non-interactive sign-ins, joined to the users by UPN; an error is a gap. */
async function readSummary(
  directory: Directory,
  scope: { appIds: string[]; resourceIds: string[] },
  users: readonly GraphUser[],
  window: TimeWindow,
  gaps: Record<string, DataGap>,
): Promise<SignIn[]> {
  if (directory.listNonInteractiveSummary === undefined) {
    return [];
  }
  const idByKey = new Map<string, string>();
  for (const user of users) {
    for (const key of summaryKeysOf(user)) {
      idByKey.set(key, user.id);
    }
  }
  const rows = await readable(
    directory.listNonInteractiveSummary(scope),
    NON_INTERACTIVE_SIGN_INS,
    gaps,
  ).catch((error: unknown) => {
    if (!(error instanceof DirectoryError)) {
      throw error;
    }
    gaps[NON_INTERACTIVE_SIGN_INS] = {
      data: NON_INTERACTIVE_SIGN_INS,
      reason: error.reason,
      permission: error.permission,
    };
    return undefined;
  });
  const signIns: SignIn[] = [];
  for (const row of rows ?? []) {
    const userId = idByKey.get(row.userPrincipalName.toLowerCase());
    const signIn = userId === undefined ? undefined : summaryAsSignIn(row, window.start.getTime(), userId);
    if (signIn !== undefined) {
      signIns.push(signIn);
    }
  }
  return signIns;
}

/** signInActivity for the users rule 6 needs it for (every counted sign-in silent); an error is a gap. */
async function addSignInActivity(
  directory: Directory,
  users: GraphUser[],
  signIns: readonly SignIn[],
  window: TimeWindow,
  gaps: Record<string, DataGap>,
): Promise<GraphUser[]> {
  if (directory.getSignInActivity === undefined || gaps[NON_INTERACTIVE_SIGN_INS] !== undefined) {
    return users;
  }
  const byUser = new Map<string, SignIn[]>();
  for (const signIn of signIns) {
    const id = signIn.userId.toLowerCase();
    byUser.set(id, [...(byUser.get(id) ?? []), signIn]);
  }
  const evidenceWindow = { startMs: window.start.getTime(), endMs: window.end.getTime() };
  const ids = users
    .filter((user) => user.signInActivity == null)
    .map((user) => user.id)
    .filter((id) => restsOnSignInActivity(byUser.get(id.toLowerCase()) ?? [], evidenceWindow));
  if (ids.length === 0) {
    return users;
  }
  try {
    const found = await directory.getSignInActivity(ids);
    return users.map((user) => {
      const activity = found.get(user.id.toLowerCase());
      return activity === undefined ? user : { ...user, signInActivity: activity };
    });
  } catch (error) {
    if (!(error instanceof DirectoryError)) {
      throw error;
    }
    gaps.signInActivity = { data: "signInActivity", reason: error.reason, permission: error.permission };
    return users;
  }
}

/** Every user's typed methods; a user whose read failed is left out (a methods gap, by the first reason). */
async function readTypedMethods(
  directory: Directory,
  users: readonly GraphUser[],
  gaps: Record<string, DataGap>,
): Promise<Record<string, AuthenticationMethod[]>> {
  const { methods, failed } = await directory.readMethodsOf!(users.map((user) => user.id));
  const first = failed.values().next();
  if (!first.done) {
    gaps.methods = { data: "methods", reason: first.value.reason, permission: first.value.permission };
  }
  return Object.fromEntries(methods);
}
