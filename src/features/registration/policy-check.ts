import type { TFunction } from "i18next";

import type {
  AuthenticationMethodConfiguration,
  AuthenticationMethodsPolicy,
} from "../../directory/graph-types";
import type { MethodConfigurationId } from "../../domain/method-classes";
import { allowance, counts, preparePolicy } from "../../domain/policy";
import { keyModelNames } from "./aaguids";
import type { WalkthroughMethod } from "./methods";
import { type Texts, textsOf } from "./texts";

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
  t?: TFunction,
): KeyRestrictions | undefined {
  const raw = configuration(policy, "Fido2")?.keyRestrictions as
    { isEnforced?: unknown; enforcementType?: unknown; aaGuids?: unknown } | undefined;
  if (raw?.isEnforced !== true || !Array.isArray(raw.aaGuids)) {
    return undefined;
  }
  const aaguids = raw.aaGuids.filter((id): id is string => typeof id === "string");
  return { mode: raw.enforcementType === "allow" ? "allow" : "block", models: keyModelNames(aaguids, t) };
}

/** Checks the tenant's authentication methods policy for one walkthrough and one user. Pure. */
export function checkPolicy(
  method: WalkthroughMethod,
  policy: AuthenticationMethodsPolicy | undefined,
  subject: PolicySubject,
  { t }: Texts = textsOf(),
): PolicyCheck {
  const prepared = preparePolicy(policy);
  const userId = subject.userId.toLowerCase();
  const groups = subject.groupIds.map((id) => id.toLowerCase());
  const allowanceOf = (id: MethodConfigurationId) => allowance(prepared, id, userId, groups);
  const problems: string[] = [];
  const notes: string[] = [];
  const require = (id: MethodConfigurationId) => {
    const value = allowanceOf(id);
    if (value === "disabled" || value === "notTargeted" || value === "excluded") {
      problems.push(t(`registration.policy.${value}`, { config: t(`registration.policy.configs.${id}`) }));
    }
  };

  switch (method) {
    case "passkey": {
      require("Fido2");
      if (configuration(policy, "Fido2")?.isSelfServiceRegistrationAllowed === false) {
        problems.push(t("registration.policy.noSelfService"));
      }
      const restrictions = keyRestrictionsOf(policy, t);
      if (restrictions !== undefined) {
        const models =
          restrictions.models.length > 0
            ? restrictions.models.join(t("registration.step.listSeparator"))
            : t("registration.policy.noModels");
        notes.push(
          t(`registration.policy.${restrictions.mode === "allow" ? "onlyModels" : "blockedModels"}`, {
            models,
          }),
        );
      }
      return { method, allowed: problems.length === 0, problems, notes, keyRestrictions: restrictions };
    }
    case "certificate":
      require("X509Certificate");
      notes.push(
        subject.certificateUserIds.length > 0
          ? t("registration.policy.bindings", { bindings: subject.certificateUserIds.join(", ") })
          : t("registration.policy.noBinding"),
      );
      break;
    case "whfb":
      if ((subject.userType ?? "").toLowerCase() === "guest") {
        problems.push(t("registration.policy.guestWhfb"));
      }
      break;
    case "mfaMethod": {
      const any = (["MicrosoftAuthenticator", "Sms", "Voice", "SoftwareOath", "HardwareOath"] as const).some(
        (id) => counts(allowanceOf(id)),
      );
      if (!any) {
        problems.push(t("registration.policy.noMfaMethod"));
      } else if (!counts(allowanceOf("MicrosoftAuthenticator"))) {
        notes.push(t("registration.policy.noAuthenticator"));
      }
      break;
    }
    case "breakGlass":
      if (!counts(allowanceOf("Fido2")) && !counts(allowanceOf("X509Certificate"))) {
        problems.push(t("registration.policy.breakGlassBlocked"));
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
