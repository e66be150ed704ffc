import type { ScanChanges, ScanRecord, ScanStatus, ScanSummary, VerdictRow } from "../../domain/report-types";
import type { Verdict } from "../../domain/verdict";

/** Scans and their per-user verdicts; src/storage implements it on SQLite and Azure Storage. */
export interface ReportScanStore {
  create(
    scan: Pick<ScanRecord, "id" | "tenantId" | "requestedBy" | "startedAt" | "windowEnd">,
  ): Promise<void>;
  appendVerdicts(scanId: string, rows: readonly VerdictRow[]): Promise<void>;
  finish(
    scanId: string,
    outcome: {
      status: Exclude<ScanStatus, "running">;
      finishedAt: string;
      users: number;
      csvBytes: number;
      summary?: ScanSummary;
      error?: string;
    },
  ): Promise<void>;
  get(scanId: string): Promise<ScanRecord | undefined>;
  /** The newest completed scan of a tenant, optionally before another one. */
  latestCompleted(tenantId: string, before?: string): Promise<ScanRecord | undefined>;
  /** Verdicts in scan order, page by page; `finding` keeps only the users in that finding. */
  verdicts(scanId: string, options?: { finding?: string }): AsyncIterable<Verdict>;
  /** What changed per user between two scans. */
  compare(previousScanId: string, scanId: string): Promise<ScanChanges>;
  /** Deletes a tenant's scans other than the given ones (and their verdicts). */
  prune(tenantId: string, keep: readonly string[]): Promise<number>;
}
