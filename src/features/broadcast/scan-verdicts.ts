import type { LiveMethods } from "../../domain/live-methods";
import { verdictAfterScan } from "../../domain/live-methods";
import type { ScanRecord } from "../../domain/report-types";
import type { Verdict } from "../../domain/verdict";
import type { LiveMethodsStore } from "../report/live-methods-store";
import type { ScanService } from "../report/scan-service";
import type { VerdictSource } from "./audience";

type LatestScan = NonNullable<Awaited<ReturnType<VerdictSource["latest"]>>>;

/**
 * A stored scan's verdicts, with the verdict of every live read or verification made since that scan
 * started in place of the scan's (verdictAfterScan): a person who registered a passkey after the scan is
 * ready in the audience, the preview and the send, as on their status card. Those reads are few (people
 * who checked since the scan), so they are held.
 */
export async function scanWithLiveReads(
  scan: Pick<ScanRecord, "id" | "startedAt" | "finishedAt">,
  verdicts: () => AsyncIterable<Verdict>,
  live: Pick<LiveMethodsStore, "list"> | undefined,
  tenantId: string,
): Promise<LatestScan> {
  const since = new Map<string, Pick<LiveMethods, "readAt" | "verdict">>();
  if (live !== undefined) {
    for await (const record of live.list(tenantId, { since: scan.startedAt })) {
      since.set(record.userId.toLowerCase(), { readAt: record.readAt, verdict: record.verdict });
    }
  }
  return {
    scanId: scan.id,
    at: scan.finishedAt,
    async *verdicts() {
      for await (const verdict of verdicts()) {
        yield since.size === 0
          ? verdict
          : verdictAfterScan(verdict, scan.startedAt, since.get(verdict.userId.toLowerCase())).verdict;
      }
    },
  };
}

/** Audiences read the latest completed readiness scan (the report feature's), with the live reads since. */
export function verdictsFromScans(
  scans: Pick<ScanService, "latest" | "verdicts">,
  live?: Pick<LiveMethodsStore, "list">,
): VerdictSource {
  return {
    async latest(tenantId) {
      const scan = await scans.latest(tenantId);
      return scan && scanWithLiveReads(scan, () => scans.verdicts(scan.id), live, tenantId);
    },
  };
}
