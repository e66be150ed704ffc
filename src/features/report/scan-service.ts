import { randomUUID } from "node:crypto";
import type { Verdict } from "../../domain/verdict";
import type { Logger } from "../../logger";
import type { ReportScanStore } from "../../storage/report-scans";
import type { AssessmentScope } from "../status/assessment-scope";
import { ReportError } from "./report-errors";
import type { ScanProgress, ScanRecord } from "./report-types";
import { runScan } from "./scan-runner";
import type { ScanDirectory } from "./tenant-stream";

/** A scan in progress: one per tenant; everyone who asks while it runs shares it. */
export interface RunningScan {
  id: string;
  tenantId: string;
  requestedBy: string;
  progress: Readonly<ScanProgress>;
  /** The completed (or canceled) scan; rejects when the scan failed. */
  done: Promise<ScanRecord>;
}

export type StartedScan =
  | { kind: "cached"; scan: ScanRecord }
  | { kind: "running"; scan: RunningScan; joined: boolean };

export interface ScanRequest {
  /** Scan again even when the last result is less than an hour old. */
  fresh?: boolean;
  /** The admin's object id (for the record and the log). */
  requestedBy: string;
}

/** A tenant other than the scope's `tenantId` gets a notInTenant error. */
export interface ScanServiceOptions extends AssessmentScope {
  directory: ScanDirectory;
  store: ReportScanStore;
  logger: Logger;
  clock?: () => Date;
  /** How long a completed scan is reused. Default one hour. */
  cacheTtlMs?: number;
}

/** Whole-tenant readiness scans: start or join, cancel, the latest result, its verdicts streamed back. */
export class ScanService {
  private readonly running = new Map<string, RunningScan & { controller: AbortController }>();
  private readonly clock: () => Date;

  constructor(private readonly options: ScanServiceOptions) {
    this.clock = options.clock ?? (() => new Date());
  }

  /** The scan running for the tenant now, if any. */
  current(tenantId: string): RunningScan | undefined {
    return this.running.get(tenantId.toLowerCase());
  }

  async start(tenantId: string, request: ScanRequest): Promise<StartedScan> {
    const tenant = this.checkTenant(tenantId);
    if (!this.running.has(tenant) && !request.fresh) {
      const latest = await this.latest(tenant);
      const ttl = this.options.cacheTtlMs ?? 3_600_000;
      if (latest?.finishedAt !== undefined && this.clock().getTime() - Date.parse(latest.finishedAt) < ttl) {
        return { kind: "cached", scan: latest };
      }
    }
    // Checked after the await above, so two requests arriving together cannot both launch.
    const running = this.running.get(tenant);
    if (running !== undefined) {
      this.options.logger.info({ event: "report.joined", scanId: running.id, by: request.requestedBy }, "joined the running scan");
      return { kind: "running", scan: running, joined: true };
    }
    return { kind: "running", scan: this.launch(tenant, request.requestedBy), joined: false };
  }

  /** Stops a running scan; false when it is not running (finished already, or unknown). */
  cancel(scanId: string, by: string): boolean {
    for (const scan of this.running.values()) {
      if (scan.id === scanId) {
        this.options.logger.info({ event: "report.cancel", scanId, by }, "scan canceled");
        scan.controller.abort();
        return true;
      }
    }
    return false;
  }

  async latest(tenantId: string): Promise<ScanRecord | undefined> {
    return this.options.store.latestCompleted(this.checkTenant(tenantId));
  }

  async get(scanId: string): Promise<ScanRecord | undefined> {
    return this.options.store.get(scanId);
  }

  /** Every user's verdict of a completed scan, in scan order, page by page (a broadcast builds audiences on it). */
  async *verdicts(scanId: string, options: { finding?: string } = {}): AsyncIterable<Verdict> {
    const scan = await this.options.store.get(scanId);
    if (scan === undefined) {
      throw new ReportError("notFound", `No scan ${scanId}.`);
    }
    if (scan.status !== "completed") {
      throw new ReportError("notCompleted", `Scan ${scanId} is ${scan.status}.`);
    }
    yield* this.options.store.verdicts(scanId, options);
  }

  /** Cancels every running scan and waits for them to stop (shutdown). */
  async close(): Promise<void> {
    const scans = [...this.running.values()];
    for (const scan of scans) {
      scan.controller.abort();
    }
    await Promise.allSettled(scans.map((scan) => scan.done));
  }

  private checkTenant(tenantId: string): string {
    const tenant = tenantId.toLowerCase();
    const expected = this.options.tenantId?.toLowerCase();
    if (expected !== undefined && tenant !== expected) {
      throw new ReportError("notInTenant", `Tenant ${tenantId} is not the tenant this installation reads.`);
    }
    return tenant;
  }

  private launch(tenantId: string, requestedBy: string): RunningScan & { controller: AbortController } {
    const controller = new AbortController();
    const progress: ScanProgress = { stage: "starting", usersRead: 0, signInsRead: 0, startedAt: this.clock() };
    const id = randomUUID();
    const log = this.options.logger.child({ scanId: id, tenantId });
    log.info({ event: "report.started", by: requestedBy }, "scan started");
    const started = performance.now();
    const done = runScan({
      scanId: id,
      tenantId,
      requestedBy,
      directory: this.options.directory,
      store: this.options.store,
      settings: this.options.settings,
      lookbackDays: this.options.lookbackDays,
      windowEnd: (this.options.windowEnd ?? this.clock)(),
      clock: this.clock,
      signal: controller.signal,
      progress,
      logger: log,
    }).finally(() => this.running.delete(tenantId));
    done.then(
      (scan) =>
        log.info(
          { event: `report.${scan.status}`, users: scan.users, ms: Math.round(performance.now() - started) },
          `scan ${scan.status}`,
        ),
      (error: unknown) => log.error({ event: "report.failed", err: { name: (error as Error).name, message: (error as Error).message } }, "scan failed"),
    );
    const scan = { id, tenantId, requestedBy, progress, done, controller };
    this.running.set(tenantId, scan);
    return scan;
  }
}
