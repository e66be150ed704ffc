import type { DataGap, UserFacts } from "./facts";
import type { MethodKind } from "./method-classes";
import {
  CERTIFICATE_METHOD,
  METHOD_KINDS_BY_ODATA_TYPE,
  METHOD_KINDS_BY_REGISTERED,
  shortODataType,
  SYNCED_PASSKEY,
} from "./method-classes";
import type { Allowance, PreparedPolicy } from "./policy";
import { allowance, counts } from "./policy";
import { syncedProvider } from "./synced-passkeys";
import type { MethodEntry, VerdictMethods } from "./verdict";

/** The user's methods sorted by class, after the tenant's policy (DOMAIN.md rule 3). */
export interface MethodFindings {
  methods: VerdictMethods;
  gaps: DataGap[];
}

interface Candidate {
  entry: MethodEntry;
  kind: MethodKind | undefined;
  /** The configurations that govern this one method, when not its kind's (an external provider's own). */
  governedBy?: readonly string[];
}

/** A typed method's kind: a FIDO2 passkey from a synced provider's AAGUID is a synced passkey. */
function typedCandidate(method: NonNullable<UserFacts["methods"]>[number]): Candidate {
  const type = shortODataType(method["@odata.type"]);
  const provider = type === "fido2AuthenticationMethod" ? syncedProvider(method.aaGuid) : undefined;
  const kind = provider === undefined ? METHOD_KINDS_BY_ODATA_TYPE[type] : SYNCED_PASSKEY;
  const name =
    method.displayName ||
    (provider === undefined ? kind?.name : `${SYNCED_PASSKEY.name} (${provider})`) ||
    type;
  const entry: MethodEntry = { type, name, source: "methods", ...(kind?.synced ? { synced: true } : {}) };
  if (kind?.external) {
    // Counted through the external configuration whose id is the method's configurationId (rule 3).
    const id = typeof method.configurationId === "string" ? method.configurationId.toLowerCase() : "";
    return { entry, kind, governedBy: [id === "" ? "externalAuthenticationMethod" : id] };
  }
  return { entry, kind };
}

function candidates(facts: UserFacts, externalIds: readonly string[]): Candidate[] {
  const found: Candidate[] = [];
  if (facts.methods !== undefined) {
    for (const method of facts.methods) {
      found.push(typedCandidate(method));
    }
  } else if (facts.registration !== undefined) {
    for (const type of facts.registration.methodsRegistered) {
      const kind = METHOD_KINDS_BY_REGISTERED[type];
      const entry: MethodEntry = {
        type,
        name: kind?.name ?? type,
        source: "registrationDetails",
        ...(kind?.synced ? { synced: true } : {}),
      };
      // A registration-details external method counts if any external configuration allows the user.
      found.push({ entry, kind, ...(kind?.external ? { governedBy: externalIds } : {}) });
    }
  }
  if ((facts.user.authorizationInfo?.certificateUserIds?.length ?? 0) > 0) {
    const { type, name } = CERTIFICATE_METHOD;
    found.push({ entry: { type, name, source: "certificateUserIds" }, kind: CERTIFICATE_METHOD });
  }
  return found;
}

/** One verdict for a method governed by several configurations (phone: Sms or Voice): the best of them. */
function decide(
  kind: MethodKind,
  governedBy: readonly string[],
  allowanceOf: (id: string) => Allowance,
): Allowance {
  if (governedBy.length === 0) {
    // An external method with no external configuration in the policy: absent, like any other (rule 3).
    return kind.external ? allowanceOf("externalAuthenticationMethod") : "allowed";
  }
  const values = governedBy.map(allowanceOf);
  return values.find((value) => value === "allowed") ?? values.find(counts) ?? values[0]!;
}

export function findMethods(
  facts: UserFacts,
  allowanceOf: (id: string) => Allowance,
  externalIds: readonly string[] = [],
): MethodFindings {
  const methods: VerdictMethods = {
    strongIndependent: [],
    mfaService: [],
    external: [],
    notMfa: [],
    unknown: [],
    notCounted: [],
  };
  const gaps: DataGap[] = [];
  for (const { entry, kind, governedBy } of candidates(facts, externalIds)) {
    if (kind === undefined) {
      methods.unknown.push(entry);
      continue;
    }
    const governing = governedBy ?? kind.governedBy;
    const verdict = decide(kind, governing, allowanceOf);
    if (!counts(verdict)) {
      methods.notCounted.push({ method: entry, reason: verdict });
      continue;
    }
    if (verdict === "absent") {
      const absent = governing.length === 0 ? ["externalAuthenticationMethod"] : governing;
      for (const id of absent.filter((each) => allowanceOf(each) === "absent")) {
        if (!gaps.some((gap) => gap.data === `policy.${id}`)) {
          gaps.push({ data: `policy.${id}`, reason: "notInPolicy" });
        }
      }
    }
    methods[kind.class].push(entry);
  }
  return { methods, gaps };
}

/** Binds the prepared policy to one user, memoising the nine possible configuration lookups. */
export function allowanceFor(
  policy: PreparedPolicy,
  userId: string,
  groupIds: readonly string[],
): (id: string) => Allowance {
  const memo = new Map<string, Allowance>();
  return (id) => {
    let value = memo.get(id);
    if (value === undefined) {
      value = allowance(policy, id, userId, groupIds);
      memo.set(id, value);
    }
    return value;
  };
}
