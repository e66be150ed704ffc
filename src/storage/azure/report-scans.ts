import type { TableClient, TransactionAction } from "@azure/data-tables";

import type { ScanRecord, ScanStatus, ScanSummary } from "../../domain/report-types";
import type { ScanChanges, VerdictRow } from "../../domain/report-types";
import type { Verdict } from "../../domain/verdict";
import { updateIf } from "./conditional-update";
import { entities, inBatches, literal, readEntity, seqKey } from "./tables";

interface ScanEntity extends Omit<ScanRecord, "summary"> {
  summary?: string;
}

interface VerdictEntity {
  userId: string;
  affected: boolean;
  ready: boolean;
  /** ",finding,finding," */
  findings: string;
  verdict: string;
}

type Outcome = {
  status: Exclude<ScanStatus, "running">;
  finishedAt: string;
  users: number;
  csvBytes: number;
  summary?: ScanSummary;
  error?: string;
};

/** Scans are few (each tenant keeps its latest ones, the rest pruned): one partition, RowKey = scan id. */
const SCANS = "scan";

const fromEntity = (e: ScanEntity): ScanRecord => ({
  id: e.id,
  tenantId: e.tenantId,
  status: e.status,
  requestedBy: e.requestedBy,
  startedAt: e.startedAt,
  finishedAt: e.finishedAt,
  windowEnd: e.windowEnd,
  users: e.users,
  csvBytes: e.csvBytes,
  summary: e.summary === undefined ? undefined : (JSON.parse(e.summary) as ScanSummary),
  error: e.error,
});

/**
 * Scan records in one small partition; verdicts with PartitionKey = scan id, RowKey = seq (zero-padded),
 * so a report reads one partition in scan order page by page, and writes go in 100-row transactions.
 */
export class AzureReportScanStore {
  constructor(
    private readonly scans: TableClient,
    private readonly rows: TableClient,
  ) {}

  async create(
    scan: Pick<ScanRecord, "id" | "tenantId" | "requestedBy" | "startedAt" | "windowEnd">,
  ): Promise<void> {
    await this.scans.createEntity<ScanEntity>({
      partitionKey: SCANS,
      rowKey: scan.id,
      ...scan,
      tenantId: scan.tenantId.toLowerCase(),
      status: "running",
      users: 0,
      csvBytes: 0,
    });
  }

  async appendVerdicts(scanId: string, rows: readonly VerdictRow[]): Promise<void> {
    const actions: TransactionAction[] = rows.map((row) => [
      "create",
      {
        partitionKey: scanId,
        rowKey: seqKey(row.seq),
        userId: row.verdict.userId.toLowerCase(),
        affected: row.affected,
        ready: row.ready,
        findings: `,${row.findings.join(",")},`,
        verdict: JSON.stringify(row.verdict),
      } satisfies VerdictEntity & { partitionKey: string; rowKey: string },
    ]);
    await inBatches(this.rows, actions);
  }

  async finish(scanId: string, outcome: Outcome): Promise<void> {
    await updateIf<ScanEntity>(this.scans, SCANS, scanId, () => ({
      status: outcome.status,
      finishedAt: outcome.finishedAt,
      users: outcome.users,
      csvBytes: outcome.csvBytes,
      ...(outcome.summary === undefined ? {} : { summary: JSON.stringify(outcome.summary) }),
      ...(outcome.error === undefined ? {} : { error: outcome.error }),
    }));
    if (outcome.status !== "completed") {
      // A partial scan is never shown, compared or exported: its rows go now.
      await this.deleteRows(scanId);
    }
  }

  async get(scanId: string): Promise<ScanRecord | undefined> {
    const entity = await readEntity<ScanEntity>(this.scans, SCANS, scanId);
    return entity && fromEntity(entity);
  }

  async latestCompleted(tenantId: string, before?: string): Promise<ScanRecord | undefined> {
    let newest: ScanRecord | undefined;
    const filter = `PartitionKey eq ${literal(SCANS)} and tenantId eq ${literal(tenantId.toLowerCase())} and status eq 'completed'`;
    for await (const e of entities<ScanEntity>(this.scans, filter)) {
      if (e.id !== before && (newest === undefined || (e.finishedAt ?? "") > (newest.finishedAt ?? ""))) {
        newest = fromEntity(e);
      }
    }
    return newest;
  }

  async *verdicts(scanId: string, options: { finding?: string } = {}): AsyncIterable<Verdict> {
    const wanted = options.finding === undefined ? undefined : `,${options.finding},`;
    for await (const e of entities<VerdictEntity>(this.rows, `PartitionKey eq ${literal(scanId)}`, [
      "findings",
      "verdict",
    ])) {
      if (wanted === undefined || e.findings.includes(wanted)) {
        yield JSON.parse(e.verdict) as Verdict;
      }
    }
  }

  async compare(previousScanId: string, scanId: string): Promise<ScanChanges> {
    const was = new Map<string, { affected: boolean; ready: boolean }>();
    for await (const e of entities<VerdictEntity>(this.rows, `PartitionKey eq ${literal(previousScanId)}`, [
      "userId",
      "affected",
      "ready",
    ])) {
      was.set(e.userId, { affected: e.affected, ready: e.ready });
    }
    const changes: ScanChanges = {
      becameReady: 0,
      noLongerReady: 0,
      newlyAffected: 0,
      noLongerAffected: 0,
      newUsers: 0,
      removedUsers: 0,
    };
    const seen = new Set<string>();
    for await (const now of entities<VerdictEntity>(this.rows, `PartitionKey eq ${literal(scanId)}`, [
      "userId",
      "affected",
      "ready",
    ])) {
      const before = was.get(now.userId);
      seen.add(now.userId);
      changes.becameReady += Number(now.affected && now.ready && before?.ready === false);
      changes.noLongerReady += Number(now.affected && !now.ready && before?.ready === true);
      changes.newlyAffected += Number(now.affected && (before === undefined || !before.affected));
      changes.noLongerAffected += Number(!now.affected && before?.affected === true);
      changes.newUsers += Number(before === undefined);
    }
    changes.removedUsers = [...was.keys()].filter((userId) => !seen.has(userId)).length;
    return changes;
  }

  async prune(tenantId: string, keep: readonly string[]): Promise<number> {
    const kept = new Set(keep);
    const ids: string[] = [];
    const filter = `PartitionKey eq ${literal(SCANS)} and tenantId eq ${literal(tenantId.toLowerCase())} and status ne 'running'`;
    for await (const e of entities<ScanEntity>(this.scans, filter, ["id"])) {
      if (!kept.has(e.id)) {
        ids.push(e.id);
      }
    }
    for (const id of ids) {
      await this.deleteRows(id);
      await this.scans.deleteEntity(SCANS, id);
    }
    return ids.length;
  }

  private async deleteRows(scanId: string): Promise<void> {
    const actions: TransactionAction[] = [];
    for await (const e of entities(this.rows, `PartitionKey eq ${literal(scanId)}`, ["RowKey"])) {
      actions.push(["delete", { partitionKey: scanId, rowKey: e.rowKey! }]);
    }
    await inBatches(this.rows, actions);
  }
}
