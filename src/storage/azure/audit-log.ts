import type { TableClient } from "@azure/data-tables";

import type { AuditEntry, NewAuditEntry } from "../../domain/audit-entry";
import { key, literal } from "./tables";

interface Entity {
  id: number;
  at: string;
  tenantId: string;
  actorId: string;
  actorName?: string;
  action: string;
  subjectId?: string;
  subjectName?: string;
  outcome: AuditEntry["outcome"];
  detail?: string;
}

const MAX_LATEST = 500;
/** Larger than any id below: RowKey = MAX - id, so a partition's natural order is newest first. */
const MAX_ID = 9_000_000_000_000_000;

/**
 * PartitionKey = tenant; RowKey = an inverted, time-ordered id, so "the newest N" is the first N rows of
 * one partition. The id is recording time in microseconds (this process's clock, made strictly
 * increasing), plus a random tail against two instances recording in the same microsecond; across
 * instances the order is as good as their clocks (App Service keeps them NTP-synchronised).
 */
export class AzureAuditLog {
  private lastId = 0;

  constructor(
    private readonly table: TableClient,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private nextId(): number {
    const micros = Date.now() * 1000 + Math.floor(Math.random() * 1000);
    this.lastId = Math.max(this.lastId + 1, micros);
    return this.lastId;
  }

  async record(entry: NewAuditEntry): Promise<void> {
    const id = this.nextId();
    const tenantId = entry.tenantId.toLowerCase();
    await this.table.createEntity<Entity>({
      partitionKey: key(tenantId),
      rowKey: String(MAX_ID - id).padStart(16, "0"),
      id,
      at: entry.at ?? this.now().toISOString(),
      tenantId,
      actorId: entry.actorId,
      action: entry.action,
      outcome: entry.outcome,
      ...(entry.actorName === undefined ? {} : { actorName: entry.actorName }),
      ...(entry.subjectId === undefined ? {} : { subjectId: entry.subjectId }),
      ...(entry.subjectName === undefined ? {} : { subjectName: entry.subjectName }),
      ...(entry.detail === undefined ? {} : { detail: JSON.stringify(entry.detail) }),
    });
  }

  async latest(tenantId: string, limit: number): Promise<AuditEntry[]> {
    const top = Math.max(1, Math.min(limit, MAX_LATEST));
    const pages = this.table
      .listEntities<Entity>({
        queryOptions: { filter: `PartitionKey eq ${literal(key(tenantId.toLowerCase()))}` },
      })
      .byPage({ maxPageSize: top });
    const out: AuditEntry[] = [];
    for await (const page of pages) {
      for (const e of page) {
        out.push({
          id: e.id,
          at: e.at,
          tenantId: e.tenantId,
          actorId: e.actorId,
          ...(e.actorName === undefined ? {} : { actorName: e.actorName }),
          action: e.action,
          ...(e.subjectId === undefined ? {} : { subjectId: e.subjectId }),
          ...(e.subjectName === undefined ? {} : { subjectName: e.subjectName }),
          outcome: e.outcome,
          ...(e.detail === undefined ? {} : { detail: JSON.parse(e.detail) as AuditEntry["detail"] }),
        });
        if (out.length >= top) {
          return out;
        }
      }
    }
    return out;
  }
}
