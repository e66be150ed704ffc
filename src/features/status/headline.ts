import { isFullyEnforced } from "../../domain/timeline";
import type { PhaseVerdict, Verdict } from "../../domain/verdict";

/** Card colour: green when nothing is required, red when something is, amber when we cannot tell. */
export type Tone = "good" | "attention" | "warning";

export interface Headline {
  headline: string;
  summary: string;
  tone: Tone;
}

type HeadlineInput = Pick<
  Verdict,
  "phase1" | "phase2" | "mfaReady" | "breakGlass" | "serviceAccountSuspect" | "actions"
>;

/** "phase 2", "phases 1 and 2" */
function phaseWords(phases: string[]): string {
  return phases.length === 1 ? `phase ${phases[0]}` : `phases ${phases.join(" and ")}`;
}

function phasesWith(input: HeadlineInput, verdict: PhaseVerdict): string[] {
  return [input.phase1 === verdict ? "1" : "", input.phase2 === verdict ? "2" : ""].filter(
    (phase) => phase !== "",
  );
}

function toneOf(input: HeadlineInput): Tone {
  if (input.actions.length > 0) {
    return "attention";
  }
  if (!input.mfaReady && (input.phase1 === "unknown" || input.phase2 === "unknown")) {
    return "warning";
  }
  return "good";
}

/** The plain-language top of the status card, for every combination of verdicts (see headline tests). */
export function headlineFor(input: HeadlineInput, lookbackDays: number, now: Date): Headline {
  const tone = toneOf(input);
  const affected = phasesWith(input, "affected");
  // Every sentence true on the day it is shown: "require" once the phases are enforced, "will" before.
  const enforced = (phases: string[]) =>
    phases.length > 0 && phases.every((phase) => isFullyEnforced(phase === "1" ? "1" : "2", now));
  const requires = enforced(affected) ? "require" : "will require";
  const blocked = enforced(affected.length > 0 ? affected : ["1", "2"]) ? "are blocked" : "will be blocked";
  const likely = phasesWith(input, "likely");
  const unknown = phasesWith(input, "unknown");
  const ready = input.mfaReady;

  if (input.serviceAccountSuspect) {
    const scope = affected.length > 0 ? ` and affected by ${phaseWords(affected)}` : "";
    return {
      headline: `This looks like a service account${scope}`,
      summary: `Scripts that sign in as a user ${blocked} by mandatory MFA. Move them to a workload identity.`,
      tone,
    };
  }
  if (input.breakGlass) {
    return ready
      ? {
          headline: "This emergency access account is ready",
          summary:
            "It has a phishing-resistant method that works even when the Microsoft MFA service is down.",
          tone,
        }
      : {
          headline: "This emergency access account is not ready yet",
          summary:
            "It needs a FIDO2 security key or a certificate: a phone or an app is not enough for an account that must work when the MFA service is down.",
          tone,
        };
  }
  if (affected.length > 0) {
    return ready
      ? {
          headline: `You are affected by ${phaseWords(affected)} and ready`,
          summary: `You use tools that ${requires} MFA, and you already have a method that counts.`,
          tone,
        }
      : {
          headline: `You are affected by ${phaseWords(affected)} and not ready yet`,
          summary: `You use tools that ${requires} MFA, and you have no method that counts yet.`,
          tone,
        };
  }
  if (likely.length > 0) {
    const why = "Your sign-in history could not be read, and you hold an admin role.";
    return ready
      ? {
          headline: `You are probably affected by ${phaseWords(likely)} and ready`,
          summary: `${why} You already have a method that counts as MFA.`,
          tone,
        }
      : {
          headline: `You are probably affected by ${phaseWords(likely)} and not ready yet`,
          summary: `${why} You have no method that counts as MFA yet.`,
          tone,
        };
  }
  if (unknown.length > 0) {
    const why = "Your sign-in history could not be read.";
    return ready
      ? {
          headline: "We could not tell whether you are affected, but you are ready",
          summary: `${why} You already have a method that counts as MFA.`,
          tone,
        }
      : {
          headline: "We could not tell whether you are affected, and you are not ready yet",
          summary: `${why} If you use the Azure portal or Azure tools, you need a method that counts as MFA.`,
          tone,
        };
  }
  const quiet = `You have not signed in to the Azure portal, the admin centers or the Azure tools in the last ${lookbackDays} days.`;
  return ready
    ? {
        headline: "You are not affected, and you are ready anyway",
        summary: `${quiet} You already have a method that counts as MFA.`,
        tone,
      }
    : {
        headline: "You are not affected right now",
        summary: `${quiet} If you start using them, you need a method that counts as MFA.`,
        tone,
      };
}
