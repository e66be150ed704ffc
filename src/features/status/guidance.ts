import { ENFORCEMENT_PHASES } from "../../domain/timeline";
import { readableDay } from "./readable-date";

/**
 * What to do for each action or suggestion code, with Microsoft's own pages. Shown when someone presses
 * an action button on the status card, until a walkthrough takes that code over.
 */
export interface GuidanceLink {
  title: string;
  url: string;
}

export interface Guidance {
  title: string;
  /** One sentence: why this matters for mandatory MFA for Azure. */
  why: string;
  steps: string[];
  links: GuidanceLink[];
}

const MY_SECURITY_INFO: GuidanceLink = {
  title: "Open My Security info",
  url: "https://aka.ms/mysecurityinfo",
};
const MANDATORY_MFA: GuidanceLink = {
  title: "Mandatory MFA for Azure (Microsoft Learn)",
  url: "https://learn.microsoft.com/entra/identity/authentication/concept-mandatory-multifactor-authentication",
};

export const GUIDANCE = {
  REGISTER_PASSKEY: {
    title: "Add a passkey",
    why: "A passkey (a FIDO2 security key, or a passkey in Microsoft Authenticator) counts as MFA, resists phishing and works even when the Microsoft MFA service is down.",
    steps: [
      "Open My Security info and sign in.",
      "Choose Add sign-in method, then Passkey (or Security key).",
      "Follow the prompts on your phone or security key, then come back here and press Refresh.",
    ],
    links: [
      MY_SECURITY_INFO,
      {
        title: "Register a passkey",
        url: "https://learn.microsoft.com/entra/identity/authentication/how-to-register-passkey",
      },
      {
        title: "Passkey in Microsoft Authenticator",
        url: "https://learn.microsoft.com/entra/identity/authentication/how-to-register-passkey-authenticator",
      },
    ],
  },
  ADD_STRONG_INDEPENDENT_METHOD: {
    title: "Give this emergency access account a phishing-resistant method",
    why: "An emergency access (break-glass) account must still sign in when the Microsoft MFA service is down, so it needs a FIDO2 security key or a certificate, not a phone or app.",
    steps: [
      "Sign in as the emergency access account in a private browser window and open My Security info.",
      "Add a FIDO2 security key (keep a second one as a backup), or have an admin bind a certificate.",
      "Store the keys and their PINs where the account's password used to be kept, then press Refresh.",
    ],
    links: [
      MY_SECURITY_INFO,
      {
        title: "Manage emergency access accounts",
        url: "https://learn.microsoft.com/entra/identity/role-based-access-control/security-emergency-access",
      },
      {
        title: "Enable passkeys (FIDO2)",
        url: "https://learn.microsoft.com/entra/identity/authentication/how-to-enable-passkey-fido2",
      },
    ],
  },
  BIND_CERTIFICATE: {
    title: "Sign in with a certificate",
    why: "Your organisation allows certificate-based authentication: a certificate on a smart card or device counts as phishing-resistant MFA.",
    steps: [
      "Ask your IT team for a user certificate (smart card or device certificate).",
      "An admin binds it to your account (certificate user ids); then press Refresh.",
    ],
    links: [
      {
        title: "Certificate-based authentication",
        url: "https://learn.microsoft.com/entra/identity/authentication/concept-certificate-based-authentication",
      },
      {
        title: "Configure certificate-based authentication",
        url: "https://learn.microsoft.com/entra/identity/authentication/how-to-certificate-based-authentication",
      },
    ],
  },
  REGISTER_MFA_METHOD: {
    title: "Set up multifactor authentication",
    why: "Without an MFA method you are blocked from the Azure portal and Azure tools wherever mandatory MFA is enforced.",
    steps: [
      "Open My Security info and sign in.",
      "Choose Add sign-in method and pick Microsoft Authenticator (or the method your organisation offers).",
      "Finish the set-up, then come back here and press Refresh.",
    ],
    links: [
      MY_SECURITY_INFO,
      {
        title: "Microsoft Authenticator",
        url: "https://learn.microsoft.com/entra/identity/authentication/concept-authentication-authenticator-app",
      },
    ],
  },
  MOVE_TO_WORKLOAD_IDENTITY: {
    title: "Move automation to a workload identity",
    why: "Scripts that sign in as a user with a password will break under mandatory MFA. Workload identities (service principals, managed identities) are not in scope.",
    steps: [
      "Find the scripts or pipelines that use this account (the sign-ins on your status card name the tools).",
      "Create an app registration with a certificate or federated credential, or use a managed identity.",
      "Give it the same Azure role assignments, switch the scripts over, then disable the user account's password sign-in.",
    ],
    links: [
      {
        title: "Workload identities",
        url: "https://learn.microsoft.com/entra/workload-id/workload-identities-overview",
      },
      MANDATORY_MFA,
    ],
  },
  REGISTER_WHFB: {
    title: "Set up Windows Hello for Business",
    why: "Windows Hello for Business counts as phishing-resistant MFA and does not depend on the Microsoft MFA service.",
    steps: [
      "On your work Windows PC, open Settings > Accounts > Sign-in options.",
      "Set up a PIN or face/fingerprint with Windows Hello, signed in with your work account.",
      "Press Refresh here when done.",
    ],
    links: [
      {
        title: "Windows Hello for Business",
        url: "https://learn.microsoft.com/windows/security/identity-protection/hello-for-business/",
      },
    ],
  },
  UPDATE_CLIENT_TOOLS: {
    title: "Update Azure CLI and Azure PowerShell",
    why: "Older versions do not handle the MFA prompt well: use Azure CLI 2.76 or later and Azure PowerShell 14.3 or later.",
    steps: [
      "Run `az upgrade` (or reinstall Azure CLI).",
      "Run `Update-Module Az` (or reinstall Azure PowerShell).",
    ],
    links: [
      { title: "Install Azure CLI", url: "https://learn.microsoft.com/cli/azure/install-azure-cli" },
      {
        title: "Install Azure PowerShell",
        url: "https://learn.microsoft.com/powershell/azure/install-azure-powershell",
      },
    ],
  },
  REQUEST_POSTPONEMENT: {
    title: "Ask for more time",
    why: "A Global Administrator can postpone enforcement for the whole tenant, up to Microsoft's latest dates.",
    steps: [
      "Ask a Global Administrator of your organisation; they decide for the whole tenant.",
      "They elevate access and use Microsoft's page for the phase concerned.",
    ],
    links: [
      { title: "Postpone phase 1 (portals)", url: "https://aka.ms/managemfaforazure" },
      { title: "Postpone phase 2 (Azure Resource Manager)", url: "https://aka.ms/postponePhase2MFA" },
      MANDATORY_MFA,
    ],
  },
} as const satisfies Record<string, Guidance>;

export type GuidanceCode = keyof typeof GUIDANCE;

export function isGuidanceCode(code: unknown): code is GuidanceCode {
  return typeof code === "string" && Object.prototype.hasOwnProperty.call(GUIDANCE, code);
}

/** Card data for adaptiveCards/guidance.json. */
export interface GuidanceCardData {
  code: GuidanceCode;
  title: string;
  why: string;
  steps: Array<{ number: number; text: string }>;
  links: GuidanceLink[];
  /** Extra lines from the caller, e.g. the postponement dates that still apply today. */
  notes: string[];
}

export function guidanceCardData(code: GuidanceCode, notes: string[] = []): GuidanceCardData {
  const guidance: Guidance = GUIDANCE[code];
  return {
    code,
    title: guidance.title,
    why: guidance.why,
    steps: guidance.steps.map((text, index) => ({ number: index + 1, text })),
    links: [...guidance.links],
    notes,
  };
}

/**
 * The postponement line of the "Ask for more time" guidance, true as of `now`: which phases a Global
 * Administrator can still postpone, and until when, from the one timeline file.
 */
export function postponementNotes(now: Date): string[] {
  const open = ENFORCEMENT_PHASES.filter(
    (phase) => Date.parse(phase.selfServicePostponementUntil) > now.getTime(),
  );
  if (open.length === 0) {
    return [
      "The self-service postponement dates have passed: only a Microsoft Support request can lift enforcement for a while.",
    ];
  }
  return open.map(
    (phase) =>
      `Phase ${phase.phase} (${phase.covers}) can still be postponed until ${readableDay(phase.selfServicePostponementUntil)}.`,
  );
}
