import type { DataGap, UserFacts } from "./facts";
import type { MethodKind } from "./method-classes";
import {
  CERTIFICATE_METHOD,
  METHOD_KINDS_BY_ODATA_TYPE,
  METHOD_KINDS_BY_REGISTERED,
  shortODataType,
} from "./method-classes";
import type { Allowance, PreparedPolicy } from "./policy";
import { allowance, counts } from "./policy";
import type { MethodEntry, VerdictMethods } from "./verdict";

/** The user's methods sorted by class, after the tenant's policy (DOMAIN.md rule 3). */
export interface MethodFindings {
  methods: VerdictMethods;
  gaps: DataGap[];
}

interface Candidate {
  entry: MethodEntry;
  kind: MethodKind | undefined;
}

function candidates(facts: UserFacts): Candidate[] {
  const found: Candidate[] = [];
  if (facts.methods !== undefined) {
    for (const method of facts.methods) {
      const type = shortODataType(method["@odata.type"]);
      const kind = METHOD_KINDS_BY_ODATA_TYPE[type];
      found.push({
        entry: { type, name: method.displayName || kind?.name || type, source: "methods" },
        kind,
      });
    }
  } else if (facts.registration !== undefined) {
    for (const type of facts.registration.methodsRegistered) {
      const kind = METHOD_KINDS_BY_REGISTERED[type];
      found.push({ entry: { type, name: kind?.name ?? type, source: "registrationDetails" }, kind });
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
  allowanceOf: (id: MethodKind["governedBy"][number]) => Allowance,
): Allowance {
  if (kind.governedBy.length === 0) {
    return "allowed";
  }
  const values = kind.governedBy.map(allowanceOf);
  return values.find((value) => value === "allowed") ?? values.find(counts) ?? values[0]!;
}

export function findMethods(
  facts: UserFacts,
  allowanceOf: (id: MethodKind["governedBy"][number]) => Allowance,
): MethodFindings {
  const methods: VerdictMethods = {
    strongIndependent: [],
    mfaService: [],
    notMfa: [],
    unknown: [],
    notCounted: [],
  };
  const gaps: DataGap[] = [];
  for (const { entry, kind } of candidates(facts)) {
    if (kind === undefined) {
      methods.unknown.push(entry);
      continue;
    }
    const verdict = decide(kind, allowanceOf);
    if (!counts(verdict)) {
      methods.notCounted.push({ method: entry, reason: verdict });
      continue;
    }
    if (verdict === "absent") {
      for (const id of kind.governedBy.filter((each) => allowanceOf(each) === "absent")) {
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
): (id: MethodKind["governedBy"][number]) => Allowance {
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
