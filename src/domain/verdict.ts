import type { DataGap } from "./facts";

/** What one phase means for a user (DOMAIN.md rule 2). */
export type PhaseVerdict = "affected" | "likely" | "unknown" | "no";

/** Every action and suggestion code, declared once; cards, reports and tests use these names. */
export const VERDICT_CODES = {
  REGISTER_PASSKEY: "REGISTER_PASSKEY",
  REGISTER_WHFB: "REGISTER_WHFB",
  BIND_CERTIFICATE: "BIND_CERTIFICATE",
  REGISTER_MFA_METHOD: "REGISTER_MFA_METHOD",
  ADD_STRONG_INDEPENDENT_METHOD: "ADD_STRONG_INDEPENDENT_METHOD",
  MOVE_TO_WORKLOAD_IDENTITY: "MOVE_TO_WORKLOAD_IDENTITY",
  UPDATE_CLIENT_TOOLS: "UPDATE_CLIENT_TOOLS",
  REQUEST_POSTPONEMENT: "REQUEST_POSTPONEMENT",
} as const;

export type VerdictCode = keyof typeof VERDICT_CODES;

/** Where a method was learnt: typed methods, the registration report, or the user's certificate bindings. */
export type MethodSource = "methods" | "registrationDetails" | "certificateUserIds";

export interface MethodEntry {
  /** Graph's short `@odata.type` (e.g. `fido2AuthenticationMethod`) or the `methodsRegistered` value. */
  type: string;
  /** A readable name (the method's own displayName when Graph gives one). */
  name: string;
  source: MethodSource;
  /** A synced passkey (passKeySynced, or a synced provider's AAGUID): strong, never for a break-glass account. */
  synced?: boolean;
}

export interface VerdictMethods {
  strongIndependent: MethodEntry[];
  mfaService: MethodEntry[];
  /** External MFA providers (Duo, Okta…): count as MFA, but are not strong-independent. */
  external: MethodEntry[];
  notMfa: MethodEntry[];
  /** Types the product does not know: reported, never counted as MFA. */
  unknown: MethodEntry[];
  /** Registered, but the tenant's policy does not allow it for this user. */
  notCounted: Array<{ method: MethodEntry; reason: string }>;
}

/** Counted in-scope sign-ins to one app: what it is, when last, how many. */
export interface EvidenceEntry {
  appId: string;
  app: string;
  lastSignIn: string;
  count: number;
  /** How many of `count` were non-interactive (silent token refreshes, rule 1). */
  silent: number;
}

export interface Verdict {
  userId: string;
  userPrincipalName: string;
  displayName: string;
  userType: string;
  /** Holds a directory role. */
  isAdmin: boolean;
  /** The roles held: the product's role name, or the template id for a role it does not name. */
  roles: string[];
  phase1: PhaseVerdict;
  phase2: PhaseVerdict;
  mfaReady: boolean;
  breakGlass: boolean;
  serviceAccountSuspect: boolean;
  methods: VerdictMethods;
  /** Required, in order; empty means nothing is required. */
  actions: VerdictCode[];
  /** Optional, in order. */
  suggestions: VerdictCode[];
  evidence: { phase1: EvidenceEntry[]; phase2: EvidenceEntry[] };
  dataGaps: DataGap[];
}
