import type { DataGap } from "../domain/facts";
import { AZURE_SERVICE_MANAGEMENT_RESOURCE_ID, IN_SCOPE_APPS } from "../domain/apps";
import type { Directory, Readable, TimeWindow } from "./directory";
import { DirectoryError } from "./errors";
import type { ProductTenantSettings, SnapshotGroup, TenantSnapshot } from "./graph-types";

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
  const groups: SnapshotGroup[] = [];
  for (const id of referencedGroupIds(options.settings, { authenticationMethodsPolicy: policy })) {
    groups.push({ id, members: await collect(directory.listGroupMembers(id)) });
  }
  gaps.methods = { data: "methods", reason: "notReadInBulk" };
  return {
    snapshot: {
      capturedAt: options.window.end.toISOString(),
      tenant: {
        id: options.tenantId,
        displayName: options.tenantId,
        premium: gaps.signIns?.reason !== "noPremium",
      },
      settings: options.settings,
      users,
      userRegistrationDetails,
      signIns,
      roleAssignments,
      groups,
      authenticationMethodsPolicy: policy,
    },
    gaps,
  };
}
