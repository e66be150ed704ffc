import type {
  AuthenticationMethodConfiguration,
  AuthenticationMethodsPolicy,
  AuthenticationMethodTarget,
  PortalServicesSettings,
} from "../../directory/graph-types";
import { GROUPS } from "./personas";

const allUsers: AuthenticationMethodTarget[] = [
  { targetType: "group", id: "all_users", isRegistrationRequired: false },
];
const config = (
  type: string,
  id: string,
  state: string,
  extra: Record<string, unknown> & { includeTargets?: AuthenticationMethodTarget[] } = {},
): AuthenticationMethodConfiguration => ({
  "@odata.type": `#microsoft.graph.${type}AuthenticationMethodConfiguration`,
  id,
  state,
  ...extra,
  includeTargets: extra.includeTargets ?? (state === "enabled" ? allUsers : []),
  excludeTargets: [],
});

/** FIDO2, Authenticator, SMS, voice, email and TAP for everyone; certificates for one group only. */
export function demoMethodsPolicy(): AuthenticationMethodsPolicy {
  return {
    id: "authenticationMethodsPolicy",
    displayName: "Authentication Methods Policy",
    policyVersion: "1.5",
    policyMigrationState: "migrationComplete",
    authenticationMethodConfigurations: [
      config("fido2", "Fido2", "enabled", {
        isSelfServiceRegistrationAllowed: true,
        isAttestationEnforced: false,
        keyRestrictions: { isEnforced: false, enforcementType: "block", aaGuids: [] },
      }),
      config("microsoftAuthenticator", "MicrosoftAuthenticator", "enabled", {
        includeTargets: [
          { targetType: "group", id: "all_users", isRegistrationRequired: false, authenticationMode: "any" },
        ],
      }),
      config("sms", "Sms", "enabled"),
      config("voice", "Voice", "enabled", { isOfficePhoneAllowed: false }),
      config("email", "Email", "enabled", { allowExternalIdToUseEmailOtp: "default" }),
      config("softwareOath", "SoftwareOath", "enabled"),
      config("hardwareOath", "HardwareOath", "disabled"),
      config("temporaryAccessPass", "TemporaryAccessPass", "enabled", {
        defaultLifetimeInMinutes: 60,
        defaultLength: 8,
        minimumLifetimeInMinutes: 60,
        maximumLifetimeInMinutes: 480,
        isUsableOnce: false,
      }),
      config("x509Certificate", "X509Certificate", "enabled", {
        includeTargets: [
          { targetType: "group", id: GROUPS.certificateUsers.id, isRegistrationRequired: false },
        ],
        certificateUserBindings: [
          { x509CertificateField: "PrincipalName", userProperty: "onPremisesUserPrincipalName", priority: 1 },
        ],
        authenticationModeConfiguration: {
          x509CertificateAuthenticationDefaultMode: "x509CertificateMultiFactor",
          rules: [],
        },
      }),
    ],
  };
}

/** The tenant's Microsoft.PortalServices/settings/default as ARM returns it. */
export function demoPortalSettings(): PortalServicesSettings {
  return {
    properties: {
      multiFactorAuthentication: {
        portalEnforcement: "Default",
        portalEnforcementDate: null,
        portalJustification: null,
        armEnforcementDate: null,
        armJustification: null,
      },
    },
  };
}
