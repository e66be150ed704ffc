import { randomUUID } from "node:crypto";

import type { ScanProgress, ScanRecord } from "../../domain/report-types";
import type { Verdict } from "../../domain/verdict";
import type { Logger } from "../../logger";
import type { AssessmentScope } from "../status/assessment-scope";
import type { LiveMethodsStore } from "./live-methods-store";
import { CLAIM_TTL_MS, followRemoteScan, holdClaim, progressToJson } from "./remote-scan";
import { ReportError } from "./report-errors";
import type { ReportScanStore } from "./report-scan-store";
import type { ScanClaimStore } from "./scan-claim-store";
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
  { kind: "cached"; scan: ScanRecord } | { kind: "running"; scan: RunningScan; joined: boolean };

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
  /** Typed methods the product read live or verified, which win over older registration rows. */
  liveMethods?: Pick<LiveMethodsStore, "list">;
  logger: Logger;
  clock?: () => Date;
  /** How long a completed scan is reused. Default one hour. */
  cacheTtlMs?: number;
  /** With several instances: one running scan per tenant, joined from any instance. */
  claims?: ScanClaimStore;
  /** How often a scan run by another instance is looked at. Default 1 s. */
  followEveryMs?: number;
}

/** Whole-tenant readiness scans: start or join, cancel, the latest result, its verdicts streamed back. */
export class ScanService {
  /** Scans of this process, and (remote) scans another instance runs that requests here joined. */
  private readonly running = new Map<
    string,
    RunningScan & { controller: AbortController; remote?: boolean }
  >();
  /** A start in progress per tenant (claiming takes a store round trip): a second request joins it. */
  private readonly starting = new Map<string, Promise<StartedScan>>();
  private readonly clock: () => Date;
  private readonly owner = randomUUID();

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
      this.options.logger.info(
        { event: "report.joined", scanId: running.id, by: request.requestedBy },
        "joined the running scan",
      );
      return { kind: "running", scan: running, joined: true };
    }
    const starting = this.starting.get(tenant);
    if (starting !== undefined) {
      const started = await starting;
      return started.kind === "running" ? { ...started, joined: true } : started;
    }
    const attempt = this.launchOrJoin(tenant, request.requestedBy);
    this.starting.set(tenant, attempt);
    try {
      return await attempt;
    } finally {
      this.starting.delete(tenant);
    }
  }

  /** Claims the tenant (when shared with other instances) and runs the scan here, or joins the one running elsewhere. */
  private async launchOrJoin(tenant: string, requestedBy: string): Promise<StartedScan> {
    const claims = this.options.claims;
    const id = randomUUID();
    if (claims === undefined) {
      return { kind: "running", scan: this.launch(tenant, requestedBy, id), joined: false };
    }
    const initial: ScanProgress = {
      stage: "starting",
      usersRead: 0,
      signInsRead: 0,
      startedAt: this.clock(),
    };
    const result = await claims.claim(
      tenant,
      id,
      this.owner,
      Date.now(),
      CLAIM_TTL_MS,
      progressToJson(initial),
    );
    if (result.won) {
      return { kind: "running", scan: this.launch(tenant, requestedBy, id), joined: false };
    }
    this.options.logger.info(
      { event: "report.joined", scanId: result.current.scanId, by: requestedBy, remote: true },
      "joined the scan another instance runs",
    );
    const controller = new AbortController();
    const followed = followRemoteScan({
      tenantId: tenant,
      claim: result.current,
      claims,
      store: this.options.store,
      signal: controller.signal,
      everyMs: this.options.followEveryMs,
    });
    const done = followed.done.finally(() => this.running.delete(tenant));
    // The watchers read the outcome through `done`; this derived promise must not count as unhandled.
    done.catch((error: unknown) =>
      this.options.logger.info(
        { event: "report.followEnded", err: { message: (error as Error).message } },
        "stopped following a remote scan",
      ),
    );
    const scan = {
      id: result.current.scanId,
      tenantId: tenant,
      requestedBy,
      progress: followed.progress,
      done,
      controller,
      remote: true,
    };
    this.running.set(tenant, scan);
    return { kind: "running", scan, joined: true };
  }

  /** Stops a running scan; false when it is not running (finished already, or unknown). */
  cancel(scanId: string, by: string): boolean {
    for (const scan of this.running.values()) {
      // A scan another instance runs is canceled there (its admin's card); here it is only followed.
      if (scan.id === scanId && scan.remote !== true) {
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

  private launch(
    tenantId: string,
    requestedBy: string,
    id: string,
  ): RunningScan & { controller: AbortController } {
    const controller = new AbortController();
    const progress: ScanProgress = {
      stage: "starting",
      usersRead: 0,
      signInsRead: 0,
      startedAt: this.clock(),
    };
    const log = this.options.logger.child({ scanId: id, tenantId });
    log.info({ event: "report.started", by: requestedBy }, "scan started");
    const started = performance.now();
    const release =
      this.options.claims && holdClaim(this.options.claims, { tenantId, id, progress }, this.owner, log);
    const done = runScan({
      scanId: id,
      tenantId,
      requestedBy,
      directory: this.options.directory,
      store: this.options.store,
      liveMethods: this.options.liveMethods,
      settings: this.options.settings,
      lookbackDays: this.options.lookbackDays,
      windowEnd: (this.options.windowEnd ?? this.clock)(),
      clock: this.clock,
      signal: controller.signal,
      progress,
      logger: log,
    }).finally(async () => {
      this.running.delete(tenantId);
      await release?.().catch((error: unknown) =>
        log.warn(
          { event: "report.claimNotReleased", err: { message: (error as Error).message } },
          "scan claim not released",
        ),
      );
    });
    done.then(
      (scan) =>
        log.info(
          { event: `report.${scan.status}`, users: scan.users, ms: Math.round(performance.now() - started) },
          `scan ${scan.status}`,
        ),
      (error: unknown) =>
        log.error(
          { event: "report.failed", err: { name: (error as Error).name, message: (error as Error).message } },
          "scan failed",
        ),
    );
    const scan = { id, tenantId, requestedBy, progress, done, controller };
    this.running.set(tenantId, scan);
    return scan;
  }
}
