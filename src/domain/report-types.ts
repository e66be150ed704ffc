import type { DataGap } from "./facts";
import type { RoleName } from "./roles";
import type { MethodEntry, PhaseVerdict, Verdict } from "./verdict";

/** The findings of a report, in the order an admin should act on them. */
export const FINDING_KEYS = [
  "breakGlassNotReady",
  "adminsNotReady",
  "serviceAccounts",
  "affectedNotReady",
  "mfaServiceOnly",
] as const;
export type FindingKey = (typeof FINDING_KEYS)[number];

export interface FindingPerson {
  name: string;
  upn: string;
  /** Data that explains why they are listed: the apps a suspected service account signs in to (product names). */
  detail?: string;
  /** The roles an admin holds: named in the reader's language when the report is shown (summaries are stored). */
  roles?: RoleName[];
  /** The methods that all depend on Microsoft's MFA service: named in the reader's language when shown. */
  methods?: MethodEntry[];
  /** Where there is no such data, what the report says instead (in the reader's language). */
  note?: FindingNote;
}

export type FindingNote = "noStrongMethod" | "listedServiceAccount" | "likelyRoleHolder" | "directoryRole";

export interface FindingSummary {
  key: FindingKey;
  count: number;
  /** The first few people, in scan order; "show all" reads the rest from the stored verdicts. */
  first: FindingPerson[];
}

/** Where each user stands for the chart: one bucket per user. */
export type ReadinessBucket = "affectedReady" | "affectedNotReady" | "likely" | "unknown" | "notAffected";

export interface ReadinessCounts {
  users: number;
  phase1: Record<PhaseVerdict, number>;
  phase2: Record<PhaseVerdict, number>;
  buckets: Record<ReadinessBucket, number>;
  /** Among users affected or likely affected by either phase. */
  ready: number;
  notReady: number;
}

/** A data gap and how many users it touched. */
export interface GapCount {
  gap: DataGap;
  users: number;
}

export interface ScanDiff {
  previousScanId: string;
  previousAt: string;
  becameReady: number;
  noLongerReady: number;
  newlyAffected: number;
  noLongerAffected: number;
  newUsers: number;
  removedUsers: number;
}

export interface ScanSummary {
  counts: ReadinessCounts;
  findings: FindingSummary[];
  gaps: GapCount[];
  windowStart: string;
  windowEnd: string;
  lookbackDays: number;
  /** Non-interactive sign-ins were counted by whole UTC day (beta's summary): up to a day more at the start. */
  summaryByDay?: boolean;
  /**
   * How many people were assessed with methods the product read live or verified itself, newer than
   * Microsoft's registration report (which may lag up to 36 hours). Absent when none.
   */
  leanedOnLive?: number;
  /** No registration report (no P1): every user's typed methods were read one by one instead. */
  methodsReadPerUser?: boolean;
  diff?: ScanDiff;
}

export type ScanStatus = "running" | "completed" | "canceled" | "failed";

export interface ScanRecord {
  id: string;
  tenantId: string;
  status: ScanStatus;
  requestedBy: string;
  startedAt: string;
  finishedAt?: string;
  windowEnd: string;
  users: number;
  /** Size of the CSV of this scan, header included, in UTF-8 bytes (the file consent card shows it). */
  csvBytes: number;
  summary?: ScanSummary;
  error?: string;
}

export type ScanStage = "starting" | "tenant" | "signIns" | "users" | "methods" | "finishing";

export interface ScanProgress {
  stage: ScanStage;
  usersRead: number;
  /** From GET /users/$count, when the directory can say. */
  usersTotal?: number;
  signInsRead: number;
  startedAt: Date;
  /** When users started to stream: the rate since then gives the time left. */
  usersStartedAt?: Date;
  /** Without Entra ID P1: how many users' typed methods were read one by one so far. */
  methodsRead?: number;
  /** When the first of those reads started: their rate gives how long reading everyone's takes. */
  methodsStartedAt?: Date;
}

/** What changed per user between two scans. */
export type ScanChanges = Omit<ScanDiff, "previousScanId" | "previousAt">;

/** One user's verdict in a scan, with the columns the report queries on. */
export interface VerdictRow {
  seq: number;
  verdict: Verdict;
  /** A phase is affected or likely. */
  affected: boolean;
  ready: boolean;
  findings: readonly string[];
}
