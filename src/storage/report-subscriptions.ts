import type { ReportSubscription } from "../domain/report-subscription";
import type { Database } from "./database";

interface Row {
  tenant_id: string;
  user_id: string;
  user_name: string | null;
  subscribed_at: string;
}

const norm = (id: string) => id.toLowerCase();

export class SqliteReportSubscriptionStore {
  constructor(private readonly db: Database) {}

  async add(subscription: ReportSubscription): Promise<boolean> {
    const result = this.db
      .prepare(
        `INSERT INTO report_subscriptions (tenant_id, user_id, user_name, subscribed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (tenant_id, user_id) DO NOTHING`,
      )
      .run(
        norm(subscription.tenantId),
        norm(subscription.userId),
        subscription.userName ?? null,
        subscription.subscribedAt,
      );
    return result.changes === 1;
  }

  async remove(tenantId: string, userId: string): Promise<boolean> {
    const result = this.db
      .prepare(`DELETE FROM report_subscriptions WHERE tenant_id = ? AND user_id = ?`)
      .run(norm(tenantId), norm(userId));
    return result.changes === 1;
  }

  async has(tenantId: string, userId: string): Promise<boolean> {
    return (
      this.db
        .prepare(`SELECT 1 FROM report_subscriptions WHERE tenant_id = ? AND user_id = ?`)
        .get(norm(tenantId), norm(userId)) !== undefined
    );
  }

  async list(tenantId: string): Promise<ReportSubscription[]> {
    return this.db
      .prepare<[string], Row>(
        `SELECT * FROM report_subscriptions WHERE tenant_id = ? ORDER BY subscribed_at, user_id`,
      )
      .all(norm(tenantId))
      .map((row) => ({
        tenantId: row.tenant_id,
        userId: row.user_id,
        userName: row.user_name ?? undefined,
        subscribedAt: row.subscribed_at,
      }));
  }
}
