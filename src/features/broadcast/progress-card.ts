import { userText } from "../../cards/markdown";
import { renderCard } from "../../cards/render";
import type { AdaptiveCardJson } from "../../cards/types";
import { VERBS } from "../../cards/verbs";
import type { BroadcastJob } from "../../domain/broadcast";
import { audienceLabel } from "./compose";
import { type ProgressSnapshot, readableDuration } from "./progress";
import { reasonsText } from "./reason-text";

const n = (value: number) => value.toLocaleString("en-US");
/** "Finished" is green only when nobody failed: a job with failures finished, but not well. */
function stateLine(job: BroadcastJob, failed: number): { line: string; color: string } {
  switch (job.state) {
    case "preparing":
      return { line: "Preparing the list of recipients…", color: "Default" };
    case "sending":
      return { line: "Sending, as fast as Teams allows.", color: "Default" };
    case "paused":
      return job.pauseReason === "throttled"
        ? {
            line: "Paused by itself: Teams kept answering 'too many requests'. It resumes in a minute, or press Resume.",
            color: "Warning",
          }
        : { line: "Paused. Nothing more is sent until you press Resume.", color: "Warning" };
    case "cancelled":
      return { line: "Cancelled. Messages already sent stay in people's chats.", color: "Attention" };
    case "done":
      return failed > 0
        ? { line: `Finished, but ${n(failed)} could not be reached (why below).`, color: "Warning" }
        : { line: "Finished.", color: "Good" };
  }
}

/** The admin's progress card: counts, rate, time left, and the controls the job's state allows. */
export function buildProgressCard(
  job: BroadcastJob,
  progress: ProgressSnapshot,
  options: { adminMri?: string; now: Date },
): AdaptiveCardJson {
  const t = progress.totals;
  const { line, color } = stateLine(job, t.failed);
  const control = (title: string, verb: string) => ({ title, verb, jobId: job.id });
  const controls =
    job.state === "sending" || job.state === "preparing"
      ? [control("Pause", VERBS.broadcastPause), control("Cancel", VERBS.broadcastCancel)]
      : job.state === "paused"
        ? [control("Resume", VERBS.broadcastResume), control("Cancel", VERBS.broadcastCancel)]
        : [
            ...(t.failed > 0 ? [control("Resend to those who failed", VERBS.broadcastResendFailed)] : []),
            ...(t.sent > 0 && job.content.audience.kind !== "follow-up"
              ? [control("Remind those not yet ready", VERBS.broadcastRemindNotReady)]
              : []),
            control("Delivery report (CSV)", VERBS.broadcastReport),
          ];
  const details = [
    ...(t.failed > 0 ? [`Not reached: ${reasonsText(t.failedByReason)}.`] : []),
    ...(t.skipped > 0 ? [`Left out: ${reasonsText(t.skippedByReason)}.`] : []),
    ...(t.possiblyDuplicated > 0
      ? [
          `${n(t.possiblyDuplicated)} possibly received the message twice (the sender stopped between Teams accepting it and recording it).`,
        ]
      : []),
    `Audience: ${audienceLabel(job.content.audience)}.`,
  ];
  const finished = job.state === "done" || job.state === "cancelled";
  return renderCard("broadcast-progress", {
    jobId: job.id,
    refreshUserIds: options.adminMri ? [options.adminMri] : [],
    heading: finished ? "Broadcast report" : "Broadcast in progress",
    title: userText(job.content.title),
    stateLine: line,
    stateColor: color,
    sent: n(t.sent),
    failed: n(t.failed),
    skipped: n(t.skipped),
    pending: n(t.pending + t.sending),
    acknowledged: n(t.acknowledged),
    nowReady: n(t.nowReady),
    rate: finished ? "–" : `${progress.ratePerSecond.toFixed(1)} per second`,
    timeLeft: finished ? "–" : readableDuration(progress.secondsLeft),
    details: details.map(userText),
    updatedLine: `Updated ${options.now.toISOString().slice(11, 19)} UTC`,
    controls,
  });
}
