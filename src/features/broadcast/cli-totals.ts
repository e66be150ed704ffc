import type { DeliveryTotals } from "../../domain/broadcast";

/** The one JSON line the command line ends with (a scheduled pipeline parses it). */
export interface CliTotals {
  jobId: string;
  state: string;
  recipients: number;
  sent: number;
  failed: number;
  failedByReason: Record<string, number>;
  skipped: number;
  skippedByReason: Record<string, number>;
  possiblyDuplicated: number;
  pending: number;
  elapsedSeconds: number;
  messagesPerSecond: number;
}

export function cliTotals(
  jobId: string,
  state: string,
  totals: DeliveryTotals,
  elapsedMs: number,
  sentThisRun: number,
): CliTotals {
  const seconds = elapsedMs / 1000;
  return {
    jobId,
    state,
    recipients: totals.total,
    sent: totals.sent,
    failed: totals.failed,
    failedByReason: totals.failedByReason,
    skipped: totals.skipped,
    skippedByReason: totals.skippedByReason,
    possiblyDuplicated: totals.possiblyDuplicated,
    pending: totals.pending + totals.sending,
    elapsedSeconds: Number(seconds.toFixed(1)),
    messagesPerSecond: seconds > 0 ? Number((sentThisRun / seconds).toFixed(1)) : 0,
  };
}
