import type { ScanProgress } from "../../domain/report-types";
import { count, duration } from "./report-texts";

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

const STAGE_LINES: Readonly<Record<ScanProgress["stage"], string>> = {
  starting: "Starting…",
  tenant: "Reading the methods policy, roles and groups…",
  signIns: "Reading the sign-in logs (Microsoft allows 5 requests every 10 seconds)…",
  users: "Reading users and their registered methods…",
  finishing: "Comparing with the previous scan…",
};

/** The progress card's data: users read, percent, time left, and the scan's id for Cancel. */
export function buildProgressView(
  scanId: string,
  progress: ScanProgress,
  options: { now: Date; usersStageStartedAt?: Date; joined?: boolean },
): ProgressCardData {
  const total = progress.usersTotal;
  const percent = total ? Math.min(99, Math.floor((progress.usersRead / total) * 100)) : 0;
  const left = timeLeftMs(progress, options.usersStageStartedAt, options.now);
  const facts = [
    {
      title: "Users read",
      value:
        total === undefined
          ? count(progress.usersRead)
          : `${count(progress.usersRead)} of ${count(total)} (${percent}%)`,
    },
    { title: "Sign-ins read", value: count(progress.signInsRead) },
    { title: "Running for", value: duration(options.now.getTime() - progress.startedAt.getTime()) },
    { title: "Time left", value: left === undefined ? "estimating…" : `about ${duration(left)}` },
  ];
  return {
    scanId,
    title: "Scanning your tenant for the readiness report",
    stageLine: STAGE_LINES[progress.stage],
    facts,
    percent,
    note: options.joined
      ? "A scan was already running, so you share it: this card updates itself and turns into the report."
      : "This card updates itself every few seconds and turns into the report when the scan is done.",
  };
}
