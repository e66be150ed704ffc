import type { TFunction } from "i18next";

import { userText } from "../../cards/markdown";
import { VERBS } from "../../cards/verbs";
import { view } from "../../cards/view";
import type { BroadcastDraft, BroadcastJob } from "../../domain/broadcast";
import { ENGLISH, type Locale } from "../../domain/language";
import { formatDateTime, formatNumber } from "../../i18n/format";
import { textsFor } from "../../i18n/i18n";
import { audienceLabel, shownTitle } from "./content-labels";
import { type ProgressSnapshot, readableDuration } from "./progress";
import { reasonsText } from "./reason-text";

/** "Finished" is green only when nobody failed: a job with failures finished, but not well. */
function stateLine(job: BroadcastJob, failed: string, t: TFunction): { line: string; color: string } {
  switch (job.state) {
    case "preparing":
      return { line: t("broadcast.progress.preparing"), color: "Default" };
    case "sending":
      return { line: t("broadcast.progress.sending"), color: "Default" };
    case "paused":
      return job.pauseReason === "throttled"
        ? { line: t("broadcast.progress.throttled"), color: "Warning" }
        : { line: t("broadcast.progress.paused"), color: "Warning" };
    case "cancelled":
      return { line: t("broadcast.progress.cancelled"), color: "Attention" };
    case "done":
      return failed !== "0"
        ? { line: t("broadcast.progress.finishedFailed", { count: failed }), color: "Warning" }
        : { line: t("broadcast.progress.finished"), color: "Good" };
  }
}

export interface ProgressCardOptions {
  adminMri?: string | undefined;
  now: Date;
  /** The admin's locale (the progress card's own strings and numbers); English when absent. */
  locale?: Locale | undefined;
}

/** The admin's progress card: counts, rate, time left, and the controls the job's state allows. */
export function progressView(job: BroadcastJob, progress: ProgressSnapshot, options: ProgressCardOptions) {
  const locale = options.locale ?? ENGLISH;
  const t = textsFor(locale);
  const n = (value: number) => formatNumber(value, { locale: locale.tag });
  const totals = progress.totals;
  const { line, color } = stateLine(job, n(totals.failed), t);
  const control = (key: string, verb: string) => ({
    title: t(`broadcast.progress.${key}`),
    verb,
    jobId: job.id,
  });
  const controls =
    job.state === "sending" || job.state === "preparing"
      ? [control("pause", VERBS.broadcastPause), control("cancel", VERBS.broadcastCancel)]
      : job.state === "paused"
        ? [control("resume", VERBS.broadcastResume), control("cancel", VERBS.broadcastCancel)]
        : [
            ...(totals.failed > 0 ? [control("resendFailed", VERBS.broadcastResendFailed)] : []),
            ...(totals.sent > 0 && job.content.audience.kind !== "follow-up"
              ? [control("remindNotReady", VERBS.broadcastRemindNotReady)]
              : []),
            control("deliveryReport", VERBS.broadcastReport),
          ];
  const details = [
    ...(totals.failed > 0
      ? [t("broadcast.progress.notReached", { reasons: reasonsText(totals.failedByReason, t, locale.tag) })]
      : []),
    ...(totals.skipped > 0
      ? [t("broadcast.progress.leftOut", { reasons: reasonsText(totals.skippedByReason, t, locale.tag) })]
      : []),
    ...(totals.possiblyDuplicated > 0
      ? [t("broadcast.progress.duplicated", { count: n(totals.possiblyDuplicated) })]
      : []),
    t("broadcast.progress.audience", { audience: audienceLabel(job.content.audience, t) }),
  ];
  const finished = job.state === "done" || job.state === "cancelled";
  const dash = t("broadcast.progress.dash");
  return view("broadcast-progress", {
    jobId: job.id,
    refreshUserIds: options.adminMri ? [options.adminMri] : [],
    heading: t(finished ? "broadcast.progress.report" : "broadcast.progress.heading"),
    title: userText(shownTitle(job.content, t)),
    stateLine: line,
    stateColor: color,
    sent: n(totals.sent),
    failed: n(totals.failed),
    skipped: n(totals.skipped),
    pending: n(totals.pending + totals.sending),
    acknowledged: n(totals.acknowledged),
    nowReady: n(totals.nowReady),
    rate: finished
      ? dash
      : t("broadcast.progress.rate", {
          rate: formatNumber(Math.round(progress.ratePerSecond * 10) / 10, { locale: locale.tag }),
        }),
    timeLeft: finished ? dash : readableDuration(progress.secondsLeft, t),
    details: details.map(userText),
    updatedLine: t("broadcast.progress.updated", {
      time: `${new Intl.DateTimeFormat(locale.tag, { timeStyle: "medium", timeZone: locale.timeZone ?? "UTC" }).format(options.now)} ${locale.timeZone ?? "UTC"}`,
    }),
    controls,
  });
}

export type ProgressView = ReturnType<typeof progressView>;

/** "When" for the admin: the tenant's clock in their locale, with the zone's name (UTC when none is set). */
export function sendAtText(iso: string, locale: Locale = ENGLISH, timeZone = locale.timeZone): string {
  return `${formatDateTime(iso, { locale: locale.tag, timeZone })} (${timeZone ?? "UTC"})`;
}

/** A broadcast waiting for its "send at" (or cancelled before it): when, to whom, and Cancel. */
export function scheduledView(
  draft: BroadcastDraft,
  state: "scheduled" | "cancelled",
  options: { adminMri?: string | undefined; timeZone?: string | undefined; locale?: Locale | undefined },
): ProgressView {
  const locale = options.locale ?? ENGLISH;
  const t = textsFor(locale);
  const when = sendAtText(draft.content.sendAt ?? new Date(0).toISOString(), locale, options.timeZone);
  const dash = t("broadcast.progress.dash");
  return view("broadcast-progress", {
    jobId: draft.id,
    refreshUserIds: options.adminMri ? [options.adminMri] : [],
    heading: t(
      state === "scheduled" ? "broadcast.progress.scheduled" : "broadcast.progress.scheduledCancelled",
    ),
    title: userText(draft.content.title),
    stateLine: t(
      state === "scheduled" ? "broadcast.progress.sendsAt" : "broadcast.progress.cancelledBefore",
      {
        when,
      },
    ),
    stateColor: state === "scheduled" ? "Default" : "Attention",
    sent: dash,
    failed: dash,
    skipped: dash,
    pending: dash,
    acknowledged: dash,
    nowReady: dash,
    rate: dash,
    timeLeft: dash,
    details: [
      userText(t("broadcast.progress.audience", { audience: audienceLabel(draft.content.audience, t) })),
    ],
    updatedLine: "",
    controls:
      state === "scheduled"
        ? [{ title: t("broadcast.progress.cancel"), verb: VERBS.broadcastCancel, jobId: draft.id }]
        : [],
  });
}
