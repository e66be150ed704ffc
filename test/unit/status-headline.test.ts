import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { PhaseVerdict } from "../../src/domain/verdict";
import { headlineFor } from "../../src/features/status/headline";

interface Case {
  phase1: PhaseVerdict;
  phase2: PhaseVerdict;
  mfaReady: boolean;
  breakGlass?: boolean;
  serviceAccountSuspect?: boolean;
  actions?: Array<"REGISTER_PASSKEY" | "ADD_STRONG_INDEPENDENT_METHOD" | "MOVE_TO_WORKLOAD_IDENTITY">;
  headline: string;
  tone: "good" | "attention" | "warning";
}

const cases: Case[] = [
  {
    phase1: "no",
    phase2: "affected",
    mfaReady: false,
    actions: ["REGISTER_PASSKEY"],
    headline: "You are affected by phase 2 and not ready yet",
    tone: "attention",
  },
  {
    phase1: "affected",
    phase2: "no",
    mfaReady: true,
    headline: "You are affected by phase 1 and ready",
    tone: "good",
  },
  {
    phase1: "affected",
    phase2: "affected",
    mfaReady: false,
    actions: ["REGISTER_PASSKEY"],
    headline: "You are affected by phases 1 and 2 and not ready yet",
    tone: "attention",
  },
  {
    phase1: "affected",
    phase2: "affected",
    mfaReady: true,
    headline: "You are affected by phases 1 and 2 and ready",
    tone: "good",
  },
  {
    phase1: "likely",
    phase2: "likely",
    mfaReady: false,
    actions: ["REGISTER_PASSKEY"],
    headline: "You are probably affected by phases 1 and 2 and not ready yet",
    tone: "attention",
  },
  {
    phase1: "likely",
    phase2: "likely",
    mfaReady: true,
    headline: "You are probably affected by phases 1 and 2 and ready",
    tone: "good",
  },
  {
    phase1: "unknown",
    phase2: "unknown",
    mfaReady: false,
    headline: "We could not tell whether you are affected, and you are not ready yet",
    tone: "warning",
  },
  {
    phase1: "unknown",
    phase2: "unknown",
    mfaReady: true,
    headline: "We could not tell whether you are affected, but you are ready",
    tone: "good",
  },
  {
    phase1: "no",
    phase2: "no",
    mfaReady: true,
    headline: "You are not affected, and you are ready anyway",
    tone: "good",
  },
  { phase1: "no", phase2: "no", mfaReady: false, headline: "You are not affected right now", tone: "good" },
  {
    phase1: "no",
    phase2: "no",
    mfaReady: false,
    breakGlass: true,
    actions: ["ADD_STRONG_INDEPENDENT_METHOD"],
    headline: "This emergency access account is not ready yet",
    tone: "attention",
  },
  {
    phase1: "affected",
    phase2: "no",
    mfaReady: true,
    breakGlass: true,
    headline: "This emergency access account is ready",
    tone: "good",
  },
  {
    phase1: "no",
    phase2: "affected",
    mfaReady: false,
    serviceAccountSuspect: true,
    actions: ["MOVE_TO_WORKLOAD_IDENTITY"],
    headline: "This looks like a service account and affected by phase 2",
    tone: "attention",
  },
  {
    phase1: "no",
    phase2: "no",
    mfaReady: false,
    serviceAccountSuspect: true,
    actions: ["MOVE_TO_WORKLOAD_IDENTITY"],
    headline: "This looks like a service account",
    tone: "attention",
  },
];

describe("status headline", () => {
  for (const c of cases) {
    const label = `${c.phase1}/${c.phase2}, ${c.mfaReady ? "ready" : "not ready"}${c.breakGlass ? ", break-glass" : ""}${c.serviceAccountSuspect ? ", service account" : ""}`;
    it(`says "${c.headline}" for ${label}`, () => {
      const result = headlineFor(
        {
          phase1: c.phase1,
          phase2: c.phase2,
          mfaReady: c.mfaReady,
          breakGlass: c.breakGlass ?? false,
          serviceAccountSuspect: c.serviceAccountSuspect ?? false,
          actions: c.actions ?? [],
        },
        30,
      );
      assert.equal(result.headline, c.headline);
      assert.equal(result.tone, c.tone);
      assert.ok(result.summary.length > 20, "a summary sentence follows the headline");
    });
  }

  it("names the look-back window when nothing was found", () => {
    const result = headlineFor(
      {
        phase1: "no",
        phase2: "no",
        mfaReady: false,
        breakGlass: false,
        serviceAccountSuspect: false,
        actions: [],
      },
      14,
    );
    assert.match(result.summary, /last 14 days/);
  });
});
