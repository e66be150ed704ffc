import type { Config } from "../../config";
import type { Directory } from "../../directory/directory";
import type { ProductTenantSettings } from "../../directory/graph-types";
import type { Logger } from "../../logger";
import { StatusService, type StatusServiceOptions } from "./status-service";
import { resolveStatusSettings } from "./status-settings";

/** What the composition root knows about the tenant the status checks read. */
export interface StatusSource {
  directory: Pick<Directory, "getUserFacts" | "getMethodsPolicy">;
  /** The tenant the directory reads (config TENANT_ID, or the demo snapshot's tenant). */
  tenantId?: string;
  /** Demo mode: the look-back window ends at the snapshot's capture time; its settings fill the gaps. */
  snapshot?: { capturedAt: string; settings: ProductTenantSettings };
}

/** config.assessment + the directory -> the StatusService, with the demo snapshot's time and settings. */
export function createStatusService(
  config: Pick<Config, "assessment">,
  logger: Logger,
  source: StatusSource,
  tuning: Pick<StatusServiceOptions, "clock" | "cacheTtlMs" | "deadlineMs" | "policyTtlMs"> = {},
): StatusService {
  const capturedAt = source.snapshot === undefined ? undefined : new Date(source.snapshot.capturedAt);
  return new StatusService({
    directory: source.directory,
    settings: resolveStatusSettings(config.assessment, source.snapshot?.settings),
    lookbackDays: config.assessment.lookbackDays,
    logger: logger.child({ component: "status" }),
    tenantId: source.tenantId,
    windowEnd: capturedAt === undefined || Number.isNaN(capturedAt.getTime()) ? undefined : () => capturedAt,
    ...tuning,
  });
}
