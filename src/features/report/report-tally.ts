import type { DataGap } from "../../domain/facts";
import {
  FINDING_KEYS,
  type FindingKey,
  type FindingSummary,
  type GapCount,
  type ReadinessCounts,
} from "../../domain/report-types";
import type { PhaseVerdict, Verdict } from "../../domain/verdict";
import { bucketOf, findingOf, findingPerson, inScope } from "./findings";

/** How many names each finding shows before "show all". */
export const FIRST_NAMES = 5;

const phases = (): Record<PhaseVerdict, number> => ({ affected: 0, likely: 0, unknown: 0, no: 0 });

/** What one verdict adds to the report, and the columns stored beside it. */
export interface Tallied {
  affected: boolean;
  ready: boolean;
  findings: FindingKey[];
}

/** Counts, findings (their first names) and data gaps, one verdict at a time: nothing per user is kept. */
export class ReportTally {
  private readonly counts: ReadinessCounts = {
    users: 0,
    phase1: phases(),
    phase2: phases(),
    buckets: { affectedReady: 0, affectedNotReady: 0, likely: 0, unknown: 0, notAffected: 0 },
    ready: 0,
    notReady: 0,
  };
  private readonly findings = new Map<FindingKey, FindingSummary>(
    FINDING_KEYS.map((key) => [key, { key, count: 0, first: [] }]),
  );
  private readonly gaps = new Map<string, GapCount>();

  add(verdict: Verdict): Tallied {
    const { counts } = this;
    counts.users += 1;
    counts.phase1[verdict.phase1] += 1;
    counts.phase2[verdict.phase2] += 1;
    counts.buckets[bucketOf(verdict)] += 1;
    const affected = inScope(verdict);
    if (affected) {
      counts[verdict.mfaReady ? "ready" : "notReady"] += 1;
    }
    const key = findingOf(verdict);
    if (key !== undefined) {
      const finding = this.findings.get(key)!;
      finding.count += 1;
      if (finding.first.length < FIRST_NAMES) {
        finding.first.push(findingPerson(key, verdict));
      }
    }
    for (const gap of verdict.dataGaps) {
      this.addGap(gap);
    }
    return { affected, ready: verdict.mfaReady, findings: key === undefined ? [] : [key] };
  }

  private addGap(gap: DataGap): void {
    const id = `${gap.data}\u0000${gap.reason}`;
    const known = this.gaps.get(id);
    if (known === undefined) {
      this.gaps.set(id, { gap, users: 1 });
    } else {
      known.users += 1;
    }
  }

  result(): { counts: ReadinessCounts; findings: FindingSummary[]; gaps: GapCount[] } {
    return {
      counts: this.counts,
      findings: FINDING_KEYS.map((key) => this.findings.get(key)!),
      gaps: [...this.gaps.values()],
    };
  }
}
