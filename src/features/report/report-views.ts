import type { ErrorCardInput } from "../../cards/error-card";
import { type View, view } from "../../cards/view";
import type { ScanProgress, ScanRecord } from "../../domain/report-types";
import type { FindingCardData } from "./finding-view";
import { buildProgressView, type ProgressCardData } from "./progress-view";
import type { NoticeCardData } from "./report-notices";
import type { ReportTexts } from "./report-texts";
import { buildReportView, type ReportCardData } from "./report-view";

/** Every answer of the report feature: one of its templates (adaptiveCards/report*.json) or a refusal. */
export type ReportView =
  | View<"report", ReportCardData>
  | View<"report-progress", ProgressCardData>
  | View<"report-finding", FindingCardData>
  | View<"report-notice", NoticeCardData>
  | View<"error", ErrorCardInput>;

/** The report feature's views from their view models; the bot (or the messenger's caller) renders them. */
export const reportViews = {
  progress: (
    scanId: string,
    progress: ScanProgress,
    options: { now: Date; joined?: boolean },
    texts: ReportTexts,
  ): ReportView =>
    view(
      "report-progress",
      buildProgressView(
        scanId,
        progress,
        { now: options.now, usersStageStartedAt: progress.usersStartedAt, joined: options.joined },
        texts,
      ),
    ),
  report: (
    scan: ScanRecord,
    options: { now: Date; subscribed: boolean; daily?: boolean; csvCommand?: string },
    texts: ReportTexts,
  ): ReportView => view("report", buildReportView(scan, options, texts)),
  finding: (data: FindingCardData): ReportView => view("report-finding", data),
  notice: (data: NoticeCardData): ReportView => view("report-notice", data),
};
