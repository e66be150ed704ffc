import type { TFunction } from "i18next";

import { ENGLISH, type Locale } from "../../domain/language";
import { isFullyEnforced } from "../../domain/timeline";
import type { PhaseVerdict, Verdict } from "../../domain/verdict";
import { textsFor } from "../../i18n/i18n";

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

/** "phase 2", "phases 1 and 2" in the reader's language. */
function phaseWords(t: TFunction, phases: string[]): string {
  return phases.length === 1 ? t(`status.phaseWords.${phases[0]}`) : t("status.phaseWords.both");
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
export function headlineFor(
  input: HeadlineInput,
  lookbackDays: number,
  now: Date,
  locale: Pick<Locale, "language"> = ENGLISH,
): Headline {
  const t = textsFor(locale);
  const tone = toneOf(input);
  const affected = phasesWith(input, "affected");
  // Every sentence true on the day it is shown: "require" once the phases are enforced, "will" before.
  const enforced = (phases: string[]) =>
    phases.length > 0 && phases.every((phase) => isFullyEnforced(phase === "1" ? "1" : "2", now));
  const tense = enforced(affected) ? "Enforced" : "Future";
  const blocked = enforced(affected.length > 0 ? affected : ["1", "2"]) ? "Enforced" : "Future";
  const likely = phasesWith(input, "likely");
  const unknown = phasesWith(input, "unknown");
  const ready = input.mfaReady;
  // Two sentences as the language puts them side by side (a space, or none in Japanese).
  const sentences = (first: string, second: string) => t("status.sentences", { first, second });
  const phases = (list: string[]) => ({ phases: phaseWords(t, list), count: list.length });

  if (input.serviceAccountSuspect) {
    return {
      headline:
        affected.length > 0
          ? t("status.headline.serviceAccountAffected", phases(affected))
          : t("status.headline.serviceAccount"),
      summary: t(`status.headline.serviceAccountSummary${blocked}`),
      tone,
    };
  }
  if (input.breakGlass) {
    return ready
      ? {
          headline: t("status.headline.breakGlassReady"),
          summary: t("status.headline.breakGlassReadySummary"),
          tone,
        }
      : {
          headline: t("status.headline.breakGlassNotReady"),
          summary: t("status.headline.breakGlassNotReadySummary"),
          tone,
        };
  }
  if (affected.length > 0) {
    return ready
      ? {
          headline: t("status.headline.affectedReady", phases(affected)),
          summary: t(`status.headline.affectedReadySummary${tense}`),
          tone,
        }
      : {
          headline: t("status.headline.affectedNotReady", phases(affected)),
          summary: t(`status.headline.affectedNotReadySummary${tense}`),
          tone,
        };
  }
  if (likely.length > 0) {
    const why = t("status.headline.likelyWhy");
    return ready
      ? {
          headline: t("status.headline.likelyReady", phases(likely)),
          summary: sentences(why, t("status.headline.hasMethod")),
          tone,
        }
      : {
          headline: t("status.headline.likelyNotReady", phases(likely)),
          summary: sentences(why, t("status.headline.hasNoMethod")),
          tone,
        };
  }
  if (unknown.length > 0) {
    const why = t("status.headline.unknownWhy");
    return ready
      ? {
          headline: t("status.headline.unknownReady"),
          summary: sentences(why, t("status.headline.hasMethod")),
          tone,
        }
      : {
          headline: t("status.headline.unknownNotReady"),
          summary: sentences(why, t("status.headline.unknownNotReadyAdvice")),
          tone,
        };
  }
  const quiet = t("status.headline.quiet", { days: lookbackDays, count: lookbackDays });
  return ready
    ? {
        headline: t("status.headline.notAffectedReady"),
        summary: sentences(quiet, t("status.headline.hasMethod")),
        tone,
      }
    : {
        headline: t("status.headline.notAffected"),
        summary: sentences(quiet, t("status.headline.notAffectedAdvice")),
        tone,
      };
}
