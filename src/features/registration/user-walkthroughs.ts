import { MY_SECURITY_INFO, type WalkthroughDefinition } from "./walkthrough-definition";

/** The walkthroughs a person runs for their own account: passkey, Windows Hello, certificate, Authenticator. */
export const PASSKEY: WalkthroughDefinition = {
  method: "passkey",
  title: "Add a passkey",
  why: "A passkey (a FIDO2 security key, or a passkey in Microsoft Authenticator) counts as MFA, resists phishing and works even when the Microsoft MFA service is down.",
  steps: [
    {
      kind: "instructions",
      title: "Choose where your passkey lives",
      text: "Pick one: a **security key** (USB or NFC, e.g. a YubiKey) or a **passkey in Microsoft Authenticator** on your phone.",
      bullets: [
        "Security key: works on any computer, needs no phone; keep a second key as a backup.",
        "Microsoft Authenticator: install it from your phone's app store and sign in with your work account first.",
      ],
      links: [
        {
          title: "Passkeys in Microsoft Entra ID",
          url: "https://learn.microsoft.com/entra/identity/authentication/how-to-enable-passkey-fido2",
        },
      ],
    },
    {
      kind: "instructions",
      title: "Open My Security info",
      text: "Open My Security info, sign in, choose **Add sign-in method**, then **Passkey in Microsoft Authenticator** or **Security key**.",
      bullets: [
        "If you cannot sign in because you have no method yet, ask for a Temporary Access Pass below.",
      ],
      links: [MY_SECURITY_INFO],
      offerTemporaryAccessPass: true,
    },
    {
      kind: "instructions",
      title: "Create the passkey",
      text: "Follow the prompts. What you see depends on your device:",
      platformNotes: [
        {
          platform: "Windows",
          text: "A Windows Security window opens: choose Security key, insert or tap the key, set or enter its PIN, then touch it.",
        },
        {
          platform: "macOS",
          text: "Use Chrome, Edge or Safari; choose a security key when the browser asks, insert it and touch it.",
        },
        {
          platform: "iOS",
          text: "In Microsoft Authenticator, add your work account, then turn on Authenticator under Settings > General > AutoFill & Passwords.",
        },
        {
          platform: "Android",
          text: "In Microsoft Authenticator, add your work account, then choose Authenticator as a passkey provider under Settings > Passwords & accounts.",
        },
      ],
      links: [
        {
          title: "Register a security key",
          url: "https://learn.microsoft.com/entra/identity/authentication/how-to-register-passkey",
        },
        {
          title: "Passkey in Microsoft Authenticator",
          url: "https://learn.microsoft.com/entra/identity/authentication/how-to-register-passkey-authenticator",
        },
      ],
    },
    {
      kind: "verify",
      title: "Check that it worked",
      text: "I will look in Microsoft Entra ID for a passkey or security key added to your account since you started.",
    },
  ],
};

export const WINDOWS_HELLO: WalkthroughDefinition = {
  method: "whfb",
  title: "Set up Windows Hello for Business",
  why: "Windows Hello for Business counts as phishing-resistant MFA and does not depend on the Microsoft MFA service.",
  steps: [
    {
      kind: "instructions",
      title: "Check your PC",
      text: "You need a Windows 10 or 11 PC that is **Microsoft Entra joined** or **hybrid joined** to your organisation.",
      bullets: [
        "Open a command prompt and run `dsregcmd /status`: AzureAdJoined should say YES.",
        "Personal PCs and PCs only registered (not joined) cannot use Windows Hello for Business.",
      ],
      links: [
        {
          title: "Windows Hello for Business",
          url: "https://learn.microsoft.com/windows/security/identity-protection/hello-for-business/",
        },
      ],
    },
    {
      kind: "instructions",
      title: "Set up a PIN with Windows Hello",
      text: "Signed in to the PC with your work account, open **Settings > Accounts > Sign-in options** and set up **PIN (Windows Hello)**, then a face or fingerprint if your PC has one.",
      bullets: [
        "Windows may ask you to confirm with MFA first; if you have no method, ask for a Temporary Access Pass below.",
        "Sign out and in again with the PIN once it is set.",
      ],
      offerTemporaryAccessPass: true,
    },
    {
      kind: "verify",
      title: "Check that it worked",
      text: "I will look in Microsoft Entra ID for a Windows Hello for Business key on your account.",
    },
  ],
};

export const CERTIFICATE: WalkthroughDefinition = {
  method: "certificate",
  title: "Sign in with a certificate",
  why: "A certificate on a smart card or device counts as phishing-resistant MFA when your organisation allows certificate-based authentication.",
  steps: [
    {
      kind: "instructions",
      title: "What your IT team must have in place",
      text: "Certificate-based authentication needs three things from an admin:",
      bullets: [
        "The issuing certificate authority trusted in Microsoft Entra ID (PKI-based trust store).",
        "Certificate-based authentication (X509Certificate) enabled for you in the authentication methods policy.",
        "Your certificate bound to your account (certificate user ids, e.g. X509:<PN>you@contoso.com).",
      ],
      links: [
        {
          title: "Configure certificate-based authentication",
          url: "https://learn.microsoft.com/entra/identity/authentication/how-to-certificate-based-authentication",
        },
      ],
    },
    {
      kind: "instructions",
      title: "Get your certificate",
      text: "Ask your IT team for a user certificate on a smart card, a security key with PIV, or your managed device. The list below shows the bindings your account has today.",
      links: [
        {
          title: "Certificate user ids",
          url: "https://learn.microsoft.com/entra/identity/authentication/concept-certificate-based-authentication-certificateuserids",
        },
      ],
    },
    {
      kind: "verify",
      title: "Check that it worked",
      text: "I will check that your account has a certificate binding and that the policy allows certificate sign-in for you.",
    },
  ],
};

export const AUTHENTICATOR: WalkthroughDefinition = {
  method: "mfaMethod",
  title: "Set up Microsoft Authenticator",
  why: "Without an MFA method you are blocked from the Azure portal and Azure tools wherever mandatory MFA is enforced.",
  steps: [
    {
      kind: "instructions",
      title: "Install Microsoft Authenticator",
      text: "Install **Microsoft Authenticator** on your phone from the App Store or Google Play.",
      links: [
        {
          title: "Microsoft Authenticator",
          url: "https://learn.microsoft.com/entra/identity/authentication/concept-authentication-authenticator-app",
        },
      ],
    },
    {
      kind: "instructions",
      title: "Add it in My Security info",
      text: "Open My Security info, choose **Add sign-in method > Microsoft Authenticator** and scan the QR code with the app.",
      bullets: [
        "If you cannot sign in because you have no method yet, ask for a Temporary Access Pass below.",
      ],
      links: [MY_SECURITY_INFO],
      offerTemporaryAccessPass: true,
    },
    {
      kind: "verify",
      title: "Check that it worked",
      text: "I will check that your account now has a method that counts as MFA.",
    },
  ],
};
