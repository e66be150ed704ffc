import { ENGLISH, type Locale } from "../../domain/language";
import { ENFORCEMENT_PHASES, MINIMUM_CLIENT_TOOLS } from "../../domain/timeline";
import { textsFor } from "../../i18n/i18n";
import { readableDay } from "./readable-date";

/**
 * What to do for each action or suggestion code, with Microsoft's own pages. Shown when someone presses
 * an action button on the status card, until a walkthrough takes that code over. The words are in the
 * resources (status.guidance.<code>); here are the pages and how many steps each code has.
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

/** A link: its title's key under status.guidance.links, and Microsoft's address. */
type LinkSource = readonly [key: string, url: string];

const MY_SECURITY_INFO: LinkSource = ["mySecurityInfo", "https://aka.ms/mysecurityinfo"];
const MANDATORY_MFA: LinkSource = [
  "mandatoryMfa",
  "https://learn.microsoft.com/entra/identity/authentication/concept-mandatory-multifactor-authentication",
];

const SOURCES = {
  REGISTER_PASSKEY: {
    steps: 3,
    links: [
      MY_SECURITY_INFO,
      [
        "registerPasskey",
        "https://learn.microsoft.com/entra/identity/authentication/how-to-register-passkey",
      ],
      [
        "passkeyAuthenticator",
        "https://learn.microsoft.com/entra/identity/authentication/how-to-register-passkey-authenticator",
      ],
    ],
  },
  ADD_STRONG_INDEPENDENT_METHOD: {
    steps: 3,
    links: [
      MY_SECURITY_INFO,
      [
        "emergencyAccess",
        "https://learn.microsoft.com/entra/identity/role-based-access-control/security-emergency-access",
      ],
      [
        "enablePasskeys",
        "https://learn.microsoft.com/entra/identity/authentication/how-to-enable-passkey-fido2",
      ],
    ],
  },
  BIND_CERTIFICATE: {
    steps: 2,
    links: [
      [
        "cba",
        "https://learn.microsoft.com/entra/identity/authentication/concept-certificate-based-authentication",
      ],
      [
        "configureCba",
        "https://learn.microsoft.com/entra/identity/authentication/how-to-certificate-based-authentication",
      ],
    ],
  },
  REGISTER_MFA_METHOD: {
    steps: 3,
    links: [
      MY_SECURITY_INFO,
      [
        "authenticator",
        "https://learn.microsoft.com/entra/identity/authentication/concept-authentication-authenticator-app",
      ],
    ],
  },
  MOVE_TO_WORKLOAD_IDENTITY: {
    steps: 3,
    links: [
      ["workloadIdentities", "https://learn.microsoft.com/entra/workload-id/workload-identities-overview"],
      MANDATORY_MFA,
    ],
  },
  REGISTER_WHFB: {
    steps: 3,
    links: [["whfb", "https://learn.microsoft.com/windows/security/identity-protection/hello-for-business/"]],
  },
  UPDATE_CLIENT_TOOLS: {
    steps: 2,
    links: [
      ["installCli", "https://learn.microsoft.com/cli/azure/install-azure-cli"],
      ["installPowerShell", "https://learn.microsoft.com/powershell/azure/install-azure-powershell"],
    ],
  },
  REQUEST_POSTPONEMENT: {
    steps: 2,
    links: [
      ["postponePhase1", "https://aka.ms/managemfaforazure"],
      ["postponePhase2", "https://aka.ms/postponePhase2MFA"],
      MANDATORY_MFA,
    ],
  },
} as const satisfies Record<string, { steps: number; links: readonly LinkSource[] }>;

export type GuidanceCode = keyof typeof SOURCES;

export function isGuidanceCode(code: unknown): code is GuidanceCode {
  return typeof code === "string" && Object.prototype.hasOwnProperty.call(SOURCES, code);
}

/** One code's guidance in the reader's language. */
export function guidanceFor(code: GuidanceCode, locale: Pick<Locale, "language"> = ENGLISH): Guidance {
  const t = textsFor(locale);
  const source = SOURCES[code];
  const versions = { cli: MINIMUM_CLIENT_TOOLS.azureCli, powershell: MINIMUM_CLIENT_TOOLS.azurePowerShell };
  return {
    title: t(`status.guidance.${code}.title`),
    why: t(`status.guidance.${code}.why`, versions),
    steps: Array.from({ length: source.steps }, (_, index) => t(`status.guidance.${code}.step${index + 1}`)),
    links: source.links.map(([key, url]) => ({ title: t(`status.guidance.links.${key}`), url })),
  };
}

/** Every code's guidance in English (the broadcast composer's choices read their titles). */
export const GUIDANCE: Readonly<Record<GuidanceCode, Guidance>> = Object.fromEntries(
  Object.keys(SOURCES).map((code) => [code, guidanceFor(code as GuidanceCode)]),
) as Record<GuidanceCode, Guidance>;

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

export function guidanceCardData(
  code: GuidanceCode,
  notes: string[] = [],
  locale: Pick<Locale, "language"> = ENGLISH,
): GuidanceCardData {
  const guidance = guidanceFor(code, locale);
  return {
    code,
    title: guidance.title,
    why: guidance.why,
    steps: guidance.steps.map((text, index) => ({ number: index + 1, text })),
    links: guidance.links,
    notes,
  };
}

/**
 * The postponement line of the "Ask for more time" guidance, true as of `now`: which phases a Global
 * Administrator can still postpone, and until when, from the one timeline file.
 */
export function postponementNotes(now: Date, locale: Locale = ENGLISH): string[] {
  const t = textsFor(locale);
  const open = ENFORCEMENT_PHASES.filter(
    (phase) => Date.parse(phase.selfServicePostponementUntil) > now.getTime(),
  );
  if (open.length === 0) {
    return [t("status.guidance.postponementClosed")];
  }
  return open.map((phase) =>
    t("status.guidance.postponementOpen", {
      phase: phase.phase,
      covers: t(`common.phases.${phase.phase}`),
      date: readableDay(phase.selfServicePostponementUntil, locale),
    }),
  );
}
