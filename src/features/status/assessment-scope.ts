import type { Config } from "../../config";
import type { ProductTenantSettings } from "../../directory/graph-types";
import { resolveStatusSettings } from "./status-settings";

/** What every assessment of the tenant shares (status checks, scans, walkthroughs): whom, which accounts, which window. */
export interface AssessmentScope {
  /** Break-glass and service accounts (see resolveStatusSettings). */
  settings: ProductTenantSettings;
  lookbackDays: number;
  /** The tenant the directory reads; requests from any other tenant are turned away. */
  tenantId?: string;
  /** End of the look-back window: now, or the demo snapshot's capturedAt. Defaults to the clock. */
  windowEnd?: () => Date;
}

/**
 * The scope from config.assessment and what the composition root knows of the tenant: in demo mode the
 * window ends at the snapshot's capture time (when it is a valid date) and its settings fill the gaps.
 */
export function assessmentScope(
  config: Pick<Config, "assessment">,
  tenant: { tenantId?: string; snapshot?: { capturedAt: string; settings: ProductTenantSettings } },
): AssessmentScope {
  const capturedAt = tenant.snapshot === undefined ? undefined : new Date(tenant.snapshot.capturedAt);
  return {
    settings: resolveStatusSettings(config.assessment, tenant.snapshot?.settings),
    lookbackDays: config.assessment.lookbackDays,
    tenantId: tenant.tenantId,
    windowEnd: capturedAt === undefined || Number.isNaN(capturedAt.getTime()) ? undefined : () => capturedAt,
  };
}
