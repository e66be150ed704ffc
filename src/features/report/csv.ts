import { stringify } from "csv-stringify/sync";
import type { TFunction } from "i18next";

import type { EvidenceEntry, MethodEntry, Verdict } from "../../domain/verdict";

/** The admin's CSV: one row per user, the columns an admin filters on in a spreadsheet. */
export const CSV_COLUMNS = [
  "userPrincipalName",
  "displayName",
  "userType",
  "phase1",
  "phase2",
  "mfaReady",
  "breakGlass",
  "serviceAccountSuspect",
  "strongIndependentMethods",
  "mfaServiceMethods",
  "notMfaMethods",
  "unknownMethods",
  "actions",
  "suggestions",
  "phase1Evidence",
  "phase2Evidence",
  "dataGaps",
] as const;

/** Whether a spreadsheet would run the cell as a formula: it starts with = + - @, a tab or a CR. */
function formulaLike(cell: string): boolean {
  const first = cell.charCodeAt(0);
  return first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13;
}

/** A cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
export function neutralise(cell: string): string {
  return formulaLike(cell) ? `'${cell}` : cell;
}

const methods = (entries: readonly MethodEntry[]) => entries.map((entry) => entry.type).join("; ");
const evidence = (entries: readonly EvidenceEntry[]) =>
  entries.map((entry) => `${entry.app} (last ${entry.lastSignIn}, ${entry.count})`).join("; ");

export function csvRow(verdict: Verdict): string[] {
  return cellsOf(verdict).map(neutralise);
}

/** The row's cells before neutralise. */
function cellsOf(verdict: Verdict): string[] {
  return [
    verdict.userPrincipalName,
    verdict.displayName,
    verdict.userType,
    verdict.phase1,
    verdict.phase2,
    String(verdict.mfaReady),
    String(verdict.breakGlass),
    String(verdict.serviceAccountSuspect),
    methods(verdict.methods.strongIndependent),
    // External providers count as MFA; the column keeps the CSV's shape and says which they are.
    methods([
      ...verdict.methods.mfaService,
      ...verdict.methods.external.map((entry) => ({ ...entry, type: `${entry.type} (external)` })),
    ]),
    methods(verdict.methods.notMfa),
    methods(verdict.methods.unknown),
    verdict.actions.join("; "),
    verdict.suggestions.join("; "),
    evidence(verdict.evidence.phase1),
    evidence(verdict.evidence.phase2),
    verdict.dataGaps.map((gap) => `${gap.data}: ${gap.reason}`).join("; "),
  ];
}

/**
 * The header row: the stable column names above for scripts (`mfa-ready assess --format csv`), or, given a
 * reader's strings, their language's column titles (report.csv.<column>) for a person's spreadsheet.
 */
export function csvHeader(t?: TFunction): string {
  return stringify([CSV_COLUMNS.map((column) => (t ? t(`report.csv.${column}`) : column))]);
}

/** Rows only (no header), so a large report can be written in chunks. */
export function csvRows(verdicts: Iterable<Verdict>): string {
  return stringify([...verdicts].map(csvRow));
}

const QUOTED = /[",\r\n]/;
const QUOTES = /"/g;

/**
 * The UTF-8 size of `csvRows(verdicts)` without writing it: the scan adds up the CSV's size for every user
 * on the path that assesses them, and building each row's text only to measure it was a third of that
 * path's time. Same rules as csv-stringify's defaults (the test holds them equal): a cell with a comma,
 * a double quote, CR or LF is quoted and its quotes doubled; cells joined by commas, each row ends in LF.
 */
export function csvRowsBytes(verdicts: Iterable<Verdict>): number {
  let bytes = 0;
  for (const verdict of verdicts) {
    const cells = cellsOf(verdict);
    bytes += cells.length; // the commas between cells and the LF at the end
    for (const cell of cells) {
      // neutralise's apostrophe, without making the cell again
      bytes += Buffer.byteLength(cell) + (formulaLike(cell) ? 1 : 0);
      if (QUOTED.test(cell)) {
        bytes += 2 + (cell.match(QUOTES)?.length ?? 0);
      }
    }
  }
  return bytes;
}
