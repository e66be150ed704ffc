import { userText } from "../../cards";
import { ENGLISH, type Locale } from "../../domain/language";
import {
  CERTIFICATE_METHOD,
  METHOD_KINDS_BY_ODATA_TYPE,
  METHOD_KINDS_BY_REGISTERED,
  SYNCED_PASSKEY,
} from "../../domain/method-classes";
import type { MethodEntry, VerdictMethods } from "../../domain/verdict";
import { textsFor } from "../../i18n/i18n";

/** One FactSet row of the status card: a method class and the methods in it. */
export interface MethodFact {
  title: string;
  value: string;
}

type Texts = ReturnType<typeof textsFor>;

const NOT_COUNTED_REASONS = new Set(["disabled", "notTargeted", "excluded"]);

/** The domain's method names (method-classes.ts) -> their key under status.methods.kinds. */
const KIND_KEYS: Readonly<Record<string, string>> = {
  "Passkey / FIDO2 security key": "passkey",
  "Synced passkey": "syncedPasskey",
  "External MFA provider": "external",
  "QR code sign-in": "qrCode",
  "Windows Hello for Business": "whfb",
  "macOS platform credential": "platformCredential",
  "Microsoft Authenticator": "authenticator",
  "Phone (SMS or voice)": "phone",
  "Software OATH token": "softwareOath",
  "Hardware OATH token": "hardwareOath",
  Password: "password",
  "Email one-time passcode": "email",
  "Temporary Access Pass": "temporaryAccessPass",
  "Security questions": "securityQuestion",
  "Certificate-based authentication": "certificate",
};

function kindName(type: string): string | undefined {
  if (type === CERTIFICATE_METHOD.type) {
    return CERTIFICATE_METHOD.name;
  }
  return METHOD_KINDS_BY_ODATA_TYPE[type]?.name ?? METHOD_KINDS_BY_REGISTERED[type]?.name;
}

function localKind(t: Texts, kind: string): string {
  const key = KIND_KEYS[kind];
  return key === undefined ? kind : t(`status.methods.kinds.${key}`);
}

/** "Microsoft Authenticator (Alice's iPhone)": the kind first, the device's own name (user text) after it. */
export function methodLabel(entry: MethodEntry, locale: Pick<Locale, "language"> = ENGLISH): string {
  const t = textsFor(locale);
  const kind = entry.synced ? SYNCED_PASSKEY.name : kindName(entry.type);
  if (kind === undefined) {
    return userText(entry.name || entry.type);
  }
  const provider = entry.name.startsWith(`${kind} (`) ? entry.name.slice(kind.length + 2, -1) : entry.name;
  const own = localKind(t, kind);
  const label =
    provider && provider !== kind
      ? t("status.methods.withProvider", { kind: own, provider: userText(provider) })
      : own;
  // What the class means for this person, in the card's words (DOMAIN.md rule 5).
  return entry.synced ? t("status.methods.syncedNote", { method: label }) : label;
}

function join(labels: string[], t: Texts): string {
  return [...new Set(labels)].join(t("status.methods.separator"));
}

/** The user's methods by class, in the order that matters for mandatory MFA; empty classes are left out. */
export function methodFacts(
  methods: VerdictMethods,
  locale: Pick<Locale, "language"> = ENGLISH,
): MethodFact[] {
  const t = textsFor(locale);
  const label = (entry: MethodEntry) => methodLabel(entry, locale);
  const rows: Array<[string, string[]]> = [
    ["strongIndependent", methods.strongIndependent.map(label)],
    ["mfaService", methods.mfaService.map(label)],
    ["external", methods.external.map(label)],
    ["notMfa", methods.notMfa.map(label)],
    ["unknown", methods.unknown.map(label)],
    [
      "notCounted",
      methods.notCounted.map(({ method, reason }) =>
        t("status.methods.notCountedLine", {
          method: label(method),
          reason: NOT_COUNTED_REASONS.has(reason) ? t(`status.methods.${reason}`) : reason,
        }),
      ),
    ],
  ];
  return rows
    .filter(([, labels]) => labels.length > 0)
    .map(([key, labels]) => ({ title: t(`status.methods.${key}`), value: join(labels, t) }));
}
