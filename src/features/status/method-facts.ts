import { userText } from "../../cards";
import {
  CERTIFICATE_METHOD,
  METHOD_KINDS_BY_ODATA_TYPE,
  METHOD_KINDS_BY_REGISTERED,
  SYNCED_PASSKEY,
} from "../../domain/method-classes";
import type { MethodEntry, VerdictMethods } from "../../domain/verdict";

/** One FactSet row of the status card: a method class and the methods in it. */
export interface MethodFact {
  title: string;
  value: string;
}

const NOT_COUNTED_REASON: Readonly<Record<string, string>> = {
  disabled: "turned off in your organisation",
  notTargeted: "not enabled for you",
  excluded: "you are excluded from it",
};

function kindName(type: string): string | undefined {
  if (type === CERTIFICATE_METHOD.type) {
    return CERTIFICATE_METHOD.name;
  }
  return METHOD_KINDS_BY_ODATA_TYPE[type]?.name ?? METHOD_KINDS_BY_REGISTERED[type]?.name;
}

/** "Microsoft Authenticator (Alice's iPhone)": the kind first, the device's own name (user text) after it. */
export function methodLabel(entry: MethodEntry): string {
  const kind = entry.synced ? SYNCED_PASSKEY.name : kindName(entry.type);
  if (kind === undefined) {
    return userText(entry.name || entry.type);
  }
  const provider = entry.name.startsWith(`${kind} (`) ? entry.name.slice(kind.length + 2, -1) : entry.name;
  const label = provider && provider !== kind ? `${kind} (${userText(provider)})` : kind;
  // What the class means for this person, in the card's words (DOMAIN.md rule 5).
  return entry.synced ? `${label}: works for you; not for an emergency account` : label;
}

function join(labels: string[]): string {
  return [...new Set(labels)].join(", ");
}

/** The user's methods by class, in the order that matters for mandatory MFA; empty classes are left out. */
export function methodFacts(methods: VerdictMethods): MethodFact[] {
  const rows: Array<[string, string[]]> = [
    ["Phishing-resistant MFA", methods.strongIndependent.map(methodLabel)],
    ["MFA", methods.mfaService.map(methodLabel)],
    ["External MFA (counts; not for an emergency account)", methods.external.map(methodLabel)],
    ["Not MFA", methods.notMfa.map(methodLabel)],
    ["Unknown (not counted)", methods.unknown.map(methodLabel)],
    [
      "Not allowed by policy",
      methods.notCounted.map(
        ({ method, reason }) => `${methodLabel(method)}: ${NOT_COUNTED_REASON[reason] ?? reason}`,
      ),
    ],
  ];
  return rows
    .filter(([, labels]) => labels.length > 0)
    .map(([title, labels]) => ({ title, value: join(labels) }));
}
