/**
 * The client apps and resource that Microsoft's mandatory MFA for Azure covers, by sign-in log appId.
 * Source: learn.microsoft.com/entra/identity/authentication/concept-mandatory-multifactor-authentication
 */

export interface InScopeApp {
  appId: string;
  name: string;
  phase: 1 | 2;
}

export const IN_SCOPE_APPS: readonly InScopeApp[] = [
  // One app id serves the Azure portal, the Microsoft Entra admin center and the Intune admin center.
  {
    appId: "c44b4083-3bb0-49c1-b47d-974e53cbdf3c",
    name: "Azure portal / Entra / Intune admin centers",
    phase: 1,
  },
  { appId: "618dd325-23f6-4b6f-8380-4df78026e39b", name: "Microsoft 365 admin center", phase: 1 },
  { appId: "04b07795-8ddb-461a-bbee-02f9e1bf7b46", name: "Azure CLI", phase: 2 },
  { appId: "1950a258-227b-4e31-a9cf-717495945fc2", name: "Azure PowerShell", phase: 2 },
  { appId: "0c1307d4-29d6-4389-a11c-5cbe7f65d7fa", name: "Azure mobile app", phase: 2 },
];

/** Windows Azure Service Management API: any other client writing through Azure Resource Manager is phase 2. */
export const AZURE_SERVICE_MANAGEMENT_RESOURCE_ID = "797f4846-ba00-4fd7-ba43-dac1f8f63013";
export const AZURE_SERVICE_MANAGEMENT_NAME = "Azure Resource Manager (REST, SDKs, IaC tools)";

export const PHASE1_APP_IDS: readonly string[] = IN_SCOPE_APPS.filter((app) => app.phase === 1).map(
  (app) => app.appId,
);
export const PHASE2_APP_IDS: readonly string[] = IN_SCOPE_APPS.filter((app) => app.phase === 2).map(
  (app) => app.appId,
);

/** Sign-in status codes that count as evidence: succeeded, or stopped to ask for MFA. */
export const EVIDENCE_ERROR_CODES: readonly number[] = [0, 50074, 50076];
