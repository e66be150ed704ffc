import type { SignIn } from "../../directory/graph-types";
import { AZURE_SERVICE_MANAGEMENT_RESOURCE_ID } from "../../domain/apps";

/** One thing the account runs today, and its exact replacement under a workload identity. */
export interface PlanLine {
  today: string;
  replacement: string;
}

const AZURE_CLI = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
const AZURE_POWERSHELL = "1950a258-227b-4e31-a9cf-717495945fc2";

const CLI: PlanLine = {
  today: "Azure CLI signing in as this user (`az login -u … -p …`)",
  replacement:
    "`az login --service-principal -u <app-id> --certificate <cert.pem> --tenant <tenant-id>` (or `--federated-token` in a pipeline); on an Azure VM, container or Functions app: `az login --identity`",
};
const POWERSHELL: PlanLine = {
  today: "Azure PowerShell signing in as this user (`Connect-AzAccount -Credential …`)",
  replacement:
    "`Connect-AzAccount -ServicePrincipal -ApplicationId <app-id> -CertificateThumbprint <thumbprint> -Tenant <tenant-id>`; on Azure compute: `Connect-AzAccount -Identity`",
};
const SDK: PlanLine = {
  today:
    "An SDK or tool signing in with a password (ROPC: UsernamePasswordCredential, or EnvironmentCredential with AZURE_USERNAME / AZURE_PASSWORD)",
  replacement:
    "`DefaultAzureCredential` (or `ManagedIdentityCredential`) with no AZURE_USERNAME / AZURE_PASSWORD; for an app registration set AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_CLIENT_CERTIFICATE_PATH (or a federated credential)",
};

/**
 * A tailored plan from the account's sign-ins (DOMAIN.md: ROPC scripts break, a workload identity is
 * the fix). Without telling sign-ins, every replacement is listed.
 */
export function workloadPlan(signIns: readonly SignIn[] | undefined): PlanLine[] {
  const lines = new Set<PlanLine>();
  for (const signIn of signIns ?? []) {
    if (signIn.appId === AZURE_CLI) {
      lines.add(CLI);
    } else if (signIn.appId === AZURE_POWERSHELL) {
      lines.add(POWERSHELL);
    } else if (
      signIn.authenticationProtocol === "ropc" ||
      signIn.resourceId === AZURE_SERVICE_MANAGEMENT_RESOURCE_ID
    ) {
      lines.add(SDK);
    }
  }
  return lines.size > 0 ? [...lines] : [CLI, POWERSHELL, SDK];
}

/** The role assignments to copy, said plainly (the product reads directory roles, not Azure RBAC). */
export const SAME_ROLES_NOTE =
  "Give the new identity the same Azure role assignments as this account: `az role assignment list --assignee <user-upn> --all`, then `az role assignment create --assignee <app-or-identity-id> --role <role> --scope <scope>` for each.";
