import type { TFunction } from "i18next";

import type { Verdict } from "../../domain/verdict";
import { translator } from "../../i18n/i18n";

/**
 * One recipient's own status, fixed when the job is prepared and kept in the ledger as a short code
 * ("v1|<phases>|<ready>|<bg>|<first action>"), so each recipient reads it in their own language at send
 * time: which phase concerns them, whether they are ready, and the first thing to do.
 */
export function personalCode(verdict: Verdict | undefined): string | undefined {
  if (verdict === undefined) {
    return undefined;
  }
  const phases = (["phase1", "phase2"] as const)
    .filter((phase) => verdict[phase] === "affected" || verdict[phase] === "likely")
    .map((phase) => (phase === "phase1" ? "p1" : "p2"));
  return [
    "v1",
    phases.join(","),
    verdict.mfaReady ? "ready" : "notReady",
    verdict.breakGlass ? "bg" : "",
    verdict.actions[0] ?? "",
  ].join("|");
}

/** The code as sentences in `t`'s language; a line stored before codes were (plain text) as it was. */
export function personalText(stored: string | undefined, t: TFunction): string | undefined {
  if (stored === undefined || !stored.startsWith("v1|")) {
    return stored;
  }
  const [, phases = "", ready = "", bg = "", first = ""] = stored.split("|");
  const uses =
    phases === "p1,p2"
      ? "usesBoth"
      : phases === "p1"
        ? "usesPhase1"
        : phases === "p2"
          ? "usesPhase2"
          : "noneUses";
  const state = `${ready === "ready" ? "ready" : "notReady"}${bg === "bg" ? "BreakGlass" : ""}`;
  const step = first ? ` ${t("broadcast.personal.firstStep", { step: actionTitle(first, t) })}` : "";
  return `${t(`broadcast.personal.${uses}`)} ${t(`broadcast.personal.${state}`)}${step}`;
}

/** A required action's name in a sentence ("Add a passkey"); an unknown code, the generic step. */
export function actionTitle(code: string, t: TFunction): string {
  return t(`broadcast.actions.${code}`, { defaultValue: t("broadcast.actions.other") });
}

/** The personal line at once (the preview, the command line's dry run), English unless told. */
export function personalLine(
  verdict: Verdict | undefined,
  t: TFunction = translator("en"),
): string | undefined {
  return personalText(personalCode(verdict), t);
}
