import { userText } from "../../cards/markdown";
import type {
  FindingPerson,
  ReadinessBucket,
  ScanDiff,
  ScanRecord,
  ScanSummary,
} from "../../domain/report-types";
import { methodLabel } from "../status/method-facts";
import { gapLines, isWithoutPremium } from "./report-gaps";
import { BUCKET_COLORS, type ReportTexts } from "./report-texts";

export interface ReportCardData {
  scanId: string;
  headline: string;
  tone: "good" | "warning" | "attention";
  summary: string;
  scannedLine: string;
  counts: Array<{ title: string; value: string }>;
  chartTitle: string;
  chart: Array<{ legend: string; value: number; color: string }>;
  chartRows: Array<{ legend: string; value: string; share: string }>;
  diffLine: string;
  /** How many people were assessed with methods the bot read or verified itself; "" when none. */
  liveLine: string;
  /** Each list is one "show" away: a row with its title and count, the people behind a toggle. */
  findings: Array<{
    key: string;
    title: string;
    why: string;
    countText: string;
    people: Array<{ text: string }>;
    more: boolean;
    showAll: string;
  }>;
  noFindings: boolean;
  gaps: Array<{ text: string }>;
  gapsCount: string;
  csvTitle: string;
  /** The command that gives the same CSV, where the client cannot take a file (the Agents Playground); else "". */
  csvCommand: string;
  subscribed: boolean;
}

const BUCKETS: readonly ReadinessBucket[] = [
  "affectedNotReady",
  "affectedReady",
  "likely",
  "unknown",
  "notAffected",
];

/** "**Name** (upn) · detail": the detail is data (apps, roles, methods) or one of the report's notes. */
export function personLine(person: FindingPerson, texts: ReportTexts): string {
  const separator = texts.t("common.list.separator");
  const detail = person.roles?.length
    ? person.roles.map((role) => texts.t(`common.roles.${role}`)).join(separator)
    : person.methods?.length
      ? [...new Set(person.methods.map((method) => methodLabel(method, texts.locale)))].join(separator)
      : person.detail
        ? userText(person.detail)
        : person.note
          ? texts.t(`report.personNotes.${person.note}`)
          : "";
  return `**${userText(person.name)}** (${userText(person.upn)})${detail ? ` · ${detail}` : ""}`;
}

function diffLine(diff: ScanDiff | undefined, texts: ReportTexts): string {
  if (diff === undefined) {
    return "";
  }
  const { t, count } = texts;
  const parts = [
    diff.becameReady > 0 ? t("report.diff.becameReady", { users: texts.users(diff.becameReady) }) : "",
    diff.newlyAffected > 0 ? t("report.diff.newlyAffected", { n: count(diff.newlyAffected) }) : "",
    diff.noLongerReady > 0 ? t("report.diff.noLongerReady", { n: count(diff.noLongerReady) }) : "",
    diff.noLongerAffected > 0 ? t("report.diff.noLongerAffected", { n: count(diff.noLongerAffected) }) : "",
    diff.newUsers > 0 ? t("report.diff.newUsers", { count: diff.newUsers, n: count(diff.newUsers) }) : "",
    diff.removedUsers > 0
      ? t("report.diff.removedUsers", { count: diff.removedUsers, n: count(diff.removedUsers) })
      : "",
  ].filter((part) => part !== "");
  const time = texts.time(new Date(diff.previousAt));
  return parts.length === 0
    ? t("report.diff.noChange", { time })
    : t("report.diff.changes", { time, changes: parts.join(t("report.listSeparator")) });
}

function tone(summary: ScanSummary): ReportCardData["tone"] {
  const urgent = summary.findings.some(
    (f) => (f.key === "breakGlassNotReady" || f.key === "adminsNotReady") && f.count > 0,
  );
  return urgent
    ? "attention"
    : summary.counts.notReady > 0 || isWithoutPremium(summary.gaps)
      ? "warning"
      : "good";
}

function headlineSummary(summary: ScanSummary, texts: ReportTexts): string {
  const { t, count, users } = texts;
  const { counts } = summary;
  const inScope = counts.ready + counts.notReady;
  if (isWithoutPremium(summary.gaps)) {
    return t("report.summary.withoutPremium", {
      likely: users(counts.buckets.likely),
      unknown: count(counts.buckets.unknown),
    });
  }
  if (inScope === 0) {
    return t("report.summary.noOne");
  }
  return counts.notReady === 0
    ? t("report.summary.allReady", { users: users(inScope) })
    : t("report.summary.notReady", {
        count: counts.notReady,
        n: count(counts.notReady),
        users: users(inScope),
      });
}

function scannedLine(scan: ScanRecord, summary: ScanSummary, now: Date, texts: ReportTexts): string {
  const { t } = texts;
  const finishedAt = new Date(scan.finishedAt ?? scan.startedAt);
  const age = now.getTime() - finishedAt.getTime();
  const time = texts.time(finishedAt);
  return [
    age >= 60_000
      ? t("report.scannedAgo", { time, age: texts.duration(age) })
      : t("report.scanned", { time }),
    texts.users(summary.counts.users),
    t(summary.summaryByDay ? "report.lookbackByDay" : "report.lookback", {
      count: summary.lookbackDays,
      n: texts.count(summary.lookbackDays),
    }),
  ].join(" · ");
}

/** The report card's data for a completed scan, in the reader's words. */
export function buildReportView(
  scan: ScanRecord,
  options: { now: Date; subscribed: boolean; daily?: boolean; csvCommand?: string },
  texts: ReportTexts,
): ReportCardData {
  const { t, count } = texts;
  const summary = scan.summary!;
  const { counts } = summary;
  const total = Math.max(1, counts.users);
  const phase = (affected: number, likely: number) =>
    t("report.counts.phaseValue", { affected: count(affected), likely: count(likely) });
  const gaps = gapLines(summary.gaps, counts.users, texts, {
    methodsReadPerUser: summary.methodsReadPerUser,
  }).map((text) => ({ text }));
  return {
    scanId: scan.id,
    headline: t(options.daily ? "report.dailyHeadline" : "report.headline"),
    tone: tone(summary),
    summary: headlineSummary(summary, texts),
    scannedLine: scannedLine(scan, summary, options.now, texts),
    counts: [
      { title: t("report.counts.phase1"), value: phase(counts.phase1.affected, counts.phase1.likely) },
      { title: t("report.counts.phase2"), value: phase(counts.phase2.affected, counts.phase2.likely) },
      { title: t("report.counts.ready"), value: count(counts.ready) },
      { title: t("report.counts.notReady"), value: count(counts.notReady) },
      { title: t("report.counts.likely"), value: count(counts.buckets.likely) },
      { title: t("report.counts.unknown"), value: count(counts.buckets.unknown) },
    ],
    chartTitle: t("report.chartTitle"),
    chart: BUCKETS.map((bucket) => ({
      legend: texts.bucket(bucket),
      color: BUCKET_COLORS[bucket],
      value: counts.buckets[bucket],
    })),
    chartRows: BUCKETS.map((bucket) => ({
      legend: texts.bucket(bucket),
      value: count(counts.buckets[bucket]),
      share: t("report.share", { percent: count(Math.round((counts.buckets[bucket] / total) * 100)) }),
    })),
    diffLine: diffLine(summary.diff, texts),
    liveLine: summary.leanedOnLive
      ? t("report.leanedOnLive", { count: summary.leanedOnLive, n: count(summary.leanedOnLive) })
      : "",
    findings: summary.findings
      .filter((finding) => finding.count > 0)
      .map((finding) => ({
        key: finding.key,
        ...texts.finding(finding.key),
        countText: texts.users(finding.count),
        people: finding.first.map((person) => ({ text: personLine(person, texts) })),
        more: finding.count > finding.first.length,
        showAll: t("report.showAll", { n: count(finding.count) }),
      })),
    noFindings: summary.findings.every((finding) => finding.count === 0),
    gaps,
    gapsCount: count(gaps.length),
    csvTitle: t("report.csvTitle", { kb: count(Math.max(1, Math.round(scan.csvBytes / 1024))) }),
    csvCommand: options.csvCommand ?? "",
    subscribed: options.subscribed,
  };
}
