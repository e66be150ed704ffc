/** An admin who asked for the daily readiness report. */
export interface ReportSubscription {
  tenantId: string;
  userId: string;
  userName?: string;
  subscribedAt: string;
}
