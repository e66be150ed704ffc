import type {
  AuthenticationMethod,
  GraphUser,
  SignIn,
  TenantSnapshot,
  UnifiedRoleAssignment,
  UserRegistrationDetails,
} from "../directory/graph-types";
import type { RoleName } from "../domain/roles";
import { ROLE_TEMPLATE_IDS } from "../domain/roles";
import { fillerUser } from "./tenant-generator/filler";
import type { MethodKind } from "./tenant-generator/methods";
import { buildMethod, buildRegistration } from "./tenant-generator/methods";
import type { GroupKey } from "./tenant-generator/personas";
import { DEMO_DOMAIN, GROUPS, PERSONAS } from "./tenant-generator/personas";
import { demoMethodsPolicy, demoPortalSettings } from "./tenant-generator/policy";
import { Random } from "./tenant-generator/random";
import type { Activity } from "./tenant-generator/sign-ins";
import { buildSignIns } from "./tenant-generator/sign-ins";

export const DEMO_TENANT_ID = "c0ffee00-0000-4000-8000-00000000d3e0";
export const DEFAULT_CAPTURED_AT = "2026-11-20T09:00:00Z";

export interface GenerateTenantOptions {
  /** Total users, personas included (at least PERSONAS.length). */
  users: number;
  seed?: number;
  capturedAt?: string;
  premium?: boolean;
}

interface Person {
  id: string;
  displayName: string;
  upnLocal: string;
  mail?: string;
  guest: boolean;
  disabled?: boolean;
  methods: readonly MethodKind[];
  roles: readonly RoleName[];
  certificate: boolean;
  groups: readonly GroupKey[];
  activity: readonly Activity[];
}

const fillerId = (n: number) => `b0000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

/** People first: the personas, then ordinary users drawn from the seeded stream. */
function people(count: number, random: Random): Person[] {
  const list: Person[] = PERSONAS.map((p) => ({
    ...p,
    upnLocal: p.upn,
    mail: p.guest ? "gita@fabrikam.example" : undefined,
    guest: p.guest ?? false,
    roles: p.roles ?? [],
    certificate: p.certificate ?? false,
    groups: p.groups ?? [],
  }));
  for (let n = 1; list.length < count; n += 1) {
    const filler = fillerUser(n, random);
    const certificate = random.chance(0.01);
    const groups: GroupKey[] = [];
    if (certificate && random.chance(0.5)) {
      groups.push("certificateUsers");
    }
    if (random.chance(0.1)) {
      groups.push("engineering");
    }
    list.push({ ...filler, id: fillerId(n), roles: filler.role ? [filler.role] : [], certificate, groups });
  }
  return list;
}

/**
 * A whole tenant snapshot (shared/TENANT-SNAPSHOT.md), the same for the same options on every run: the
 * personas of tenant-generator/personas.ts plus `users - personas` ordinary users with a month of sign-ins.
 */
export function generateTenant(options: GenerateTenantOptions): TenantSnapshot {
  if (!Number.isInteger(options.users) || options.users < PERSONAS.length) {
    throw new RangeError(`users must be a whole number of at least ${PERSONAS.length} (the personas)`);
  }
  const capturedAtText = options.capturedAt ?? DEFAULT_CAPTURED_AT;
  const capturedAt = Date.parse(capturedAtText);
  if (Number.isNaN(capturedAt)) {
    throw new RangeError(`capturedAt is not a date: ${capturedAtText}`);
  }
  const random = new Random(options.seed ?? 1);
  const users: GraphUser[] = [];
  const registrations: UserRegistrationDetails[] = [];
  const methods: Record<string, AuthenticationMethod[]> = {};
  const signIns: SignIn[] = [];
  const roleAssignments: UnifiedRoleAssignment[] = [];
  const members: Record<GroupKey, string[]> = {
    breakGlass: [],
    certificateUsers: [],
    azureOperators: [],
    engineering: [GROUPS.azureOperators.id],
  };

  for (const person of people(options.users, random)) {
    const upn = `${person.upnLocal}@${DEMO_DOMAIN}`;
    const [givenName, ...rest] = person.displayName.split(" ");
    users.push({
      id: person.id,
      displayName: person.displayName,
      givenName,
      surname: rest.join(" ") || null,
      userPrincipalName: upn,
      mail: person.mail ?? (person.guest ? `${person.upnLocal.replace(/_(.*)#EXT#$/, "@$1")}` : upn),
      userType: person.guest ? "Guest" : "Member",
      accountEnabled: !person.disabled,
      authorizationInfo: { certificateUserIds: person.certificate ? [`X509:<PN>${upn}`] : [] },
    } as GraphUser);
    const owner = {
      id: person.id,
      displayName: person.displayName,
      userPrincipalName: upn,
      userType: person.guest ? ("guest" as const) : ("member" as const),
    };
    methods[person.id] = person.methods.map((kind) => buildMethod(kind, owner, random, capturedAt));
    registrations.push(buildRegistration(person.methods, owner, person.roles.length > 0, capturedAt));
    for (const role of person.roles) {
      roleAssignments.push({
        id: random.uuid(),
        principalId: person.id,
        roleDefinitionId: ROLE_TEMPLATE_IDS[role],
        directoryScopeId: "/",
      });
    }
    for (const group of person.groups) {
      members[group].push(person.id);
    }
    for (const activity of person.activity) {
      signIns.push(...buildSignIns(owner, activity, random, capturedAt));
    }
  }
  // Graph lists sign-ins newest first.
  signIns.sort((a, b) =>
    a.createdDateTime < b.createdDateTime ? 1 : a.createdDateTime > b.createdDateTime ? -1 : 0,
  );

  return {
    capturedAt: capturedAtText,
    tenant: { id: DEMO_TENANT_ID, displayName: "Contoso (demo)", premium: options.premium ?? true },
    settings: {
      breakGlassAccounts: [`breakglass1@${DEMO_DOMAIN}`, GROUPS.breakGlass.id],
      serviceAccounts: [`svc-deploy@${DEMO_DOMAIN}`],
    },
    users,
    userRegistrationDetails: registrations,
    authenticationMethods: methods,
    signIns,
    roleAssignments,
    groups: (Object.keys(GROUPS) as GroupKey[]).map((key) => ({ ...GROUPS[key], members: members[key] })),
    authenticationMethodsPolicy: demoMethodsPolicy(),
    portalServicesSettings: demoPortalSettings(),
  };
}
