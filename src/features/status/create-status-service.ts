import type { Config } from "../../config";
import type { Directory } from "../../directory/directory";
import type { ProductTenantSettings } from "../../directory/graph-types";
import type { Logger } from "../../logger";
import { assessmentScope } from "./assessment-scope";
import { StatusService, type StatusServiceOptions } from "./status-service";

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
  tuning: Pick<
    StatusServiceOptions,
    "clock" | "cacheTtlMs" | "deadlineMs" | "policyTtlMs" | "liveMethods"
  > = {},
): StatusService {
  return new StatusService({
    directory: source.directory,
    ...assessmentScope(config, source),
    logger: logger.child({ component: "status" }),
    ...tuning,
  });
}
