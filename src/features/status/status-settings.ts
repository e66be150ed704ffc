import type { Config } from "../../config";
import type { ProductTenantSettings } from "../../directory/graph-types";

/**
 * Break-glass and service accounts: the configuration wins (BREAK_GLASS_ACCOUNTS, SERVICE_ACCOUNTS);
 * in demo mode the snapshot's own settings fill what the configuration leaves unset.
 */
export function resolveStatusSettings(
  assessment: Config["assessment"],
  snapshotSettings?: ProductTenantSettings,
): ProductTenantSettings {
  return {
    breakGlassAccounts: assessment.breakGlassAccounts ?? snapshotSettings?.breakGlassAccounts ?? [],
    serviceAccounts: assessment.serviceAccounts ?? snapshotSettings?.serviceAccounts ?? [],
  };
}
