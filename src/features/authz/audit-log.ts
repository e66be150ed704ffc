import type { AuditEntry, NewAuditEntry } from "../../domain/audit-entry";

/** The audit trail every feature writes to; src/storage implements it on SQLite and Azure Storage. */
export interface AuditLog {
  record(entry: NewAuditEntry): Promise<void>;
  /** The newest entries of a tenant, newest first. */
  latest(tenantId: string, limit: number): Promise<AuditEntry[]>;
}
