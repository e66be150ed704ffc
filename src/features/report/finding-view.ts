import type { FindingKey } from "../../domain/report-types";
import { FINDING_KEYS } from "../../domain/report-types";
import type { Verdict } from "../../domain/verdict";
import { findingOf, findingPerson } from "./findings";
import type { ReportTexts } from "./report-texts";
import { personLine } from "./report-view";

/** A card holds about 28 KB: past this many names the CSV is the place for the rest. */
export const SHOW_ALL_LIMIT = 100;

export interface FindingCardData {
  scanId: string;
  title: string;
  why: string;
  countLine: string;
  people: Array<{ text: string }>;
  moreLine: string;
}

export function isFindingKey(value: unknown): value is FindingKey {
  return typeof value === "string" && (FINDING_KEYS as readonly string[]).includes(value);
}

/** Everyone in one finding ("show all"), up to SHOW_ALL_LIMIT names, streamed from the stored verdicts. */
export async function buildFindingView(
  scanId: string,
  key: FindingKey,
  verdicts: AsyncIterable<Verdict>,
  texts: ReportTexts,
): Promise<FindingCardData> {
  const people: Array<{ text: string }> = [];
  let total = 0;
  for await (const verdict of verdicts) {
    if (findingOf(verdict) !== key) {
      continue;
    }
    total += 1;
    if (people.length < SHOW_ALL_LIMIT) {
      people.push({ text: personLine(findingPerson(key, verdict), texts) });
    }
  }
  return {
    scanId,
    ...texts.finding(key),
    countLine: texts.users(total),
    people,
    moreLine:
      total > people.length ? texts.t("report.finding.more", { n: texts.count(total - people.length) }) : "",
  };
}
