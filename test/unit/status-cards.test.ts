import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { renderCard } from "../../src/cards/render";
import { VERBS } from "../../src/cards/verbs";
import { VERDICT_CODES } from "../../src/domain/verdict";
import { GUIDANCE, guidanceCardData, isGuidanceCode } from "../../src/features/status/guidance";
import { buildProblemView, type StatusProblemKind } from "../../src/features/status/status-problem";

describe("guidance card", () => {
  it("has guidance for every action and suggestion code, with https links to Microsoft", () => {
    for (const code of Object.keys(VERDICT_CODES)) {
      assert.ok(isGuidanceCode(code), `guidance for ${code}`);
      for (const link of GUIDANCE[code].links) {
        assert.match(link.url, /^https:\/\/(aka\.ms|learn\.microsoft\.com)\//);
      }
    }
    assert.equal(isGuidanceCode("toString"), false);
    assert.equal(isGuidanceCode("__proto__"), false);
  });

  it("should build: steps numbered, links as buttons, a way back to the status", () => {
    const card = renderCard("guidance", guidanceCardData("REGISTER_PASSKEY"));
    assert.equal(card.id, "guidance");
    const json = JSON.stringify(card);
    assert.match(json, /"text":"1\. Open My Security info and sign in\."/);
    assert.match(
      json,
      /"type":"Action.OpenUrl","title":"Open My Security info","url":"https:\/\/aka.ms\/mysecurityinfo"/,
    );
    assert.match(json, new RegExp(`"verb":"${VERBS.refreshStatus.replace(".", "\\.")}"`));
  });
});

describe("status problem card", () => {
  const kinds: StatusProblemKind[] = [
    "throttled",
    "deadline",
    "timeout",
    "unavailable",
    "forbidden",
    "noPremium",
    "unauthenticated",
    "notInTenant",
    "unexpected",
  ];
  for (const kind of kinds) {
    it(`should build for ${kind}`, () => {
      const data = buildProblemView({
        kind,
        retryAfterSeconds: 42,
        permission: "AuditLog.Read.All",
        reference: "abcd1234",
      });
      const card = renderCard("status-problem", data);
      assert.equal(card.id, "status-problem");
      const retry = (card.actions ?? []).some((action) =>
        JSON.stringify(action).includes(VERBS.refreshStatus),
      );
      assert.equal(retry, data.retry);
    });
  }

  it("throttled says busy and when; forbidden names the permission", () => {
    assert.equal(buildProblemView({ kind: "throttled", retryAfterSeconds: 41.2 }).todo, "Try again in 42 s.");
    assert.match(
      buildProblemView({ kind: "forbidden", permission: "AuditLog.Read.All" }).adminLine,
      /AuditLog\.Read\.All/,
    );
  });
});
