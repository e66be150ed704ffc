import {
  type Delivery,
  type DeliveryState,
  type DeliveryTotals,
  emptyDeliveryTotals,
  type NewDelivery,
} from "../domain/broadcast";
import type { Database } from "./database";

interface Row {
  job_id: string;
  seq: number;
  user_id: string;
  upn: string;
  display_name: string;
  personal: string | null;
  state: DeliveryState;
  reason: string | null;
  activity_id: string | null;
  conversation_id: string | null;
  service_url: string | null;
  attempts: number;
  possibly_duplicated: number;
  updated_at: string;
  acknowledged_at: string | null;
  ready_now: number | null;
  locale: string | null;
}

const fromRow = (row: Row): Delivery => ({
  jobId: row.job_id,
  seq: row.seq,
  userId: row.user_id,
  upn: row.upn,
  displayName: row.display_name,
  personal: row.personal ?? undefined,
  state: row.state,
  reason: row.reason ?? undefined,
  activityId: row.activity_id ?? undefined,
  conversationId: row.conversation_id ?? undefined,
  serviceUrl: row.service_url ?? undefined,
  attempts: row.attempts,
  possiblyDuplicated: row.possibly_duplicated === 1,
  updatedAt: row.updated_at,
  ...(row.acknowledged_at === null ? {} : { acknowledgedAt: row.acknowledged_at }),
  ...(row.ready_now === null ? {} : { readyNow: row.ready_now === 1 }),
  ...(row.locale === null ? {} : { locale: row.locale }),
});

/** The features' BroadcastLedger over SQLite: one autocommitted statement per change. */
export class SqliteBroadcastLedger {
  private readonly statements;

  constructor(private readonly db: Database) {
    this.statements = {
      maxSeq: db.prepare<[string], { seq: number | null }>(
        "SELECT max(seq) AS seq FROM broadcast_deliveries WHERE job_id = ?",
      ),
      insert: db.prepare(
        `INSERT OR IGNORE INTO broadcast_deliveries (job_id, seq, user_id, upn, display_name, personal, locale, state, reason, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      pending: db.prepare<[string, number, number], Row>(
        "SELECT * FROM broadcast_deliveries WHERE job_id = ? AND state = 'pending' AND seq > ? ORDER BY seq LIMIT ?",
      ),
      page: db.prepare<[string, number, number], Row>(
        "SELECT * FROM broadcast_deliveries WHERE job_id = ? AND seq > ? ORDER BY seq LIMIT ?",
      ),
      get: db.prepare<[string, string], Row>(
        "SELECT * FROM broadcast_deliveries WHERE job_id = ? AND user_id = ?",
      ),
      sending: db.prepare(
        `UPDATE broadcast_deliveries SET state = 'sending', attempts = attempts + 1, conversation_id = ?, service_url = ?, updated_at = ?
         WHERE job_id = ? AND seq = ?`,
      ),
      sent: db.prepare(
        "UPDATE broadcast_deliveries SET state = 'sent', activity_id = ?, reason = NULL, updated_at = ? WHERE job_id = ? AND seq = ?",
      ),
      final: db.prepare(
        "UPDATE broadcast_deliveries SET state = ?, reason = ?, updated_at = ? WHERE job_id = ? AND seq = ?",
      ),
      toPending: db.prepare(
        "UPDATE broadcast_deliveries SET state = 'pending', possibly_duplicated = max(possibly_duplicated, ?), updated_at = ? WHERE job_id = ? AND seq = ?",
      ),
      recover: db.prepare(
        "UPDATE broadcast_deliveries SET state = 'pending', possibly_duplicated = 1, updated_at = ? WHERE job_id = ? AND state = 'sending'",
      ),
      cancel: db.prepare(
        "UPDATE broadcast_deliveries SET state = 'skipped', reason = 'cancelled', updated_at = ? WHERE job_id = ? AND state = 'pending'",
      ),
      acknowledge: db.prepare(
        "UPDATE broadcast_deliveries SET acknowledged_at = ?, ready_now = coalesce(?, ready_now) WHERE job_id = ? AND user_id = ?",
      ),
      counts: db.prepare<
        [string],
        { state: DeliveryState; reason: string | null; n: number; dup: number; acked: number; ready: number }
      >(
        `SELECT state, reason, count(*) AS n, sum(possibly_duplicated) AS dup,
           sum(acknowledged_at IS NOT NULL) AS acked, sum(coalesce(ready_now, 0)) AS ready
         FROM broadcast_deliveries WHERE job_id = ? GROUP BY state, reason`,
      ),
    };
  }

  async add(jobId: string, rows: readonly NewDelivery[], now: string): Promise<number> {
    const s = this.statements;
    return this.db.transaction(() => {
      let seq = s.maxSeq.get(jobId)?.seq ?? 0;
      let added = 0;
      for (const row of rows) {
        const result = s.insert.run(
          jobId,
          seq + 1,
          row.userId.toLowerCase(),
          row.upn,
          row.displayName,
          row.personal ?? null,
          row.locale ?? null,
          row.state ?? "pending",
          row.reason ?? null,
          now,
        );
        if (result.changes > 0) {
          seq += 1;
          added += 1;
        }
      }
      return added;
    })();
  }

  async pendingPage(jobId: string, afterSeq: number, limit: number): Promise<Delivery[]> {
    return this.statements.pending.all(jobId, afterSeq, limit).map(fromRow);
  }

  async page(jobId: string, afterSeq: number, limit: number): Promise<Delivery[]> {
    return this.statements.page.all(jobId, afterSeq, limit).map(fromRow);
  }

  async get(jobId: string, userId: string): Promise<Delivery | undefined> {
    const row = this.statements.get.get(jobId, userId.toLowerCase());
    return row ? fromRow(row) : undefined;
  }

  async markSending(
    jobId: string,
    seq: number,
    target: { conversationId: string; serviceUrl: string },
    now: string,
  ): Promise<void> {
    this.statements.sending.run(target.conversationId, target.serviceUrl, now, jobId, seq);
  }

  async markSent(jobId: string, seq: number, activityId: string, now: string): Promise<void> {
    this.statements.sent.run(activityId, now, jobId, seq);
  }

  async markFinal(
    jobId: string,
    seq: number,
    state: "failed" | "skipped",
    reason: string,
    now: string,
  ): Promise<void> {
    this.statements.final.run(state, reason, now, jobId, seq);
  }

  async markPending(jobId: string, seq: number, now: string, possiblyDuplicated = false): Promise<void> {
    this.statements.toPending.run(possiblyDuplicated ? 1 : 0, now, jobId, seq);
  }

  async recoverInterrupted(jobId: string, now: string): Promise<number> {
    return this.statements.recover.run(now, jobId).changes;
  }

  async cancelPending(jobId: string, now: string): Promise<number> {
    return this.statements.cancel.run(now, jobId).changes;
  }

  async acknowledge(
    jobId: string,
    userId: string,
    check: { readyNow?: boolean },
    now: string,
  ): Promise<Delivery | undefined> {
    const readyNow = check.readyNow === undefined ? null : check.readyNow ? 1 : 0;
    this.statements.acknowledge.run(now, readyNow, jobId, userId.toLowerCase());
    return this.get(jobId, userId);
  }

  async totals(jobId: string): Promise<DeliveryTotals> {
    const totals = emptyDeliveryTotals();
    for (const row of this.statements.counts.all(jobId)) {
      totals.total += row.n;
      totals[row.state] += row.n;
      totals.possiblyDuplicated += row.dup;
      totals.acknowledged += row.acked;
      totals.nowReady += row.ready;
      const reason = row.reason ?? "unknown";
      if (row.state === "failed") {
        totals.failedByReason[reason] = (totals.failedByReason[reason] ?? 0) + row.n;
      } else if (row.state === "skipped") {
        totals.skippedByReason[reason] = (totals.skippedByReason[reason] ?? 0) + row.n;
      }
    }
    return totals;
  }
}
