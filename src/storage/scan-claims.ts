import type { ScanClaim } from "../domain/scan-claim";
import type { Database } from "./database";

interface Row {
  scan_id: string;
  owner: string;
  until: number;
  progress: string;
}

const norm = (id: string) => id.toLowerCase();

export class SqliteScanClaimStore {
  constructor(private readonly db: Database) {}

  async claim(
    tenantId: string,
    scanId: string,
    owner: string,
    now: number,
    ttlMs: number,
    progress: Record<string, unknown>,
  ) {
    // One statement: of two processes claiming at once, one inserts or takes over a lapsed claim.
    const won =
      this.db
        .prepare(
          `INSERT INTO report_scan_claims (tenant_id, scan_id, owner, until, progress) VALUES (@tenant, @scanId, @owner, @until, @progress)
         ON CONFLICT (tenant_id) DO UPDATE SET scan_id = excluded.scan_id, owner = excluded.owner, until = excluded.until,
           progress = excluded.progress WHERE report_scan_claims.until < @now OR report_scan_claims.owner = @owner`,
        )
        .run({
          tenant: norm(tenantId),
          scanId,
          owner,
          until: now + ttlMs,
          progress: JSON.stringify(progress),
          now,
        }).changes > 0;
    if (won) {
      return { won: true } as const;
    }
    return { won: false, current: (await this.current(tenantId, now))! } as const;
  }

  async renew(
    tenantId: string,
    scanId: string,
    owner: string,
    now: number,
    ttlMs: number,
    progress: Record<string, unknown>,
  ): Promise<boolean> {
    return (
      this.db
        .prepare(
          "UPDATE report_scan_claims SET until = ?, progress = ? WHERE tenant_id = ? AND scan_id = ? AND owner = ?",
        )
        .run(now + ttlMs, JSON.stringify(progress), norm(tenantId), scanId, owner).changes > 0
    );
  }

  async release(tenantId: string, scanId: string, owner: string): Promise<void> {
    this.db
      .prepare("DELETE FROM report_scan_claims WHERE tenant_id = ? AND scan_id = ? AND owner = ?")
      .run(norm(tenantId), scanId, owner);
  }

  async current(tenantId: string, now: number): Promise<ScanClaim | undefined> {
    const row = this.db
      .prepare<[string], Row>("SELECT * FROM report_scan_claims WHERE tenant_id = ?")
      .get(norm(tenantId));
    return row && row.until >= now
      ? { scanId: row.scan_id, progress: JSON.parse(row.progress) as Record<string, unknown> }
      : undefined;
  }
}
