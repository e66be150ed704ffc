import type { Verdict } from "../domain/verdict";

/** A readable, aligned summary for a terminal, with a totals line. */
const COLUMNS: Array<[string, (verdict: Verdict) => string]> = [
  ["USER", (v) => v.userPrincipalName],
  ["PHASE 1", (v) => v.phase1],
  ["PHASE 2", (v) => v.phase2],
  ["READY", (v) => (v.mfaReady ? "yes" : "no")],
  [
    "FLAGS",
    (v) =>
      [v.breakGlass ? "break-glass" : "", v.serviceAccountSuspect ? "service?" : "", v.isAdmin ? "admin" : ""]
        .filter(Boolean)
        .join(","),
  ],
  ["ACTIONS", (v) => v.actions.join(",")],
  ["SUGGESTIONS", (v) => v.suggestions.join(",")],
];

const hits = (phase: Verdict["phase1"]) => phase === "affected" || phase === "likely";

export function totalsLine(verdicts: readonly Verdict[]): string {
  const count = (test: (v: Verdict) => boolean) => verdicts.filter(test).length;
  return [
    `${verdicts.length} users`,
    `phase 1 affected ${count((v) => v.phase1 === "affected")} (likely ${count((v) => v.phase1 === "likely")})`,
    `phase 2 affected ${count((v) => v.phase2 === "affected")} (likely ${count((v) => v.phase2 === "likely")})`,
    `not ready and in scope ${count((v) => !v.mfaReady && (hits(v.phase1) || hits(v.phase2)))}`,
    `with a required action ${count((v) => v.actions.length > 0)}`,
    `break-glass ${count((v) => v.breakGlass)}`,
    `service account suspects ${count((v) => v.serviceAccountSuspect)}`,
  ].join(", ");
}

export function toTable(verdicts: readonly Verdict[]): string {
  const rows = [
    COLUMNS.map(([title]) => title),
    ...verdicts.map((verdict) => COLUMNS.map(([, cell]) => cell(verdict) || "-")),
  ];
  const widths = COLUMNS.map((_, index) => Math.max(...rows.map((row) => row[index]!.length)));
  const lines = rows.map((row) =>
    row
      .map((cell, index) => cell.padEnd(widths[index]!))
      .join("  ")
      .trimEnd(),
  );
  return `${lines.join("\n")}\n\n${totalsLine(verdicts)}\n`;
}
