import type { ScanProgress, ScanRecord } from "../../domain/report-types";
import type { ScanClaim } from "../../domain/scan-claim";
import type { Logger } from "../../logger";
import type { ReportScanStore } from "./report-scan-store";
import type { ScanClaimStore } from "./scan-claim-store";

/** How long a scan's claim lives without renewal, and how often the holder renews it (with its progress). */
export const CLAIM_TTL_MS = 15_000;
export const CLAIM_RENEW_MS = 3_000;

export const progressToJson = (p: Readonly<ScanProgress>): Record<string, unknown> => ({
  ...p,
  startedAt: p.startedAt.toISOString(),
  ...(p.usersStartedAt === undefined ? {} : { usersStartedAt: p.usersStartedAt.toISOString() }),
  ...(p.methodsStartedAt === undefined ? {} : { methodsStartedAt: p.methodsStartedAt.toISOString() }),
});

function applyProgress(target: ScanProgress, json: Record<string, unknown>): void {
  Object.assign(target, json, {
    startedAt: new Date(String(json.startedAt)),
    ...(json.usersStartedAt === undefined ? {} : { usersStartedAt: new Date(String(json.usersStartedAt)) }),
    ...(json.methodsStartedAt === undefined
      ? {}
      : { methodsStartedAt: new Date(String(json.methodsStartedAt)) }),
  });
}

/**
 * While this process runs a scan, renews the tenant's claim with the scan's progress, so requests
 * reaching other instances join it and show how far it got. Returns the stop function.
 */
export function holdClaim(
  claims: ScanClaimStore,
  scan: { tenantId: string; id: string; progress: Readonly<ScanProgress> },
  owner: string,
  logger: Logger,
): () => Promise<void> {
  const timer = setInterval(() => {
    claims
      .renew(scan.tenantId, scan.id, owner, Date.now(), CLAIM_TTL_MS, progressToJson(scan.progress))
      .catch((error: unknown) =>
        logger.warn(
          { event: "report.claimNotRenewed", err: { message: (error as Error).message } },
          "scan claim not renewed",
        ),
      );
  }, CLAIM_RENEW_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await claims.release(scan.tenantId, scan.id, owner);
  };
}

/**
 * A scan another instance runs, seen from here: its progress read from the claim, its end from the
 * scan record. `done` resolves with the completed (or canceled) record, rejects when it failed or when
 * its instance stopped without finishing (the claim lapsed with the scan still running).
 */
export function followRemoteScan(options: {
  tenantId: string;
  claim: ScanClaim;
  claims: ScanClaimStore;
  store: ReportScanStore;
  signal: AbortSignal;
  everyMs?: number;
}): { progress: ScanProgress; done: Promise<ScanRecord> } {
  const { tenantId, claim, claims, store, signal } = options;
  const progress: ScanProgress = { stage: "starting", usersRead: 0, signInsRead: 0, startedAt: new Date() };
  applyProgress(progress, claim.progress);
  const done = new Promise<ScanRecord>((resolve, reject) => {
    const timer = setInterval(() => void look(), options.everyMs ?? 1_000);
    const stop = () => clearInterval(timer);
    signal.addEventListener("abort", () => {
      stop();
      reject(new Error("stopped following the scan"));
    });
    async function look(): Promise<void> {
      try {
        const record = await store.get(claim.scanId);
        if (record !== undefined && record.status !== "running") {
          stop();
          return record.status === "failed"
            ? reject(new Error(record.error ?? "the scan failed"))
            : resolve(record);
        }
        const current = await claims.current(tenantId, Date.now());
        if (current?.scanId === claim.scanId) {
          applyProgress(progress, current.progress);
        } else if ((await store.get(claim.scanId))?.status === "running") {
          stop();
          reject(new Error("the instance running the scan stopped before it finished"));
        }
      } catch (error) {
        stop();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
  });
  return { progress, done };
}
