import type { ScanProgress } from "../../domain/report-types";
import { type ReportTexts, reportTexts } from "./report-texts";

export interface ProgressCardData {
  scanId: string;
  title: string;
  stageLine: string;
  facts: Array<{ title: string; value: string }>;
  percent: number;
  note: string;
}

/** Time left from the users read so far in the users stage; undefined until there is a rate to go on. */
export function timeLeftMs(
  progress: ScanProgress,
  usersStageStartedAt: Date | undefined,
  now: Date,
): number | undefined {
  const total = progress.usersTotal;
  if (total === undefined || usersStageStartedAt === undefined || progress.usersRead < 100) {
    return undefined;
  }
  const rate = progress.usersRead / Math.max(1, now.getTime() - usersStageStartedAt.getTime());
  return Math.max(0, total - progress.usersRead) / rate;
}

/** One $batch: the first estimate of reading everyone's methods waits for that many. */
const FIRST_METHODS = 20;

/**
 * Without Entra ID P1: how long reading every user's methods one by one takes in all, and how much of
 * it is left, from the rate so far; undefined until a first batch is in or when the total is unknown.
 */
export function methodsTimeMs(
  progress: ScanProgress,
  now: Date,
): { totalMs: number; leftMs: number } | undefined {
  const { usersTotal: total, methodsRead: read, methodsStartedAt: started } = progress;
  if (total === undefined || read === undefined || started === undefined || read < FIRST_METHODS) {
    return undefined;
  }
  const elapsed = Math.max(1, now.getTime() - started.getTime());
  const totalMs = (Math.max(total, read) / read) * elapsed;
  return { totalMs, leftMs: Math.max(0, totalMs - elapsed) };
}

/** The progress card's data: users read, percent, time left, and the scan's id for Cancel. */
export function buildProgressView(
  scanId: string,
  progress: ScanProgress,
  options: { now: Date; usersStageStartedAt?: Date; joined?: boolean },
  texts: ReportTexts = reportTexts(),
): ProgressCardData {
  const { t, count, duration } = texts;
  const total = progress.usersTotal;
  const percent = total ? Math.min(99, Math.floor((progress.usersRead / total) * 100)) : 0;
  const left = timeLeftMs(progress, options.usersStageStartedAt, options.now);
  const facts = [
    {
      title: t("report.progress.usersRead"),
      value:
        total === undefined
          ? count(progress.usersRead)
          : t("report.progress.usersOf", {
              read: count(progress.usersRead),
              total: count(total),
              percent: count(percent),
            }),
    },
    { title: t("report.progress.signInsRead"), value: count(progress.signInsRead) },
    {
      title: t("report.progress.runningFor"),
      value: duration(options.now.getTime() - progress.startedAt.getTime()),
    },
    {
      title: t("report.progress.timeLeft"),
      value:
        left === undefined
          ? t("report.progress.estimating")
          : t("report.progress.about", { duration: duration(left) }),
    },
  ];
  if (progress.methodsRead !== undefined) {
    const time = methodsTimeMs(progress, options.now);
    facts.push({
      title: t("report.progress.methodsTime"),
      value:
        time === undefined
          ? t("report.progress.estimating")
          : t("report.progress.methodsTakes", {
              duration: duration(time.totalMs),
              left: duration(time.leftMs),
            }),
    });
  }
  return {
    scanId,
    title: t("report.progress.title"),
    stageLine: t(`report.progress.stages.${progress.stage}`),
    facts,
    percent,
    note: t(options.joined ? "report.progress.joined" : "report.progress.updates"),
  };
}
