import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { UserRegistrationDetails } from "../../src/directory/graph-types";
import { assess } from "../../src/domain/assess";
import { methodsToAssess, verdictAfterScan } from "../../src/domain/live-methods";
import { facts, method, NOW, signIn, tenant, USER_ID } from "../support/domain-facts";

/** A registration-details row as GET /reports/authenticationMethods/userRegistrationDetails gives it. */
const row = (
  lastUpdatedDateTime: string | null,
  methodsRegistered = ["mobilePhone"],
): UserRegistrationDetails => ({
  id: USER_ID,
  userPrincipalName: "dana@contoso.example",
  userDisplayName: "Dana",
  userType: "member",
  isAdmin: false,
  isMfaRegistered: true,
  isMfaCapable: true,
  isPasswordlessCapable: false,
  methodsRegistered,
  lastUpdatedDateTime,
});
const passkey = method("fido2AuthenticationMethod");
const live = (readAt: string) => ({ methods: [method("passwordAuthenticationMethod"), passkey], readAt });

describe("live methods against the registration report (it may lag up to 36 hours)", () => {
  it("a live read newer than the registration row wins, and says so", () => {
    const chosen = methodsToAssess(row("2026-11-19T22:00:00Z", []), live("2026-11-20T08:30:00Z"));
    assert.equal(chosen.leanedOnLive, true);
    assert.deepEqual(chosen.methods, [method("passwordAuthenticationMethod"), passkey]);
  });

  it("the row wins once it is newer than the read (the report caught up)", () => {
    assert.deepEqual(methodsToAssess(row("2026-11-20T08:30:01Z"), live("2026-11-20T08:30:00Z")), {
      methods: undefined,
      leanedOnLive: false,
    });
  });

  it("a row exactly as old as the read still yields to the read; a row without a date is of unknown age", () => {
    assert.equal(
      methodsToAssess(row("2026-11-20T08:30:00Z"), live("2026-11-20T08:30:00Z")).leanedOnLive,
      true,
    );
    assert.equal(methodsToAssess(row(null), live("2026-11-20T08:30:00Z")).leanedOnLive, true);
  });

  it("no row at all (the user is not in the report yet): the read stands in", () => {
    assert.equal(methodsToAssess(undefined, live("2026-11-20T08:30:00Z")).leanedOnLive, true);
  });

  it("no live read, or one with no readable time: the registration row, as before", () => {
    assert.deepEqual(methodsToAssess(row("2026-11-19T22:00:00Z"), undefined), {
      methods: undefined,
      leanedOnLive: false,
    });
    assert.equal(methodsToAssess(row("2026-11-19T22:00:00Z"), live("yesterday")).leanedOnLive, false);
  });

  it("assessed with the chosen methods, a passkey the report does not list yet makes the user ready", () => {
    const registration = row("2026-11-19T22:00:00Z", []);
    const before = assess(facts({ methods: undefined, registration, signIns: [signIn()] }), tenant(), NOW);
    assert.equal(before.mfaReady, false, "the lagging report lists no method");
    const { methods } = methodsToAssess(registration, live("2026-11-20T08:30:00Z"));
    const after = assess(facts({ methods, registration, signIns: [signIn()] }), tenant(), NOW);
    assert.equal(after.mfaReady, true);
    assert.deepEqual(
      after.methods.strongIndependent.map((entry) => [entry.type, entry.source]),
      [["fido2AuthenticationMethod", "methods"]],
    );
  });
});

describe("an audience's verdict after the scan it is drawn from", () => {
  const registration = row("2026-11-19T22:00:00Z", []);
  const scanned = assess(facts({ methods: undefined, registration, signIns: [signIn()] }), tenant(), NOW);
  const checked = assess(facts({ methods: [passkey], signIns: [signIn()] }), tenant(), NOW);
  const scanStartedAt = "2026-11-20T08:00:00Z";

  it("a read since the scan started wins: its verdict is the status card's", () => {
    const used = verdictAfterScan(scanned, scanStartedAt, {
      readAt: "2026-11-20T08:30:00Z",
      verdict: checked,
    });
    assert.equal(used.leanedOnLive, true);
    assert.equal(used.verdict.mfaReady, true);
  });

  it("a read before the scan started was the scan's to weigh: the scan's verdict stands", () => {
    const used = verdictAfterScan(scanned, scanStartedAt, {
      readAt: "2026-11-20T07:59:59Z",
      verdict: checked,
    });
    assert.deepEqual(used, { verdict: scanned, leanedOnLive: false });
    assert.deepEqual(verdictAfterScan(scanned, scanStartedAt, undefined), {
      verdict: scanned,
      leanedOnLive: false,
    });
  });
});
