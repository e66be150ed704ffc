import type { AuditEntry, NewAuditEntry } from "../domain/audit-entry";
import type { Database } from "./database";

interface AuditRow {
  id: number;
  at: string;
  tenant_id: string;
  actor_id: string;
  actor_name: string | null;
  action: string;
  subject_id: string | null;
  subject_name: string | null;
  outcome: AuditEntry["outcome"];
  detail: string | null;
}

const MAX_LATEST = 500;

export class SqliteAuditLog {
  private readonly insert;
  private readonly select;

  constructor(
    database: Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.insert = database.prepare(
      `INSERT INTO audit_log (at, tenant_id, actor_id, actor_name, action, subject_id, subject_name, outcome, detail)
       VALUES (@at, @tenantId, @actorId, @actorName, @action, @subjectId, @subjectName, @outcome, @detail)`,
    );
    this.select = database.prepare<[string, number], AuditRow>(
      "SELECT * FROM audit_log WHERE tenant_id = ? ORDER BY id DESC LIMIT ?",
    );
  }

  async record(entry: NewAuditEntry): Promise<void> {
    this.insert.run({
      at: entry.at ?? this.now().toISOString(),
      tenantId: entry.tenantId.toLowerCase(),
      actorId: entry.actorId,
      actorName: entry.actorName ?? null,
      action: entry.action,
      subjectId: entry.subjectId ?? null,
      subjectName: entry.subjectName ?? null,
      outcome: entry.outcome,
      detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
    });
  }

  async latest(tenantId: string, limit: number): Promise<AuditEntry[]> {
    const rows = this.select.all(tenantId.toLowerCase(), Math.max(1, Math.min(limit, MAX_LATEST)));
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      tenantId: row.tenant_id,
      actorId: row.actor_id,
      ...(row.actor_name === null ? {} : { actorName: row.actor_name }),
      action: row.action,
      ...(row.subject_id === null ? {} : { subjectId: row.subject_id }),
      ...(row.subject_name === null ? {} : { subjectName: row.subject_name }),
      outcome: row.outcome,
      ...(row.detail === null ? {} : { detail: JSON.parse(row.detail) as AuditEntry["detail"] }),
    }));
  }
}
