import { MY_SECURITY_INFO, type WalkthroughDefinition } from "./walkthrough-definition";

/** The walkthroughs a person runs for their own account: passkey, Windows Hello, certificate, Authenticator. */
export const PASSKEY: WalkthroughDefinition = {
  method: "passkey",
  steps: [
    {
      kind: "instructions",
      key: "choose",
      bullets: ["securityKey", "authenticator"],
      links: [
        {
          key: "passkeysInEntra",
          url: "https://learn.microsoft.com/entra/identity/authentication/how-to-enable-passkey-fido2",
        },
      ],
    },
    {
      kind: "instructions",
      key: "open",
      bullets: ["noMethod"],
      links: [MY_SECURITY_INFO],
      offerTemporaryAccessPass: true,
    },
    {
      kind: "instructions",
      key: "create",
      platforms: ["windows", "macos", "ios", "android"],
      links: [
        {
          key: "registerSecurityKey",
          url: "https://learn.microsoft.com/entra/identity/authentication/how-to-register-passkey",
        },
        {
          key: "passkeyInAuthenticator",
          url: "https://learn.microsoft.com/entra/identity/authentication/how-to-register-passkey-authenticator",
        },
      ],
    },
    { kind: "verify", key: "verify" },
  ],
};

export const WINDOWS_HELLO: WalkthroughDefinition = {
  method: "whfb",
  steps: [
    {
      kind: "instructions",
      key: "pc",
      bullets: ["dsregcmd", "personal"],
      links: [
        {
          key: "windowsHello",
          url: "https://learn.microsoft.com/windows/security/identity-protection/hello-for-business/",
        },
      ],
    },
    { kind: "instructions", key: "pin", bullets: ["mfaFirst", "signOut"], offerTemporaryAccessPass: true },
    { kind: "verify", key: "verify" },
  ],
};

export const CERTIFICATE: WalkthroughDefinition = {
  method: "certificate",
  steps: [
    {
      kind: "instructions",
      key: "prerequisites",
      bullets: ["trust", "policy", "binding"],
      links: [
        {
          key: "configureCba",
          url: "https://learn.microsoft.com/entra/identity/authentication/how-to-certificate-based-authentication",
        },
      ],
    },
    {
      kind: "instructions",
      key: "get",
      links: [
        {
          key: "certificateUserIds",
          url: "https://learn.microsoft.com/entra/identity/authentication/concept-certificate-based-authentication-certificateuserids",
        },
      ],
    },
    { kind: "verify", key: "verify" },
  ],
};

export const AUTHENTICATOR: WalkthroughDefinition = {
  method: "mfaMethod",
  steps: [
    {
      kind: "instructions",
      key: "install",
      links: [
        {
          key: "authenticator",
          url: "https://learn.microsoft.com/entra/identity/authentication/concept-authentication-authenticator-app",
        },
      ],
    },
    {
      kind: "instructions",
      key: "add",
      bullets: ["noMethod"],
      links: [MY_SECURITY_INFO],
      offerTemporaryAccessPass: true,
    },
    { kind: "verify", key: "verify" },
  ],
};
