import type { AuthenticationMethod, SignIn, TenantSnapshot } from "../src/directory/graph-types";

/**
 * A deterministic tenant of any size for the assessment benchmark (used until src/dev's generateTenant
 * exists): a mix of admins, developers using the CLI, portal users, guests and scripts.
 */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const APPS = ["c44b4083-3bb0-49c1-b47d-974e53cbdf3c", "04b07795-8ddb-461a-bbee-02f9e1bf7b46", "1950a258-227b-4e31-a9cf-717495945fc2", "00000002-0000-0ff1-ce00-000000000000"];
const METHODS = ["fido2", "microsoftAuthenticator", "phone", "softwareOath", "windowsHelloForBusiness", "email"];
const id = (prefix: string, n: number) => `${prefix}${n.toString(16).padStart(7, "0")}-0000-4000-8000-000000000000`;
const GROUP = "9b000000-0000-4000-8000-000000000001";

export function generateBenchTenant(users: number, seed = 1): TenantSnapshot {
  const next = random(seed);
  const end = Date.parse("2026-11-20T09:00:00Z");
  const snapshot: TenantSnapshot = {
    capturedAt: new Date(end).toISOString(),
    tenant: { id: "00000000-0000-4000-8000-0000000000be", displayName: "Bench", premium: true },
    settings: { breakGlassAccounts: ["u0000000@bench.example", GROUP], serviceAccounts: ["svc-1@bench.example"] },
    users: [],
    userRegistrationDetails: [],
    authenticationMethods: {},
    signIns: [],
    roleAssignments: [],
    groups: [{ id: GROUP, displayName: "Break glass", members: [id("a", 1)] }],
    authenticationMethodsPolicy: {
      authenticationMethodConfigurations: ["Fido2", "MicrosoftAuthenticator", "Sms", "Voice", "SoftwareOath", "Email", "TemporaryAccessPass"].map(
        (configId) => ({ id: configId, state: configId === "Voice" ? "disabled" : "enabled", includeTargets: [{ targetType: "group", id: "all_users" }], excludeTargets: [] }),
      ),
    },
  };
  for (let n = 0; n < users; n++) {
    const userId = id("a", n);
    const upn = `u${n.toString().padStart(7, "0")}@bench.example`;
    const guest = next() < 0.05;
    snapshot.users.push({ id: userId, displayName: `User ${n}`, userPrincipalName: upn, userType: guest ? "Guest" : "Member", accountEnabled: true, authorizationInfo: { certificateUserIds: [] } });
    const methods: AuthenticationMethod[] = [{ "@odata.type": "#microsoft.graph.passwordAuthenticationMethod", id: "28c10230-6103-485e-b985-444c60001490" }];
    for (const kind of METHODS) {
      if (next() < 0.25) {
        methods.push({ "@odata.type": `#microsoft.graph.${kind}AuthenticationMethod`, id: `${userId}-${kind}` });
      }
    }
    snapshot.authenticationMethods![userId] = methods;
    snapshot.userRegistrationDetails!.push({ id: userId, userPrincipalName: upn, isAdmin: false, methodsRegistered: [] });
    if (next() < 0.03) {
      snapshot.roleAssignments!.push({ id: `ra-${n}`, principalId: userId, roleDefinitionId: "62e90394-69f5-4237-9190-012177145e10", directoryScopeId: "/" });
    }
    const signIns = Math.floor(next() * 6);
    for (let s = 0; s < signIns; s++) {
      const signIn: SignIn = {
        id: `${userId}-s${s}`,
        createdDateTime: new Date(end - Math.floor(next() * 40 * 86_400_000)).toISOString(),
        userId,
        userPrincipalName: upn,
        appId: APPS[Math.floor(next() * APPS.length)]!,
        resourceId: "797f4846-ba00-4fd7-ba43-dac1f8f63013",
        isInteractive: next() < 0.9,
        authenticationProtocol: next() < 0.01 ? "ropc" : "none",
        status: { errorCode: next() < 0.9 ? 0 : 50126 },
      };
      snapshot.signIns!.push(signIn);
    }
  }
  return snapshot;
}
