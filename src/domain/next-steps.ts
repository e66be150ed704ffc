import { canStillPostpone } from "./timeline";
import type { PhaseVerdict, VerdictCode } from "./verdict";

export interface NextStepInput {
  phase1: PhaseVerdict;
  phase2: PhaseVerdict;
  mfaReady: boolean;
  breakGlass: boolean;
  serviceAccountSuspect: boolean;
  /** At least one counted strong-independent method. */
  hasStrong: boolean;
  isGuest: boolean;
  /** The Fido2 / X509Certificate configuration is enabled for this user. */
  fido2Enabled: boolean;
  certificateEnabled: boolean;
  now: Date;
}

const hits = (phase: PhaseVerdict) => phase === "affected" || phase === "likely";

/** DOMAIN.md rules 7 (required actions) and 8 (suggestions), in the order given there. */
export function nextSteps(input: NextStepInput): { actions: VerdictCode[]; suggestions: VerdictCode[] } {
  if (input.serviceAccountSuspect) {
    return { actions: ["MOVE_TO_WORKLOAD_IDENTITY"], suggestions: [] };
  }
  const inScope = hits(input.phase1) || hits(input.phase2);
  const actions: VerdictCode[] = [];
  if (input.breakGlass && !input.mfaReady) {
    actions.push("ADD_STRONG_INDEPENDENT_METHOD");
  } else if (inScope && !input.mfaReady) {
    actions.push(
      input.fido2Enabled
        ? "REGISTER_PASSKEY"
        : input.certificateEnabled
          ? "BIND_CERTIFICATE"
          : "REGISTER_MFA_METHOD",
    );
  }

  const suggestions: VerdictCode[] = [];
  const strongWanted = actions.length === 0 && inScope && !input.hasStrong && input.fido2Enabled;
  if (strongWanted) {
    suggestions.push("REGISTER_PASSKEY");
    if (!input.isGuest) {
      suggestions.push("REGISTER_WHFB");
    }
  }
  if (input.phase2 === "affected") {
    suggestions.push("UPDATE_CLIENT_TOOLS");
  }
  if (inScope && !input.mfaReady && canStillPostpone(input.now)) {
    suggestions.push("REQUEST_POSTPONEMENT");
  }
  return { actions, suggestions };
}
