import type { VerbName } from "../../cards/verbs";
import { MINIMUM_CLIENT_TOOLS } from "../../domain/timeline";
import type { VerdictCode } from "../../domain/verdict";

/** The button title and the one-line explanation for each action and suggestion code on the status card. */
export interface CodeText {
  button: string;
  line: string;
}

/**
 * Which Action.Execute verb a code's button sends (always with `{code}`): the walkthrough that owns the
 * code, so the registration and postponement features receive their own verbs.
 */
export const CODE_VERBS: Readonly<Record<VerdictCode, VerbName>> = {
  REGISTER_PASSKEY: "startRegistration",
  REGISTER_WHFB: "startRegistration",
  BIND_CERTIFICATE: "startRegistration",
  REGISTER_MFA_METHOD: "startRegistration",
  ADD_STRONG_INDEPENDENT_METHOD: "startRegistration",
  MOVE_TO_WORKLOAD_IDENTITY: "startAction",
  UPDATE_CLIENT_TOOLS: "startAction",
  REQUEST_POSTPONEMENT: "requestPostponement",
};

export const CODE_TEXTS: Readonly<Record<VerdictCode, CodeText>> = {
  REGISTER_PASSKEY: {
    button: "Add a passkey",
    line: "Add a passkey (a security key, or a passkey in Microsoft Authenticator): it counts as MFA and resists phishing.",
  },
  REGISTER_WHFB: {
    button: "Set up Windows Hello",
    line: "Set up Windows Hello for Business on your work PC: phishing-resistant, and it works when the MFA service is down.",
  },
  BIND_CERTIFICATE: {
    button: "Use a certificate",
    line: "Sign in with a certificate: your organisation allows certificate-based authentication for you.",
  },
  REGISTER_MFA_METHOD: {
    button: "Set up MFA",
    line: "Register a method that counts as MFA, such as Microsoft Authenticator.",
  },
  ADD_STRONG_INDEPENDENT_METHOD: {
    button: "Add a security key",
    line: "Give this emergency access account a FIDO2 security key or a certificate: it must work even when the Microsoft MFA service is down.",
  },
  MOVE_TO_WORKLOAD_IDENTITY: {
    button: "Move to a workload identity",
    line: "Move the scripts that use this account to a workload identity (a service principal or managed identity): wherever mandatory MFA is enforced, a user sign-in with a password fails.",
  },
  UPDATE_CLIENT_TOOLS: {
    button: "Update Azure tools",
    line: `Update your tools: Azure CLI ${MINIMUM_CLIENT_TOOLS.azureCli} or later and Azure PowerShell ${MINIMUM_CLIENT_TOOLS.azurePowerShell} or later handle the MFA prompt.`,
  },
  REQUEST_POSTPONEMENT: {
    button: "Ask for more time",
    line: "If you cannot be ready in time, a Global Administrator can still postpone enforcement for the tenant.",
  },
};
