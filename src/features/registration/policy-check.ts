import type {
  AuthenticationMethodConfiguration,
  AuthenticationMethodsPolicy,
} from "../../directory/graph-types";
import type { MethodConfigurationId } from "../../domain/method-classes";
import { type Allowance, allowance, counts, preparePolicy } from "../../domain/policy";
import { keyModelNames } from "./aaguids";
import type { WalkthroughMethod } from "./methods";

/** Who the policy is checked for: the user's id, their (transitive) group ids, guest or member, bindings. */
export interface PolicySubject {
  userId: string;
  groupIds: readonly string[];
  userType?: string | null;
  certificateUserIds: readonly string[];
}

export interface KeyRestrictions {
  /** "allow": only these models; "block": any model but these. */
  mode: "allow" | "block";
  models: string[];
}

/** Whether a walkthrough can work for this user under the tenant's policy (DOMAIN.md rule 3), and why not. */
export interface PolicyCheck {
  method: WalkthroughMethod;
  allowed: boolean;
  /** Sentences the card shows when it is not allowed. */
  problems: string[];
  /** Facts worth showing on the first step (key restrictions, current certificate bindings). */
  notes: string[];
  keyRestrictions?: KeyRestrictions;
}

const WHY: Readonly<Record<Allowance, string>> = {
  allowed: "",
  absent: "",
  unreadable: "",
  disabled: "is turned off for the whole organisation",
  notTargeted: "is not enabled for you (you are not in the groups it targets)",
  excluded: "is enabled, but you are excluded from it",
};

const CONFIG_NAMES: Readonly<Record<MethodConfigurationId, string>> = {
  Fido2: "Passkeys (FIDO2)",
  MicrosoftAuthenticator: "Microsoft Authenticator",
  Sms: "SMS",
  Voice: "Voice call",
  SoftwareOath: "Software OATH tokens",
  HardwareOath: "Hardware OATH tokens",
  X509Certificate: "Certificate-based authentication",
  Email: "Email one-time passcode",
  TemporaryAccessPass: "Temporary Access Pass",
};

function configuration(
  policy: AuthenticationMethodsPolicy | undefined,
  id: MethodConfigurationId,
): AuthenticationMethodConfiguration | undefined {
  return policy?.authenticationMethodConfigurations.find(
    (item) => item.id.toLowerCase() === id.toLowerCase(),
  );
}

/** The key restrictions of the Fido2 configuration, as models, when enforced. */
export function keyRestrictionsOf(
  policy: AuthenticationMethodsPolicy | undefined,
): KeyRestrictions | undefined {
  const raw = configuration(policy, "Fido2")?.keyRestrictions as
    { isEnforced?: unknown; enforcementType?: unknown; aaGuids?: unknown } | undefined;
  if (raw?.isEnforced !== true || !Array.isArray(raw.aaGuids)) {
    return undefined;
  }
  const aaguids = raw.aaGuids.filter((id): id is string => typeof id === "string");
  return { mode: raw.enforcementType === "allow" ? "allow" : "block", models: keyModelNames(aaguids) };
}

/** Checks the tenant's authentication methods policy for one walkthrough and one user. Pure. */
export function checkPolicy(
  method: WalkthroughMethod,
  policy: AuthenticationMethodsPolicy | undefined,
  subject: PolicySubject,
): PolicyCheck {
  const prepared = preparePolicy(policy);
  const userId = subject.userId.toLowerCase();
  const groups = subject.groupIds.map((id) => id.toLowerCase());
  const allowanceOf = (id: MethodConfigurationId) => allowance(prepared, id, userId, groups);
  const problems: string[] = [];
  const notes: string[] = [];
  const require = (id: MethodConfigurationId) => {
    const value = allowanceOf(id);
    if (!counts(value)) {
      problems.push(
        `${CONFIG_NAMES[id]} ${WHY[value]} in your organisation's authentication methods policy.`,
      );
    }
  };

  switch (method) {
    case "passkey": {
      require("Fido2");
      if (configuration(policy, "Fido2")?.isSelfServiceRegistrationAllowed === false) {
        problems.push(
          "Your organisation does not allow people to register passkeys themselves; an admin must provision one for you.",
        );
      }
      const restrictions = keyRestrictionsOf(policy);
      if (restrictions !== undefined) {
        notes.push(
          restrictions.mode === "allow"
            ? `Only these models are allowed: ${restrictions.models.join(", ") || "none"}.`
            : `These models are blocked: ${restrictions.models.join(", ") || "none"}.`,
        );
      }
      return { method, allowed: problems.length === 0, problems, notes, keyRestrictions: restrictions };
    }
    case "certificate":
      require("X509Certificate");
      notes.push(
        subject.certificateUserIds.length > 0
          ? `Your certificate bindings: ${subject.certificateUserIds.join(", ")}.`
          : "Your account has no certificate binding yet.",
      );
      break;
    case "whfb":
      if ((subject.userType ?? "").toLowerCase() === "guest") {
        problems.push(
          "Windows Hello for Business needs a work account on a PC joined to this organisation; as a guest, use a passkey or your home organisation's methods.",
        );
      }
      break;
    case "mfaMethod": {
      const any = (["MicrosoftAuthenticator", "Sms", "Voice", "SoftwareOath", "HardwareOath"] as const).some(
        (id) => counts(allowanceOf(id)),
      );
      if (!any) {
        problems.push(
          "No app, phone or OATH method is enabled for you in your organisation's authentication methods policy.",
        );
      } else if (!counts(allowanceOf("MicrosoftAuthenticator"))) {
        notes.push(
          "Microsoft Authenticator is not enabled for you; add the phone or OATH method your organisation offers instead.",
        );
      }
      break;
    }
    case "breakGlass":
      if (!counts(allowanceOf("Fido2")) && !counts(allowanceOf("X509Certificate"))) {
        problems.push(
          "Neither passkeys (FIDO2) nor certificate-based authentication is enabled in the authentication methods policy for these accounts.",
        );
      }
      break;
    case "workloadIdentity":
      break;
  }
  return { method, allowed: problems.length === 0, problems, notes };
}

/** The personal walkthroughs that would work for this user, for a blocked card's "try instead". */
export function allowedAlternatives(
  method: WalkthroughMethod,
  policy: AuthenticationMethodsPolicy | undefined,
  subject: PolicySubject,
): WalkthroughMethod[] {
  return (["passkey", "whfb", "certificate", "mfaMethod"] as const).filter(
    (other) => other !== method && checkPolicy(other, policy, subject).allowed,
  );
}
