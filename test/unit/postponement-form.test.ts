import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { validateRequestForm } from "../../src/features/postponement/request-form";

const good = {
  phase: "2",
  wantedDate: "2026-06-30",
  justification:
    "Our deployment pipelines still sign in as a user; the move to managed identities lands in June.",
  affectedSystems: "Release pipeline (Azure CLI)",
};
const open = new Date("2026-06-01T09:00:00Z");
const closed = new Date("2026-11-28T09:00:00Z");

describe("the postponement request form", () => {
  it("accepts a complete request, trimmed", () => {
    const result = validateRequestForm({ ...good, justification: `  ${good.justification}\r\n` }, open);
    assert.deepEqual(result, { ok: true, request: good });
  });

  it("lists every problem of an empty form at once", () => {
    const result = validateRequestForm({}, open);
    assert.equal(result.ok, false);
    assert.deepEqual(Object.keys(result.ok ? {} : result.errors).sort(), [
      "affectedSystems",
      "justification",
      "phase",
      "wantedDate",
    ]);
  });

  it("wants 20 to 1,000 characters of justification", () => {
    const short = validateRequestForm({ ...good, justification: "x".repeat(19) }, open);
    assert.equal(short.ok ? "" : short.errors.justification, "Write at least 20 characters (now 19).");
    assert.equal(validateRequestForm({ ...good, justification: "x".repeat(20) }, open).ok, true);
    assert.equal(validateRequestForm({ ...good, justification: "x".repeat(1000) }, open).ok, true);
    const long = validateRequestForm({ ...good, justification: "x".repeat(1001) }, open);
    assert.equal(long.ok ? "" : long.errors.justification, "Keep it to 1,000 characters (now 1,001).");
  });

  it("does not echo a forged megabyte back into the card", () => {
    const result = validateRequestForm({ ...good, justification: "y".repeat(1_000_000) }, open);
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.values.justification.length <= 1100);
  });

  it("keeps the date within what is allowed for the phase today", () => {
    const late = validateRequestForm({ ...good, wantedDate: "2026-07-02" }, open);
    assert.match(late.ok ? "" : (late.errors.wantedDate ?? ""), /between 2 Jun 2026 and 1 Jul 2026/);
    const past = validateRequestForm({ ...good, wantedDate: "2026-05-01" }, open);
    assert.equal(past.ok, false);
    // Once closed: only a Support lift of up to 90 days.
    assert.equal(validateRequestForm({ ...good, wantedDate: "2027-01-31" }, closed).ok, true);
    const far = validateRequestForm({ ...good, wantedDate: "2027-06-01" }, closed);
    assert.match(far.ok ? "" : (far.errors.wantedDate ?? ""), /Microsoft Support/);
  });

  it("refuses unknown phases and non-string values", () => {
    const result = validateRequestForm(
      { ...good, phase: "1b", justification: 42, affectedSystems: ["a"] },
      open,
    );
    assert.equal(result.ok, false);
    assert.ok(
      !result.ok && result.errors.phase && result.errors.justification && result.errors.affectedSystems,
    );
  });

  it("takes template syntax as ordinary text", () => {
    const justification = "Please ${approve} this: {{user.name}} $when ${verbs.showHelp} and more text";
    const result = validateRequestForm({ ...good, justification }, open);
    assert.deepEqual(result.ok && result.request.justification, justification);
  });
});
