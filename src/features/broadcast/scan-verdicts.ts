import type { ScanService } from "../report/scan-service";
import type { VerdictSource } from "./audience";

/** Audiences read the latest completed readiness scan (the report feature's). */
export function verdictsFromScans(scans: Pick<ScanService, "latest" | "verdicts">): VerdictSource {
  return {
    async latest(tenantId) {
      const scan = await scans.latest(tenantId);
      return scan && { scanId: scan.id, at: scan.finishedAt, verdicts: () => scans.verdicts(scan.id) };
    },
  };
}
