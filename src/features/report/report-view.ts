import { userText } from "../../cards/markdown";
import type {
  FindingPerson,
  ReadinessBucket,
  ScanDiff,
  ScanRecord,
  ScanSummary,
} from "../../domain/report-types";
import { readableTime } from "../status/readable-date";
import { gapLines, isWithoutPremium } from "./report-gaps";
import { BUCKET_TEXTS, count, duration, FINDING_TEXTS, users } from "./report-texts";

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
  csvTitle: string;
  subscribed: boolean;
}

/** Beta's summary has one row per UTC day and its dates cannot be filtered: a row counts by its day. */
const SUMMARY_BY_DAY =
  " (silent token refreshes are counted by whole UTC day, so they may add up to one more day at the start)";

const BUCKETS: readonly ReadinessBucket[] = [
  "affectedNotReady",
  "affectedReady",
  "likely",
  "unknown",
  "notAffected",
];

export const personLine = (person: FindingPerson) =>
  `**${userText(person.name)}** (${userText(person.upn)})${person.detail ? ` · ${userText(person.detail)}` : ""}`;

function diffLine(diff: ScanDiff | undefined): string {
  if (diff === undefined) {
    return "";
  }
  const parts = [
    diff.becameReady > 0 ? `${users(diff.becameReady)} became ready` : "",
    diff.newlyAffected > 0 ? `${count(diff.newlyAffected)} newly affected` : "",
    diff.noLongerReady > 0 ? `${count(diff.noLongerReady)} no longer ready` : "",
    diff.noLongerAffected > 0 ? `${count(diff.noLongerAffected)} no longer affected` : "",
    diff.newUsers > 0 ? `${count(diff.newUsers)} new accounts` : "",
    diff.removedUsers > 0 ? `${count(diff.removedUsers)} accounts gone` : "",
  ].filter((part) => part !== "");
  const since = `Since the scan of ${readableTime(new Date(diff.previousAt))}`;
  return parts.length === 0 ? `${since}: no change.` : `${since}: ${parts.join(", ")}.`;
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

function headlineSummary(summary: ScanSummary): string {
  const { counts } = summary;
  const inScope = counts.ready + counts.notReady;
  if (isWithoutPremium(summary.gaps)) {
    return `Without Entra ID P1 I cannot see who signs in to Azure: ${users(counts.buckets.likely)} likely affected (they hold a directory role), ${count(counts.buckets.unknown)} unknown.`;
  }
  if (inScope === 0) {
    return "No one signed in to Azure in the look-back window.";
  }
  return counts.notReady === 0
    ? `All ${users(inScope)} who sign in to Azure are ready.`
    : `${count(counts.notReady)} of the ${users(inScope)} who sign in to Azure ${counts.notReady === 1 ? "is" : "are"} not ready yet.`;
}

/** The report card's data for a completed scan. */
export function buildReportView(
  scan: ScanRecord,
  options: { now: Date; subscribed: boolean; headline?: string },
): ReportCardData {
  const summary = scan.summary!;
  const { counts } = summary;
  const finishedAt = new Date(scan.finishedAt ?? scan.startedAt);
  const age = options.now.getTime() - finishedAt.getTime();
  const total = Math.max(1, counts.users);
  return {
    scanId: scan.id,
    headline: options.headline ?? "MFA readiness report",
    tone: tone(summary),
    summary: headlineSummary(summary),
    scannedLine: `Scanned ${readableTime(finishedAt)}${age >= 60_000 ? ` (${duration(age)} ago)` : ""} · ${users(counts.users)} · sign-ins of the last ${summary.lookbackDays} days${summary.summaryByDay ? SUMMARY_BY_DAY : ""}`,
    counts: [
      {
        title: "Phase 1 (portals)",
        value: `${count(counts.phase1.affected)} affected, ${count(counts.phase1.likely)} likely`,
      },
      {
        title: "Phase 2 (CLI, PowerShell, APIs)",
        value: `${count(counts.phase2.affected)} affected, ${count(counts.phase2.likely)} likely`,
      },
      { title: "Ready", value: count(counts.ready) },
      { title: "Not ready", value: count(counts.notReady) },
      { title: "Likely affected", value: count(counts.buckets.likely) },
      { title: "Unknown", value: count(counts.buckets.unknown) },
    ],
    chartTitle: "Readiness of all users",
    chart: BUCKETS.map((bucket) => ({ ...BUCKET_TEXTS[bucket], value: counts.buckets[bucket] })),
    chartRows: BUCKETS.map((bucket) => ({
      legend: BUCKET_TEXTS[bucket].legend,
      value: count(counts.buckets[bucket]),
      share: `${Math.round((counts.buckets[bucket] / total) * 100)}%`,
    })),
    diffLine: diffLine(summary.diff),
    findings: summary.findings
      .filter((finding) => finding.count > 0)
      .map((finding) => ({
        key: finding.key,
        ...FINDING_TEXTS[finding.key],
        countText: users(finding.count),
        people: finding.first.map((person) => ({ text: personLine(person) })),
        more: finding.count > finding.first.length,
        showAll: `Show all ${count(finding.count)}`,
      })),
    noFindings: summary.findings.every((finding) => finding.count === 0),
    gaps: gapLines(summary.gaps, counts.users).map((text) => ({ text })),
    csvTitle: `Download the CSV (${Math.max(1, Math.round(scan.csvBytes / 1024))} KB)`,
    subscribed: options.subscribed,
  };
}
