import { readFileSync } from "node:fs";
import path from "node:path";

import type {
  AuthenticationMethod,
  AuthenticationMethodConfiguration,
  AuthenticationMethodsPolicy,
  GraphUser,
  SignIn,
} from "../../src/directory/graph-types";
import type { TenantFacts, UserFacts } from "../../src/domain/facts";

/** Graph-shaped fixtures (test/fixtures/graph) and small builders over them for the domain tests. */
const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(path.join(__dirname, "..", "fixtures", "graph", name), "utf8")) as T;

export const USER_ID = "d0000000-0000-0000-0000-000000000004";
export const NOW = new Date("2026-11-20T09:00:00Z");
export const APP = {
  portal: "c44b4083-3bb0-49c1-b47d-974e53cbdf3c",
  m365Admin: "618dd325-23f6-4b6f-8380-4df78026e39b",
  cli: "04b07795-8ddb-461a-bbee-02f9e1bf7b46",
  powerShell: "1950a258-227b-4e31-a9cf-717495945fc2",
  terraform: "00000000-7e77-4000-8000-000000000001",
} as const;
export const ARM_RESOURCE = "797f4846-ba00-4fd7-ba43-dac1f8f63013";
export const GLOBAL_ADMIN = "62e90394-69f5-4237-9190-012177145e10";

/** Every typed method in the fixture, by short type name. */
export function method(shortType: string): AuthenticationMethod {
  const all = fixture<{ value: AuthenticationMethod[] }>("user-methods.json").value;
  const found = all.find((each) => each["@odata.type"] === `#microsoft.graph.${shortType}`);
  if (found === undefined) {
    throw new Error(`no ${shortType} in user-methods.json`);
  }
  return found;
}

/** The fixture's portal sign-in, changed as asked. */
export function signIn(overrides: Partial<SignIn> = {}): SignIn {
  const [portal] = fixture<{ value: SignIn[] }>("sign-ins.json").value;
  return { ...portal!, ...overrides };
}

/** The fixture policy, with some configurations changed (by id) or removed (null). */
export function policy(
  changes: Record<string, Partial<AuthenticationMethodConfiguration> | null> = {},
): AuthenticationMethodsPolicy {
  const base = fixture<AuthenticationMethodsPolicy>("authentication-methods-policy.json");
  const configurations = base.authenticationMethodConfigurations
    .filter((configuration) => changes[configuration.id] !== null)
    .map((configuration) => ({ ...configuration, ...(changes[configuration.id] ?? {}) }));
  return { ...base, authenticationMethodConfigurations: configurations };
}

export function tenant(overrides: Partial<TenantFacts> = {}): TenantFacts {
  return {
    policy: policy(),
    settings: { breakGlassAccounts: [], serviceAccounts: [] },
    dataGaps: [],
    ...overrides,
  };
}

export function user(overrides: Partial<GraphUser> = {}): GraphUser {
  return {
    id: USER_ID,
    displayName: "Dana Dev",
    userPrincipalName: "dana@contoso.example",
    userType: "Member",
    accountEnabled: true,
    authorizationInfo: { certificateUserIds: [] },
    ...overrides,
  };
}

/** A member with a password only, no sign-ins, no roles, no groups; override what the test is about. */
export function facts(
  overrides: Omit<Partial<UserFacts>, "user"> & { user?: Partial<GraphUser> } = {},
): UserFacts {
  const { user: userOverrides, ...rest } = overrides;
  return {
    methods: [method("passwordAuthenticationMethod")],
    signIns: [],
    roleAssignments: [],
    groupIds: [],
    dataGaps: [],
    ...rest,
    user: user(userOverrides),
  };
}

export function roleAssignment(roleDefinitionId = GLOBAL_ADMIN) {
  return { id: "ra1", principalId: USER_ID, roleDefinitionId, directoryScopeId: "/" };
}
