import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { renderCard } from "../../src/cards/render";
import { PORTAL_SETTINGS_PERMISSION } from "../../src/domain/permissions";
import type { PostponementRequest } from "../../src/domain/postponement-request";
import { answerCardData } from "../../src/features/postponement/answer-view";
import { approvalCardData } from "../../src/features/postponement/approval-view";
import { outcomeCardData } from "../../src/features/postponement/requester-views";
import { supportRequestText } from "../../src/features/postponement/support-request-text";
import type { TenantSettings } from "../../src/features/postponement/tenant-settings";

const readSettings: TenantSettings = {
  kind: "read",
  portalEnforcement: "Default",
  dates: { "1": null, "2": "2026-06-30" },
  justifications: { "1": null, "2": "pipelines" },
};
const text = (card: object) => JSON.stringify(card);

const request: PostponementRequest = {
  id: "req-1",
  tenantId: "t1",
  requesterId: "u1",
  requesterName: "Ben *Carter*",
  phase: "2",
  wantedDate: "2027-01-31",
  route: "support",
  justification: "Keep ${requesterName} and ${verbs.approvePostponement} literal; **not bold**.",
  affectedSystems: "Backups ${x}",
  status: "pending",
  createdAt: "2026-11-28T09:00:00Z",
};

describe("the answer card, the truth as of the day", () => {
  it("while phase 2 is open (2026-06-20): says it can still be postponed, with days left and the form", () => {
    const card = renderCard(
      "postponement-answer",
      answerCardData(readSettings, new Date("2026-06-20T10:00:00Z")),
    );
    assert.match(text(card), /Phase 2 can still be postponed/);
    assert.match(text(card), /until 1 Jul 2026 \(11 days left\)/);
    assert.match(text(card), /Self-service postponement closed on 30 Sept? 2025/);
    assert.match(text(card), /"title":"Request a postponement"/);
    assert.match(text(card), /"title":"Phase 2 date","value":"30 Jun 2026"/);
  });

  it("on 2026-07-01 and after (the demo's today): closed, Microsoft Support, support text and the real remedy", () => {
    for (const day of ["2026-07-01T00:00:00Z", "2026-11-28T10:00:00Z"]) {
      const card = renderCard("postponement-answer", answerCardData(readSettings, new Date(day)));
      assert.match(text(card), /Self-service postponement has closed/);
      assert.match(text(card), /ask Microsoft Support to lift enforcement temporarily/);
      assert.match(text(card), /ready-to-paste support request/);
      assert.match(text(card), /"title":"Draft a support request"/);
      assert.match(text(card), /"verb":"status.check"/);
      assert.match(text(card), /"code":"MOVE_TO_WORKLOAD_IDENTITY"/);
    }
  });

  it("names the Azure permission to grant when the settings cannot be read", () => {
    const data = answerCardData({ kind: "forbidden", permission: PORTAL_SETTINGS_PERMISSION }, new Date());
    assert.ok(data.tenantNote.includes(PORTAL_SETTINGS_PERMISSION));
    assert.deepEqual(data.tenantFacts, []);
  });
});

describe("the approval card", () => {
  it("shows the requester's words literally: template syntax untouched, Markdown escaped", () => {
    const card = renderCard(
      "postponement-approval",
      approvalCardData({
        request,
        settings: readSettings,
        refreshUserIds: ["29:a"],
        now: new Date("2026-11-28T10:00:00Z"),
      }),
    );
    const justification = (card.body as Array<{ id?: string; text?: string }>).find(
      (item) => item.id === "justification",
    );
    assert.equal(
      justification?.text,
      "Keep ${requesterName} and ${verbs.approvePostponement} literal; \\*\\*not bold\\*\\*.",
    );
    assert.match(text(card), /Postponement request from Ben \\\\\*Carter\\\\\*/);
    assert.deepEqual((card.refresh as { userIds: string[] }).userIds, ["29:a"]);
    // Self-service closed: no "apply in Azure" toggle, but the support text, built from the justification.
    assert.doesNotMatch(text(card), /applyInAzure/);
    assert.match(text(card), /"id":"supportText"/);
  });

  it("offers applying it in Azure only while the window is open and the settings can be read", () => {
    const open = { ...request, route: "selfService" as const, wantedDate: "2026-06-30" };
    const now = new Date("2026-06-20T10:00:00Z");
    assert.equal(
      approvalCardData({ request: open, settings: readSettings, refreshUserIds: [], now }).canApply,
      true,
    );
    const forbidden = { kind: "forbidden", permission: PORTAL_SETTINGS_PERMISSION } as const;
    assert.equal(
      approvalCardData({ request: open, settings: forbidden, refreshUserIds: [], now }).canApply,
      false,
    );
    const steps = approvalCardData({ request: open, settings: readSettings, refreshUserIds: [], now }).steps;
    assert.match(
      steps.map((step) => step.text).join(" "),
      /elevate access.*aka\.ms\/postponePhase2MFA.*30 Jun 2026.*Apply/,
    );
  });

  it("once decided: who and when, no buttons", () => {
    const decided = {
      ...request,
      status: "declined" as const,
      decidedByName: "Adele Vance",
      decidedAt: "2026-11-28T10:05:00Z",
    };
    const card = renderCard(
      "postponement-approval",
      approvalCardData({
        request: decided,
        settings: readSettings,
        refreshUserIds: [],
        now: new Date("2026-11-28T10:06:00Z"),
      }),
    );
    assert.match(text(card), /Declined by Adele Vance on 28 Nov 2026, 10:05 UTC/);
    assert.doesNotMatch(text(card), /postponement\.approve/);
    assert.match(text(renderCard("postponement-outcome", outcomeCardData(decided))), /was declined/);
  });
});

describe("the support request text", () => {
  it("quotes the justification and systems as typed, with the tenant, the phase and the date", () => {
    const body = supportRequestText({
      request,
      tenantId: "t1",
      tenantName: "Contoso",
      now: new Date("2026-11-28T10:00:00Z"),
    });
    assert.ok(body.includes(request.justification));
    assert.ok(body.includes("Backups ${x}"));
    assert.match(body, /Tenant: Contoso \(t1\)/);
    assert.match(body, /Requested until: 31 Jan 2027/);
    assert.match(body, /ended on 1 Jul 2026/);
  });
});
