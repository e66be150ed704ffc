/** Work to run at a time, surviving restarts: a postponement reminder, a daily scan, a follow-up broadcast. */
export interface ScheduledJob {
  id: string;
  kind: string;
  tenantId: string;
  runAt: string;
  payload: Record<string, unknown>;
  /** Unique per kind: scheduling the same key again replaces the earlier job. */
  key?: string;
  attempts: number;
}

export type NewScheduledJob = Omit<ScheduledJob, "id" | "attempts">;
