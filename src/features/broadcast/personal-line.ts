import type { Verdict } from "../../domain/verdict";
import { GUIDANCE } from "../status/guidance";

const PHASE_TEXT = {
  phase1: "the Azure portal and admin centres",
  phase2: "Azure CLI, Azure PowerShell or the Azure APIs",
} as const;

/**
 * One recipient's own status in a sentence, from their verdict: which phase concerns them, whether
 * they are ready, and the first thing to do. Fixed when the job is prepared (the ledger keeps it).
 */
export function personalLine(verdict: Verdict | undefined): string | undefined {
  if (verdict === undefined) {
    return undefined;
  }
  const phases = (["phase1", "phase2"] as const).filter(
    (phase) => verdict[phase] === "affected" || verdict[phase] === "likely",
  );
  const uses =
    phases.length === 0
      ? "We found no sign-in of yours that Microsoft's Azure MFA enforcement covers."
      : `You sign in to ${phases.map((phase) => PHASE_TEXT[phase]).join(" and to ")}, so Microsoft requires MFA for you.`;
  const ready = verdict.mfaReady
    ? verdict.breakGlass
      ? "This break-glass account has a phishing-resistant method: it is ready."
      : "You have an MFA method that counts: you are ready."
    : verdict.breakGlass
      ? "This break-glass account has no phishing-resistant method yet: it is not ready."
      : "You have no MFA method that counts yet: you are not ready.";
  const first = verdict.actions[0];
  const step =
    first && first in GUIDANCE
      ? ` First step: ${GUIDANCE[first as keyof typeof GUIDANCE].title.toLowerCase()}.`
      : "";
  return `${uses} ${ready}${step}`;
}
