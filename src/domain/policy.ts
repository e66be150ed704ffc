import type { AuthenticationMethodsPolicy } from "../directory/graph-types";
import type { MethodConfigurationId } from "./method-classes";

/**
 * Whether the tenant's authentication methods policy lets one user use a method (DOMAIN.md rule 3): the
 * configuration is not `disabled`, the user is in its include targets (`all_users`, a listed group or
 * the user) and not in its exclude targets. Prepared once per tenant, so each user costs a few set lookups.
 */

export type Allowance =
  | "allowed"
  | "disabled"
  | "notTargeted"
  | "excluded"
  /** The policy was read but has no configuration for the method: it counts, and the gap is noted. */
  | "absent"
  /** The policy could not be read at all: it counts; the tenant's gap already says so. */
  | "unreadable";

interface PreparedConfiguration {
  disabled: boolean;
  includeAll: boolean;
  includeIds: ReadonlySet<string>;
  excludeAll: boolean;
  excludeIds: ReadonlySet<string>;
}

export interface PreparedPolicy {
  readable: boolean;
  configurations: ReadonlyMap<string, PreparedConfiguration>;
  /** Ids of the externalAuthenticationMethodConfigurations (external MFA providers), lower case. */
  externalIds: readonly string[];
}

const EXTERNAL_CONFIGURATION = /externalAuthenticationMethodConfiguration$/i;

const ALL_USERS = "all_users";

export function preparePolicy(policy: AuthenticationMethodsPolicy | undefined): PreparedPolicy {
  const configurations = new Map<string, PreparedConfiguration>();
  const externalIds: string[] = [];
  for (const configuration of policy?.authenticationMethodConfigurations ?? []) {
    if (EXTERNAL_CONFIGURATION.test(configuration["@odata.type"] ?? "")) {
      externalIds.push(configuration.id.toLowerCase());
    }
    const include = (configuration.includeTargets ?? []).map((target) => target.id.toLowerCase());
    const exclude = (configuration.excludeTargets ?? []).map((target) => target.id.toLowerCase());
    configurations.set(configuration.id.toLowerCase(), {
      disabled: configuration.state.toLowerCase() === "disabled",
      includeAll: include.includes(ALL_USERS),
      includeIds: new Set(include),
      excludeAll: exclude.includes(ALL_USERS),
      excludeIds: new Set(exclude),
    });
  }
  return { readable: policy !== undefined, configurations, externalIds };
}

/** `userId` and `groupIds` lower-cased by the caller. */
export function allowance(
  policy: PreparedPolicy,
  /** A built-in configuration id, or an external method configuration's own id. */
  configurationId: MethodConfigurationId | (string & {}),
  userId: string,
  groupIds: readonly string[],
): Allowance {
  if (!policy.readable) {
    return "unreadable";
  }
  const configuration = policy.configurations.get(configurationId.toLowerCase());
  if (configuration === undefined) {
    return "absent";
  }
  if (configuration.disabled) {
    return "disabled";
  }
  if (configuration.excludeAll || targets(configuration.excludeIds, userId, groupIds)) {
    return "excluded";
  }
  return configuration.includeAll || targets(configuration.includeIds, userId, groupIds)
    ? "allowed"
    : "notTargeted";
}

/** The user, or one of their groups, is among `ids`. Module-level: a closure made per lookup cost a user's time. */
function targets(ids: ReadonlySet<string>, userId: string, groupIds: readonly string[]): boolean {
  return ids.has(userId) || groupIds.some((id) => ids.has(id));
}

/** Counts for rule 3: allowed, or not knowable from the policy (absent configuration, unreadable policy). */
export function counts(value: Allowance): boolean {
  return value === "allowed" || value === "absent" || value === "unreadable";
}
