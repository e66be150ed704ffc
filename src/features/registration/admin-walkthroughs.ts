import type { WalkthroughDefinition } from "./walkthrough-definition";

/** Emergency access accounts (DOMAIN.md rule 5): only a counted strong-independent method makes them ready. */
export const BREAK_GLASS: WalkthroughDefinition = {
  method: "breakGlass",
  title: "Make the emergency access accounts MFA-ready",
  why: "Emergency access accounts are in scope for mandatory MFA. They must still sign in when the Microsoft MFA service or one person's phone is unavailable, so they need a passkey (FIDO2 security key) or a certificate.",
  steps: [
    {
      kind: "instructions",
      title: "Microsoft's guidance",
      text: "Keep **two** cloud-only emergency access accounts, each with a phishing-resistant method that depends on no single person:",
      bullets: [
        "A FIDO2 security key (two keys per account, stored apart), or certificate-based authentication.",
        "No dependency on one person's phone: no Authenticator, SMS or voice as the only method.",
        "Store keys and PINs in the safe where the passwords were kept; test the sign-in every few months.",
      ],
      links: [
        {
          title: "Manage emergency access accounts",
          url: "https://learn.microsoft.com/entra/identity/role-based-access-control/security-emergency-access",
        },
        {
          title: "Mandatory MFA: emergency access accounts",
          url: "https://learn.microsoft.com/entra/identity/authentication/how-to-mandatory-multifactor-authentication",
        },
      ],
    },
    {
      kind: "instructions",
      title: "Register the keys",
      text: "For each account: sign in in a private browser window (a Temporary Access Pass from a Privileged Authentication Administrator helps), open My Security info and add each security key.",
      bullets: ["Or bind a certificate to the account and make sure the X509Certificate policy targets it."],
      links: [{ title: "Open My Security info", url: "https://aka.ms/mysecurityinfo" }],
      offerTemporaryAccessPass: true,
    },
    {
      kind: "verify",
      title: "Check every account",
      text: "I will check each emergency access account for a counted passkey, security key or certificate.",
    },
  ],
};

/** Suspected service accounts (DOMAIN.md rule 6): a workload identity, which mandatory MFA does not cover. */
export const WORKLOAD_IDENTITY: WalkthroughDefinition = {
  method: "workloadIdentity",
  title: "Move this automation to a workload identity",
  why: "Scripts that sign in as a user with a password break under mandatory MFA. Service principals and managed identities are not in scope.",
  steps: [
    {
      kind: "instructions",
      title: "Your plan",
      text: "From this account's sign-ins, here is what runs today and what replaces it.",
      links: [
        {
          title: "Workload identities",
          url: "https://learn.microsoft.com/entra/workload-id/workload-identities-overview",
        },
        {
          title: "Managed identities",
          url: "https://learn.microsoft.com/entra/identity/managed-identities-azure-resources/overview",
        },
      ],
    },
    {
      kind: "checklist",
      title: "Checklist",
      text: "Tick each item when it is done, then save.",
      items: [
        {
          id: "identity",
          text: "Created an app registration with a certificate or federated credential, or enabled a managed identity.",
        },
        {
          id: "roles",
          text: "Gave it the same Azure role assignments the user account has (and nothing more).",
        },
        {
          id: "scripts",
          text: "Switched every script and pipeline to the replacement sign-in shown in the plan.",
        },
        {
          id: "secrets",
          text: "Removed AZURE_USERNAME / AZURE_PASSWORD and stored passwords from the pipelines.",
        },
        { id: "account", text: "Blocked sign-in for the old user account (or removed its Azure roles)." },
      ],
    },
    {
      kind: "verify",
      title: "Finish",
      text: "When every item is ticked I record the move; the account's status updates as its sign-ins stop.",
    },
  ],
};
