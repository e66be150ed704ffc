import { setImmediate as nextTurn } from "node:timers/promises";

import type { TimeWindow } from "../../directory/directory";
import type { ProductTenantSettings } from "../../directory/graph-types";
import { assess, prepareTenant } from "../../domain/assess";
import type { LiveRead } from "../../domain/live-methods";
import type { VerdictRow } from "../../domain/report-types";
import type { ScanProgress, ScanRecord } from "../../domain/report-types";
import type { Logger } from "../../logger";
import { csvHeader, csvRowsBytes } from "./csv";
import type { LiveMethodsStore } from "./live-methods-store";
import type { ReportScanStore } from "./report-scan-store";
import { ReportTally } from "./report-tally";
import { openTenantStream, type ScanDirectory } from "./tenant-stream";

export interface ScanRunOptions {
  scanId: string;
  tenantId: string;
  requestedBy: string;
  directory: ScanDirectory;
  store: ReportScanStore;
  /** Typed methods the product read live or verified: newer than the registration report until it catches up. */
  liveMethods?: Pick<LiveMethodsStore, "list">;
  settings: ProductTenantSettings;
  lookbackDays: number;
  /** The end of the look-back window (now, or the demo snapshot's capture time). */
  windowEnd: Date;
  clock: () => Date;
  signal: AbortSignal;
  /** Mutated as the scan goes; the progress card reads it. */
  progress: ScanProgress;
  logger: Logger;
}

/**
 * Rows held before one store write. Small on purpose: rows held longer survive the young-generation
 * collections and are promoted, which grew the heap; at 100 the report bench's peak RSS was 425-441 MB
 * against 461-520 MB at 500 (same figures otherwise). Azure Table transactions hold 100 entities too.
 */
const BATCH = 100;

/** Stores a scan's verdict rows in batches and adds up the CSV's size as it goes. */
class VerdictWriter {
  private rows: VerdictRow[] = [];
  csvBytes = Buffer.byteLength(csvHeader());

  constructor(
    private readonly store: ReportScanStore,
    private readonly scanId: string,
  ) {}

  /** Whether a batch is full: then the caller flushes (no promise, and no await, for every other row). */
  add(row: VerdictRow): boolean {
    this.rows.push(row);
    return this.rows.length >= BATCH;
  }

  async flush(): Promise<void> {
    if (this.rows.length === 0) {
      return;
    }
    const rows = this.rows;
    this.rows = [];
    this.csvBytes += csvRowsBytes(rows.map((row) => row.verdict));
    await this.store.appendVerdicts(this.scanId, rows);
    // Rows that are already read come without a turn of the event loop between them; without one here
    // the next pages' answers would wait on the socket until the rows ran out, and their requests (with
    // their throttle slots) would go out late.
    await nextTurn();
  }
}

/** The tenant's live reads, their methods only (the verdicts they were stored with are the audiences'). */
async function readLive(
  store: Pick<LiveMethodsStore, "list"> | undefined,
  tenantId: string,
): Promise<Map<string, LiveRead>> {
  const live = new Map<string, LiveRead>();
  if (store !== undefined) {
    for await (const record of store.list(tenantId)) {
      live.set(record.userId.toLowerCase(), { methods: record.methods, readAt: record.readAt });
    }
  }
  return live;
}

/**
 * One whole-tenant scan: stream, assess each user with the same `assess` as the status card, store each
 * verdict, tally the report, compare with the previous scan, keep only these two. A cancel (the signal)
 * or a failure leaves no partial report behind.
 */
export async function runScan(options: ScanRunOptions): Promise<ScanRecord> {
  const { scanId, tenantId, store, progress, signal } = options;
  const end = options.windowEnd;
  const window: TimeWindow = { start: new Date(end.getTime() - options.lookbackDays * 86_400_000), end };
  await store.create({
    id: scanId,
    tenantId,
    requestedBy: options.requestedBy,
    startedAt: progress.startedAt.toISOString(),
    windowEnd: end.toISOString(),
  });
  const writer = new VerdictWriter(store, scanId);
  try {
    progress.stage = "tenant";
    const live = await readLive(options.liveMethods, tenantId);
    const stream = await openTenantStream(options.directory, {
      window,
      settings: options.settings,
      signal,
      live,
      onSignIns: (read) => {
        progress.stage = "signIns";
        progress.signInsRead = read;
      },
      onMethods: (read) => {
        progress.stage = "methods";
        progress.methodsStartedAt ??= options.clock();
        progress.methodsRead = read;
      },
    });
    progress.usersTotal = stream.usersTotal;
    progress.stage = "users";
    progress.usersStartedAt = options.clock();
    const prepared = prepareTenant(stream.tenant);
    const tally = new ReportTally();
    for await (const batch of stream.batches()) {
      for (const facts of batch) {
        signal.throwIfAborted();
        const verdict = assess(facts, prepared, end, { lookbackDays: options.lookbackDays });
        const tallied = tally.add(verdict);
        if (writer.add({ seq: progress.usersRead, verdict, ...tallied })) {
          await writer.flush();
        }
        progress.usersRead += 1;
      }
    }
    await writer.flush();
    signal.throwIfAborted();
    progress.stage = "finishing";
    const previous = await store.latestCompleted(tenantId, scanId);
    const diff = previous && {
      previousScanId: previous.id,
      previousAt: previous.finishedAt ?? previous.startedAt,
      ...(await store.compare(previous.id, scanId)),
    };
    const summary = {
      ...tally.result(),
      windowStart: window.start.toISOString(),
      windowEnd: end.toISOString(),
      lookbackDays: options.lookbackDays,
      ...(stream.summaryByDay ? { summaryByDay: true } : {}),
      ...(stream.leanedOnLive > 0 ? { leanedOnLive: stream.leanedOnLive } : {}),
      ...(stream.methodsReadPerUser ? { methodsReadPerUser: true } : {}),
      ...(diff ? { diff } : {}),
    };
    await store.finish(scanId, {
      status: "completed",
      finishedAt: options.clock().toISOString(),
      users: progress.usersRead,
      csvBytes: writer.csvBytes,
      summary,
    });
    await store.prune(tenantId, previous ? [scanId, previous.id] : [scanId]);
    return (await store.get(scanId))!;
  } catch (error) {
    const canceled = signal.aborted;
    await store.finish(scanId, {
      status: canceled ? "canceled" : "failed",
      finishedAt: options.clock().toISOString(),
      users: progress.usersRead,
      csvBytes: 0,
      error: canceled ? undefined : (error as Error).message,
    });
    if (!canceled) {
      throw error;
    }
    return (await store.get(scanId))!;
  }
}
