/**
 * Authentication methods by what they are worth for mandatory MFA (shared/DOMAIN.md, "Authentication
 * methods, by what they are worth here"), keyed by Graph's typed `@odata.type` and by the
 * userRegistrationDetails `methodsRegistered` value. A type not listed here is "unknown", never MFA.
 * Sources: learn.microsoft.com/graph/api/resources/authenticationmethods-overview and
 * learn.microsoft.com/graph/api/resources/userregistrationdetails (methodsRegistered values).
 */

export type MethodClass = "strongIndependent" | "mfaService" | "external" | "notMfa" | "unknown";

/** Ids of authenticationMethodsPolicy.authenticationMethodConfigurations. */
export type MethodConfigurationId =
  | "Fido2"
  | "MicrosoftAuthenticator"
  | "Sms"
  | "Voice"
  | "SoftwareOath"
  | "HardwareOath"
  | "X509Certificate"
  | "Email"
  | "TemporaryAccessPass";

export interface MethodKind {
  class: Exclude<MethodClass, "unknown">;
  /** A readable name for cards and reports. */
  name: string;
  /** Configurations that may allow it (any one suffices: phone counts when Sms or Voice allows); empty = none governs it. */
  governedBy: readonly MethodConfigurationId[];
  /** Synced between devices through a consumer cloud account: strong, but not for a break-glass account. */
  synced?: boolean;
  /** An external MFA provider: governed by the externalAuthenticationMethodConfiguration it names. */
  external?: boolean;
}

const fido2: MethodKind = {
  class: "strongIndependent",
  name: "Passkey / FIDO2 security key",
  governedBy: ["Fido2"],
};
export const SYNCED_PASSKEY: MethodKind = {
  class: "strongIndependent",
  name: "Synced passkey",
  governedBy: ["Fido2"],
  synced: true,
};
const external: MethodKind = {
  class: "external",
  name: "External MFA provider",
  governedBy: [],
  external: true,
};
const qrCode: MethodKind = { class: "notMfa", name: "QR code sign-in", governedBy: [] };
const whfb: MethodKind = { class: "strongIndependent", name: "Windows Hello for Business", governedBy: [] };
const platform: MethodKind = {
  class: "strongIndependent",
  name: "macOS platform credential",
  governedBy: [],
};
const authenticator: MethodKind = {
  class: "mfaService",
  name: "Microsoft Authenticator",
  governedBy: ["MicrosoftAuthenticator"],
};
const phone: MethodKind = { class: "mfaService", name: "Phone (SMS or voice)", governedBy: ["Sms", "Voice"] };
const softwareOath: MethodKind = {
  class: "mfaService",
  name: "Software OATH token",
  governedBy: ["SoftwareOath"],
};
const hardwareOath: MethodKind = {
  class: "mfaService",
  name: "Hardware OATH token",
  governedBy: ["HardwareOath"],
};
const password: MethodKind = { class: "notMfa", name: "Password", governedBy: [] };
const email: MethodKind = { class: "notMfa", name: "Email one-time passcode", governedBy: ["Email"] };
const tap: MethodKind = {
  class: "notMfa",
  name: "Temporary Access Pass",
  governedBy: ["TemporaryAccessPass"],
};
const securityQuestion: MethodKind = { class: "notMfa", name: "Security questions", governedBy: [] };

/** Typed `/authentication/methods`, by `@odata.type` without the `#microsoft.graph.` prefix. */
export const METHOD_KINDS_BY_ODATA_TYPE: Readonly<Record<string, MethodKind>> = {
  fido2AuthenticationMethod: fido2,
  windowsHelloForBusinessAuthenticationMethod: whfb,
  platformCredentialAuthenticationMethod: platform,
  microsoftAuthenticatorAuthenticationMethod: authenticator,
  phoneAuthenticationMethod: phone,
  softwareOathAuthenticationMethod: softwareOath,
  hardwareOathAuthenticationMethod: hardwareOath,
  passwordAuthenticationMethod: password,
  emailAuthenticationMethod: email,
  temporaryAccessPassAuthenticationMethod: tap,
  externalAuthenticationMethod: external,
};

/** userRegistrationDetails.methodsRegistered values. */
export const METHOD_KINDS_BY_REGISTERED: Readonly<Record<string, MethodKind>> = {
  passKeyDeviceBound: fido2,
  passKeyDeviceBoundAuthenticator: fido2,
  passKeyDeviceBoundWindowsHello: fido2,
  fido2SecurityKey: fido2,
  windowsHelloForBusiness: whfb,
  macOsSecureEnclaveKey: platform,
  microsoftAuthenticatorPush: authenticator,
  microsoftAuthenticatorPasswordless: authenticator,
  mobilePhone: phone,
  alternateMobilePhone: phone,
  officePhone: phone,
  softwareOneTimePasscode: softwareOath,
  hardwareOneTimePasscode: hardwareOath,
  email,
  temporaryAccessPass: tap,
  securityQuestion,
  passKeySynced: SYNCED_PASSKEY,
  externalAuthMethod: external,
  externalAuthenticationMethod: external,
  sms: phone,
  qrCode,
};

/** Certificate-based authentication: the user has certificateUserIds and X509Certificate allows them. */
export const CERTIFICATE_METHOD: MethodKind & { type: string } = {
  type: "certificateBasedAuthentication",
  class: "strongIndependent",
  name: "Certificate-based authentication",
  governedBy: ["X509Certificate"],
};

/** `#microsoft.graph.fido2AuthenticationMethod` -> `fido2AuthenticationMethod`. */
export function shortODataType(odataType: string): string {
  return odataType.startsWith("#microsoft.graph.")
    ? odataType.slice("#microsoft.graph.".length)
    : odataType.replace(/^#/, "");
}
