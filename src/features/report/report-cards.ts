import { renderCard } from "../../cards/render";
import type { AdaptiveCardJson } from "../../cards/types";
import type { ScanProgress, ScanRecord } from "../../domain/report-types";
import type { FindingCardData } from "./finding-view";
import { buildProgressView } from "./progress-view";
import type { NoticeCardData } from "./report-notices";
import { buildReportView } from "./report-view";

/** The report feature's cards, rendered from their view models (adaptiveCards/report*.json). */
export const reportCards = {
  progress: (scanId: string, progress: ScanProgress, now: Date, joined = false): AdaptiveCardJson =>
    renderCard(
      "report-progress",
      buildProgressView(scanId, progress, { now, usersStageStartedAt: progress.usersStartedAt, joined }),
    ),
  report: (
    scan: ScanRecord,
    options: { now: Date; subscribed: boolean; headline?: string },
  ): AdaptiveCardJson => renderCard("report", buildReportView(scan, options)),
  finding: (data: FindingCardData): AdaptiveCardJson => renderCard("report-finding", data),
  notice: (data: NoticeCardData): AdaptiveCardJson => renderCard("report-notice", data),
};
