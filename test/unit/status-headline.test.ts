import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { canStillPostpone, isFullyEnforced } from "../../src/domain/timeline";
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

const DECEMBER_2026 = new Date("2026-12-02T09:00:00Z");

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
        DECEMBER_2026,
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
      DECEMBER_2026,
    );
    assert.match(result.summary, /last 14 days/);
  });
});

describe("status headline: every sentence true on the day it is shown", () => {
  const affected = (phase1: PhaseVerdict, phase2: PhaseVerdict, mfaReady = true) => ({
    phase1,
    phase2,
    mfaReady,
    breakGlass: false,
    serviceAccountSuspect: false,
    actions: [],
  });
  const summaryOn = (day: string, input: ReturnType<typeof affected>) =>
    headlineFor(input, 30, new Date(day)).summary;

  it("phase 2 (ARM, enforced 2025-10-01): 'will require' the day before, 'require' from that day on", () => {
    assert.match(
      summaryOn("2025-09-30T23:59:59Z", affected("no", "affected")),
      /tools that will require MFA/,
    );
    assert.match(summaryOn("2025-10-01T00:00:00Z", affected("no", "affected")), /tools that require MFA/);
    assert.match(
      summaryOn("2026-12-02T09:00:00Z", affected("no", "affected", false)),
      /^You use tools that require MFA/,
    );
  });

  it("phase 1 (portal, from Oct 2024): 'require' once enforced, and for both phases only when both are", () => {
    assert.match(summaryOn("2024-09-30T12:00:00Z", affected("affected", "no")), /will require/);
    assert.match(summaryOn("2025-02-10T12:00:00Z", affected("affected", "no")), /tools that require MFA/);
    assert.match(summaryOn("2025-02-10T12:00:00Z", affected("affected", "affected")), /will require/);
    assert.match(
      summaryOn("2026-12-02T09:00:00Z", affected("affected", "affected")),
      /tools that require MFA/,
    );
  });

  it("a suspected service account: scripts 'will be blocked' before phase 2, 'are blocked' after", () => {
    const robot = { ...affected("no", "affected"), serviceAccountSuspect: true };
    assert.match(headlineFor(robot, 30, new Date("2025-09-01T00:00:00Z")).summary, /will be blocked/);
    assert.match(headlineFor(robot, 30, new Date("2026-12-02T00:00:00Z")).summary, /are blocked/);
  });

  it("the M365 admin center is fully enforced from 2026-02-09 (MC1215070); no self-service postponement after 2026-07-01", () => {
    assert.equal(isFullyEnforced("1b", new Date("2026-02-08T23:59:59Z")), false);
    assert.equal(isFullyEnforced("1b", new Date("2026-02-09T00:00:00Z")), true);
    assert.equal(canStillPostpone(new Date("2026-07-01T00:00:00Z")), false);
    assert.equal(canStillPostpone(new Date("2026-06-30T23:59:59Z")), true);
  });
});
