import type { AuthenticationMethod, UserRegistrationDetails } from "../../directory/graph-types";
import type { Random } from "./random";
import { isoSeconds } from "./random";

/** The kinds of method the generator hands out; `unknown` is a type the product does not know. */
export type MethodKind =
  | "password"
  | "authenticator"
  | "phone"
  | "fido2"
  | "passkeyAuthenticator"
  | "whfb"
  | "email"
  | "tap"
  | "softwareOath"
  | "platformCredential"
  | "unknown";

/** userRegistrationDetails.methodsRegistered value for each kind (password is not listed there). */
const REGISTERED: Record<MethodKind, string | undefined> = {
  password: undefined,
  authenticator: "microsoftAuthenticatorPush",
  phone: "mobilePhone",
  fido2: "passKeyDeviceBound",
  passkeyAuthenticator: "passKeyDeviceBoundAuthenticator",
  whfb: "windowsHelloForBusiness",
  email: "email",
  tap: "temporaryAccessPass",
  softwareOath: "softwareOneTimePasscode",
  platformCredential: "macOsSecureEnclaveKey",
  unknown: "qrCodePin",
};

const MFA_KINDS: ReadonlySet<MethodKind> = new Set([
  "authenticator",
  "phone",
  "fido2",
  "passkeyAuthenticator",
  "whfb",
  "softwareOath",
  "platformCredential",
]);
const PASSWORDLESS_KINDS: ReadonlySet<MethodKind> = new Set([
  "fido2",
  "passkeyAuthenticator",
  "whfb",
  "platformCredential",
]);

interface Owner {
  id: string;
  displayName: string;
  userPrincipalName: string;
  userType: "member" | "guest";
}

/** One method object in the shape Graph's /authentication/methods returns. */
export function buildMethod(
  kind: MethodKind,
  owner: Owner,
  random: Random,
  capturedAt: number,
): AuthenticationMethod {
  const created = isoSeconds(capturedAt - random.int(2, 400) * 86_400_000);
  const first = owner.displayName.split(" ")[0] ?? owner.displayName;
  switch (kind) {
    case "password":
      return {
        "@odata.type": "#microsoft.graph.passwordAuthenticationMethod",
        id: "28c10230-6103-485e-b985-444c60001490",
        password: null,
        createdDateTime: created,
      };
    case "authenticator":
      return {
        "@odata.type": "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod",
        id: random.uuid(),
        displayName: `${first}'s iPhone`,
        deviceTag: "SoftwareTokenActivated",
        phoneAppVersion: "6.8.14",
        createdDateTime: created,
      };
    case "phone":
      return {
        "@odata.type": "#microsoft.graph.phoneAuthenticationMethod",
        id: "3179e48a-750b-4051-897c-87b9720928f7",
        phoneNumber: `+1 20655501${String(random.int(0, 99)).padStart(2, "0")}`,
        phoneType: "mobile",
        smsSignInState: "notAllowedByPolicy",
      };
    case "fido2":
      return {
        "@odata.type": "#microsoft.graph.fido2AuthenticationMethod",
        id: random.uuid(),
        displayName: "YubiKey 5 NFC",
        aaGuid: "cb69481e-8ff7-4039-93ec-0a2729a154a8",
        model: "YubiKey 5 Series",
        attestationCertificates: [],
        attestationLevel: "attested",
        createdDateTime: created,
      };
    case "passkeyAuthenticator":
      return {
        "@odata.type": "#microsoft.graph.fido2AuthenticationMethod",
        id: random.uuid(),
        displayName: "Passkey in Microsoft Authenticator",
        aaGuid: "90a3ccdf-635c-4729-a248-9b709135078f",
        model: "Microsoft Authenticator - iOS",
        attestationCertificates: [],
        attestationLevel: "notAttested",
        createdDateTime: created,
      };
    case "whfb":
      return {
        "@odata.type": "#microsoft.graph.windowsHelloForBusinessAuthenticationMethod",
        id: random.uuid(),
        displayName: `${first.toUpperCase()}-LAPTOP`,
        keyStrength: "normal",
        createdDateTime: created,
      };
    case "email":
      return {
        "@odata.type": "#microsoft.graph.emailAuthenticationMethod",
        id: "3ddfcfc8-9383-446f-83cc-3ab9be4be18f",
        emailAddress: `${first.toLowerCase()}@personal.example`,
      };
    case "tap":
      return {
        "@odata.type": "#microsoft.graph.temporaryAccessPassAuthenticationMethod",
        id: random.uuid(),
        temporaryAccessPass: null,
        createdDateTime: isoSeconds(capturedAt - 2 * 3_600_000),
        startDateTime: isoSeconds(capturedAt - 2 * 3_600_000),
        lifetimeInMinutes: 480,
        isUsableOnce: false,
        isUsable: true,
        methodUsabilityReason: "EnabledByPolicy",
      };
    case "softwareOath":
      return {
        "@odata.type": "#microsoft.graph.softwareOathAuthenticationMethod",
        id: random.uuid(),
        secretKey: null,
      };
    case "platformCredential":
      return {
        "@odata.type": "#microsoft.graph.platformCredentialAuthenticationMethod",
        id: random.uuid(),
        displayName: `${first}'s MacBook Pro`,
        keyStrength: "normal",
        platform: "macOS",
        createdDateTime: created,
      };
    case "unknown":
      return {
        "@odata.type": "#microsoft.graph.qrCodePinAuthenticationMethod",
        id: random.uuid(),
        createdDateTime: created,
      };
  }
}

/** The reports API's summary of the same methods, as it would read 11 hours before the capture. */
export function buildRegistration(
  kinds: readonly MethodKind[],
  owner: Owner,
  isAdmin: boolean,
  capturedAt: number,
): UserRegistrationDetails {
  const registered = kinds
    .map((kind) => REGISTERED[kind])
    .filter((value): value is string => value !== undefined);
  const mfa = kinds.some((kind) => MFA_KINDS.has(kind));
  const preferred = kinds.includes("authenticator") ? "push" : kinds.includes("phone") ? "sms" : "none";
  return {
    id: owner.id,
    userPrincipalName: owner.userPrincipalName,
    userDisplayName: owner.displayName,
    userType: owner.userType,
    isAdmin,
    isMfaRegistered: mfa,
    isMfaCapable: mfa,
    isPasswordlessCapable: kinds.some((kind) => PASSWORDLESS_KINDS.has(kind)),
    isSsprRegistered: mfa || kinds.includes("email"),
    isSsprEnabled: true,
    isSsprCapable: mfa || kinds.includes("email"),
    isSystemPreferredAuthenticationMethodEnabled: true,
    methodsRegistered: registered,
    systemPreferredAuthenticationMethods: preferred === "none" ? [] : [preferred],
    userPreferredMethodForSecondaryAuthentication: preferred,
    lastUpdatedDateTime: isoSeconds(capturedAt - 11 * 3_600_000),
  } as UserRegistrationDetails;
}
