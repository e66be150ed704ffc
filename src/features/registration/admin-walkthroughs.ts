import type { WalkthroughDefinition } from "./walkthrough-definition";

/** Emergency access accounts (DOMAIN.md rule 5): only a counted strong-independent method makes them ready. */
export const BREAK_GLASS: WalkthroughDefinition = {
  method: "breakGlass",
  steps: [
    {
      kind: "instructions",
      key: "guidance",
      bullets: ["keys", "noPhone", "safe"],
      links: [
        {
          key: "emergencyAccess",
          url: "https://learn.microsoft.com/entra/identity/role-based-access-control/security-emergency-access",
        },
        {
          key: "mandatoryMfaEmergency",
          url: "https://learn.microsoft.com/entra/identity/authentication/how-to-mandatory-multifactor-authentication",
        },
      ],
    },
    {
      kind: "instructions",
      key: "register",
      bullets: ["certificate"],
      links: [{ key: "mySecurityInfo", url: "https://aka.ms/mysecurityinfo" }],
      offerTemporaryAccessPass: true,
    },
    { kind: "verify", key: "verify" },
  ],
};

/** Suspected service accounts (DOMAIN.md rule 6): a workload identity, which mandatory MFA does not cover. */
export const WORKLOAD_IDENTITY: WalkthroughDefinition = {
  method: "workloadIdentity",
  steps: [
    {
      kind: "instructions",
      key: "plan",
      links: [
        {
          key: "workloadIdentities",
          url: "https://learn.microsoft.com/entra/workload-id/workload-identities-overview",
        },
        {
          key: "managedIdentities",
          url: "https://learn.microsoft.com/entra/identity/managed-identities-azure-resources/overview",
        },
      ],
    },
    {
      kind: "checklist",
      key: "checklist",
      items: ["identity", "roles", "scripts", "secrets", "account"],
    },
    { kind: "verify", key: "verify" },
  ],
};
