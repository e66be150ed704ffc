import type { RoleName } from "../../domain/roles";
import type { MethodKind } from "./methods";
import type { Activity } from "./sign-ins";

export const DEMO_DOMAIN = "contoso.example";
export const personaId = (n: number) => `a0000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
export const groupId = (n: number) => `90000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

export const GROUPS = {
  breakGlass: { id: groupId(1), displayName: "Break-glass accounts" },
  certificateUsers: { id: groupId(2), displayName: "Certificate sign-in users" },
  azureOperators: { id: groupId(3), displayName: "Azure operators" },
  engineering: { id: groupId(4), displayName: "Engineering" },
} as const;
export type GroupKey = keyof typeof GROUPS;

export interface Persona {
  id: string;
  displayName: string;
  /** Local part; the domain is DEMO_DOMAIN (guests carry their own #EXT# form). */
  upn: string;
  guest?: boolean;
  disabled?: boolean;
  methods: MethodKind[];
  roles?: RoleName[];
  /** Bound to a certificate (authorizationInfo.certificateUserIds). */
  certificate?: boolean;
  groups?: GroupKey[];
  activity: Activity[];
  /** One line for src/dev/README.md: what the persona shows. */
  shows: string;
}

/** The people of the demo tenant, each showing one case of DOMAIN.md. Ids never change. */
export const PERSONAS: readonly Persona[] = [
  {
    id: personaId(1),
    displayName: "Adele Vance",
    upn: "adele.vance",
    methods: ["password", "email"],
    roles: ["globalAdministrator"],
    activity: [
      { app: "portal", daysAgo: [1.2, 6.5, 13] },
      { app: "m365admin", daysAgo: [3] },
    ],
    shows: "Global Administrator, portal every week, email only: affected, not ready",
  },
  {
    id: personaId(2),
    displayName: "Ben Carter",
    upn: "ben.carter",
    methods: ["password"],
    groups: ["azureOperators"],
    activity: [{ app: "cli", daysAgo: [0.5, 2, 9, 20], protocol: "deviceCode" }],
    shows: "phase 2 via Azure CLI, no method at all",
  },
  {
    id: personaId(3),
    displayName: "Dana Ready",
    upn: "dana.ready",
    methods: ["password", "fido2", "authenticator"],
    groups: ["azureOperators"],
    activity: [
      { app: "portal", daysAgo: [2], mfa: true },
      { app: "powershell", daysAgo: [4, 11], mfa: true },
    ],
    shows: "ready: passkey (FIDO2 key) and Authenticator, phases 1 and 2",
  },
  {
    id: personaId(4),
    displayName: "Emergency Access 1",
    upn: "breakglass1",
    methods: ["password", "fido2"],
    roles: ["globalAdministrator"],
    activity: [{ app: "portal", daysAgo: [25], mfa: true }],
    shows: "break-glass listed by UPN, FIDO2 key: ready",
  },
  {
    id: personaId(5),
    displayName: "Emergency Access 2",
    upn: "breakglass2",
    methods: ["password", "phone"],
    roles: ["globalAdministrator"],
    groups: ["breakGlass"],
    activity: [],
    shows: "break-glass through the Break-glass accounts group, phone only: not ready",
  },
  {
    id: personaId(6),
    displayName: "Alex Wilber",
    upn: "alex.wilber",
    methods: ["password", "authenticator", "phone"],
    roles: ["authenticationAdministrator"],
    activity: [{ app: "portal", daysAgo: [1, 8], mfa: true }],
    shows: "Authentication Administrator with MFA (issues Temporary Access Passes)",
  },
  {
    id: personaId(7),
    displayName: "Megan Bowen",
    upn: "megan.bowen",
    methods: ["password", "whfb", "authenticator"],
    roles: ["privilegedAuthenticationAdministrator"],
    activity: [{ app: "portal", daysAgo: [5], mfa: true }],
    shows: "Privileged Authentication Administrator, Windows Hello",
  },
  {
    id: personaId(8),
    displayName: "Grady Archie",
    upn: "grady.archie",
    methods: ["password", "phone"],
    roles: ["globalReader"],
    activity: [{ app: "portal", daysAgo: [7, 21] }],
    shows: "Global Reader, SMS only: ready, passkey suggested",
  },
  {
    id: personaId(9),
    displayName: "Gita Guest (Fabrikam)",
    upn: "gita_fabrikam.example#EXT#",
    guest: true,
    methods: ["password", "authenticator"],
    activity: [{ app: "portal", daysAgo: [3, 16] }],
    shows: "B2B guest in the portal, Authenticator",
  },
  {
    id: personaId(10),
    displayName: "Deploy Service",
    upn: "svc-deploy",
    methods: ["password"],
    activity: [
      { app: "powershell", daysAgo: [0.2, 1.2, 2.2, 3.2, 4.2], protocol: "ropc", interactive: false },
    ],
    shows: "ROPC script account, listed in settings.serviceAccounts",
  },
  {
    id: personaId(11),
    displayName: "Backup Service",
    upn: "svc-backup",
    methods: ["password"],
    activity: [{ app: "cli", daysAgo: [1.1, 8.1, 15.1, 22.1], protocol: "ropc", interactive: false }],
    shows: "ROPC Azure CLI account, not listed: found by its sign-ins",
  },
  {
    id: personaId(12),
    displayName: "Priya Shell",
    upn: "priya.shell",
    methods: ["password", "authenticator"],
    groups: ["azureOperators"],
    activity: [{ app: "powershell", daysAgo: [1.5, 10] }],
    shows: "phase 2 via Azure PowerShell, Authenticator",
  },
  {
    id: personaId(13),
    displayName: "Miguel Mobile",
    upn: "miguel.mobile",
    methods: ["password", "email"],
    groups: ["azureOperators"],
    activity: [{ app: "mobile", daysAgo: [2.5, 12] }],
    shows: "phase 2 via the Azure mobile app, email only",
  },
  {
    id: personaId(14),
    displayName: "Rita Rest",
    upn: "rita.rest",
    methods: ["password", "tap"],
    groups: ["azureOperators"],
    activity: [{ app: "rest", daysAgo: [0.8, 6, 18] }],
    shows: "phase 2 via ARM REST (resource id only), Temporary Access Pass only",
  },
  {
    id: personaId(15),
    displayName: "Carl Cert",
    upn: "carl.cert",
    methods: ["password"],
    certificate: true,
    groups: ["certificateUsers"],
    activity: [{ app: "portal", daysAgo: [4, 14] }],
    shows: "certificate-based auth, in the X509 group: ready (strong)",
  },
  {
    id: personaId(16),
    displayName: "Chen Outside",
    upn: "chen.outside",
    methods: ["password"],
    certificate: true,
    activity: [{ app: "portal", daysAgo: [9] }],
    shows: "certificate bound but outside the X509 group: not counted",
  },
  {
    id: personaId(17),
    displayName: "Uma Unknown",
    upn: "uma.unknown",
    methods: ["password", "unknown"],
    activity: [{ app: "portal", daysAgo: [6] }],
    shows: "an unknown method type (qrCodePin) only: reported as unknown",
  },
  {
    id: personaId(18),
    displayName: "Wendy Hello",
    upn: "wendy.hello",
    methods: ["password", "whfb"],
    groups: ["azureOperators"],
    activity: [{ app: "cli", daysAgo: [3.3, 17] }],
    shows: "phase 2 via Azure CLI, Windows Hello only: ready",
  },
  {
    id: personaId(19),
    displayName: "Mac Mendez",
    upn: "mac.mendez",
    methods: ["password", "platformCredential"],
    activity: [{ app: "portal", daysAgo: [2.2] }],
    shows: "macOS platform credential: ready",
  },
  {
    id: personaId(20),
    displayName: "Pat Passkey",
    upn: "pat.passkey",
    methods: ["password", "passkeyAuthenticator"],
    activity: [{ app: "m365admin", daysAgo: [5.5] }],
    shows: "passkey in Microsoft Authenticator, M365 admin center",
  },
  {
    id: personaId(21),
    displayName: "Fiona Failed",
    upn: "fiona.failed",
    methods: ["password"],
    activity: [{ app: "portal", daysAgo: [1.7, 1.8, 1.9], errorCode: 50126 }],
    shows: "only failed (50126) portal sign-ins: not affected",
  },
  {
    id: personaId(22),
    displayName: "Olga Old",
    upn: "olga.old",
    methods: ["password"],
    activity: [{ app: "cli", daysAgo: [31, 45] }],
    shows: "CLI sign-ins only before the 30-day window: not affected",
  },
  {
    id: personaId(23),
    displayName: "Quinn Quiet",
    upn: "quinn.quiet",
    methods: ["password"],
    activity: [{ app: "teams", daysAgo: [0.3, 1.3] }],
    shows: "Teams only, no in-scope sign-in",
  },
  {
    id: personaId(24),
    displayName: "Oscar Oath",
    upn: "oscar.oath",
    methods: ["password", "softwareOath"],
    groups: ["engineering"],
    activity: [{ app: "portal", daysAgo: [8], errorCode: 50074 }],
    shows: "software OATH; stopped for MFA (50074) still counts as evidence",
  },
  {
    id: personaId(25),
    displayName: "Dexter Disabled",
    upn: "dexter.disabled",
    disabled: true,
    methods: ["password"],
    activity: [],
    shows: "disabled account",
  },
];
