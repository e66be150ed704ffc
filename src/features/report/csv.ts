import { stringify } from "csv-stringify/sync";
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

/** A cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

const methods = (entries: readonly MethodEntry[]) => entries.map((entry) => entry.type).join("; ");
const evidence = (entries: readonly EvidenceEntry[]) =>
  entries.map((entry) => `${entry.app} (last ${entry.lastSignIn}, ${entry.count})`).join("; ");

export function csvRow(verdict: Verdict): string[] {
  const row = [
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
  return row.map(neutralise);
}

export function csvHeader(): string {
  return stringify([[...CSV_COLUMNS]]);
}

/** Rows only (no header), so a large report can be written in chunks. */
export function csvRows(verdicts: Iterable<Verdict>): string {
  return stringify([...verdicts].map(csvRow));
}
