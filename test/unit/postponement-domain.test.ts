import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  allowedDates,
  allPhasePostponements,
  isAllowedDate,
  phasePostponement,
  REMINDER_DAYS_BEFORE,
  reminderTime,
  SUPPORT_LIFT_MAX_DAYS,
} from "../../src/domain/postponement";
import { canStillPostpone, ENFORCEMENT_PHASES } from "../../src/domain/timeline";

const at = (iso: string) => new Date(iso);

describe("postponement rules, pinned on the deadlines (timeline: phase 1 until 2025-09-30, phase 2 until 2026-07-01)", () => {
  const cases: Array<[string, string, boolean, boolean]> = [
    // [moment, what it is, phase 1 open, phase 2 open]
    ["2025-09-29T23:59:59Z", "the last second before phase 1's last date", true, true],
    ["2025-09-30T00:00:00Z", "phase 1's last date itself", false, true],
    ["2025-10-01T12:00:00Z", "the day after phase 1's last date", false, true],
    ["2026-06-30T23:59:59Z", "the last second before phase 2's last date", false, true],
    ["2026-07-01T00:00:00Z", "phase 2's last date itself", false, false],
    ["2026-07-02T09:00:00Z", "the day after phase 2's last date", false, false],
    ["2026-11-28T10:00:00Z", "today in the demo", false, false],
  ];
  for (const [moment, what, phase1, phase2] of cases) {
    it(`${moment} (${what}): phase 1 ${phase1 ? "open" : "closed"}, phase 2 ${phase2 ? "open" : "closed"}`, () => {
      assert.equal(phasePostponement("1", at(moment)).open, phase1);
      assert.equal(phasePostponement("2", at(moment)).open, phase2);
      // The same rule as the status card's suggestion, so the two never disagree.
      assert.equal(canStillPostpone(at(moment)), phase1 || phase2);
    });
  }

  it("counts the days left while open and the days since the window closed", () => {
    assert.equal(phasePostponement("2", at("2026-06-20T10:00:00Z")).days, 11);
    assert.equal(phasePostponement("2", at("2026-06-30T10:00:00Z")).days, 1);
    assert.equal(phasePostponement("2", at("2026-07-01T10:00:00Z")).days, 0);
    assert.equal(phasePostponement("2", at("2026-11-28T10:00:00Z")).days, 150);
  });

  it("reads every date from the timeline, with its portal link", () => {
    const [one, two] = allPhasePostponements(at("2026-11-28T00:00:00Z"));
    assert.equal(one?.enforcedFrom, ENFORCEMENT_PHASES[0]?.enforcedFrom);
    assert.equal(one?.postponementUrl, "https://aka.ms/managemfaforazure");
    assert.equal(two?.lastSelfServiceDate, "2026-07-01");
    assert.equal(two?.postponementUrl, "https://aka.ms/postponePhase2MFA");
  });
});

describe("allowed dates", () => {
  it("while open: from tomorrow up to the last self-service date, both ends included", () => {
    const now = at("2026-06-20T15:00:00Z");
    assert.deepEqual(allowedDates("2", now), {
      earliest: "2026-06-21",
      latest: "2026-07-01",
      route: "selfService",
    });
    assert.equal(isAllowedDate("2", "2026-06-21", now), true);
    assert.equal(isAllowedDate("2", "2026-07-01", now), true);
    assert.equal(isAllowedDate("2", "2026-07-02", now), false);
    assert.equal(isAllowedDate("2", "2026-06-20", now), false, "today is not a postponement");
  });

  it("once closed: a Microsoft Support lift of at most the product's maximum", () => {
    const now = at("2026-11-28T10:00:00Z");
    assert.deepEqual(allowedDates("2", now), {
      earliest: "2026-11-29",
      latest: "2027-02-26",
      route: "support",
    });
    assert.equal(SUPPORT_LIFT_MAX_DAYS, 90);
    assert.equal(isAllowedDate("1", "2027-02-26", now), true);
    assert.equal(isAllowedDate("1", "2027-02-27", now), false);
  });

  it("refuses what is not a real calendar day", () => {
    const now = at("2026-06-01T00:00:00Z");
    for (const day of ["2026-06-31", "2026-6-10", "10/06/2026", "", "2026-06-10T00:00:00Z", "${wanted}"]) {
      assert.equal(isAllowedDate("2", day, now), false, day);
    }
  });
});

describe("reminder time", () => {
  it(`is ${REMINDER_DAYS_BEFORE} days before the postponed date, at 08:00 UTC`, () => {
    assert.equal(
      reminderTime("2026-07-01", at("2026-05-01T00:00:00Z")).toISOString(),
      "2026-06-17T08:00:00.000Z",
    );
  });
  it("is now when that moment has passed", () => {
    const now = at("2026-06-25T10:00:00Z");
    assert.equal(reminderTime("2026-07-01", now).toISOString(), now.toISOString());
  });
});
