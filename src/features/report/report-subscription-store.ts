import type { ReportSubscription } from "../../domain/report-subscription";

/** Who gets the daily readiness report; src/storage implements it. */
export interface ReportSubscriptionStore {
  /** True when this is a new subscription. */
  add(subscription: ReportSubscription): Promise<boolean>;
  /** True when there was one to remove. */
  remove(tenantId: string, userId: string): Promise<boolean>;
  has(tenantId: string, userId: string): Promise<boolean>;
  list(tenantId: string): Promise<ReportSubscription[]>;
}
