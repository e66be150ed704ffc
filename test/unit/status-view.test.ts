import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

import { renderCard } from "../../src/cards/render";
import { VERBS } from "../../src/cards/verbs";
import type { TenantSnapshot } from "../../src/directory/graph-types";
import { snapshotFacts } from "../../src/directory/snapshot-facts";
import { assess } from "../../src/domain/assess";
import { buildStatusView } from "../../src/features/status/status-view";
import { cardTexts as texts } from "../support/card-nodes";
import { CONTOSO_SMALL } from "../support/shared-examples";
import { loadStatusFixture } from "../support/status-snapshot-directory";

const CHECKED = new Date("2026-11-20T09:00:00Z");

function viewFor(upn: string, snapshot: TenantSnapshot = loadStatusFixture()) {
  const joined = snapshotFacts(snapshot);
  const facts = [...joined.users()].find((user) => user.user.userPrincipalName === upn);
  assert.ok(facts, `${upn} is in the fixture`);
  const verdict = assess(facts, joined.tenant, joined.capturedAt, { lookbackDays: 30 });
  return buildStatusView(verdict, { lookbackDays: 30, checkedAt: CHECKED, fromCache: false });
}

/** Every string in a rendered card, for "the card says…" assertions. */

describe("status view from Graph-shaped facts", () => {
  it("Bob: phase 2 affected by Azure CLI, not ready, a passkey button", () => {
    const view = viewFor("bob@contoso.example");
    assert.equal(view.headline, "You are affected by phase 2 and not ready yet");
    assert.equal(view.tone, "attention");
    assert.deepEqual(
      view.phases.map((phase) => phase.verdict),
      ["Not affected", "Affected"],
    );
    assert.deepEqual(view.phases[1]!.evidence, [{ text: "Azure CLI: 1 sign-in, last on 12 Nov 2026" }]);
    assert.deepEqual(
      view.actions.map((action) => action.code),
      ["REGISTER_PASSKEY"],
    );
    assert.deepEqual(
      view.suggestions.map((s) => s.code),
      ["UPDATE_CLIENT_TOOLS"],
    );
    assert.deepEqual(view.methods, [{ title: "Not MFA", value: "Password" }]);
  });

  it("Alice: phase 1, ready with Authenticator and phone; the device name is shown after the kind", () => {
    const view = viewFor("alice@contoso.example");
    assert.equal(view.headline, "You are affected by phase 1 and ready");
    assert.equal(view.tone, "good");
    const mfa = view.methods.find((row) => row.title === "MFA");
    assert.equal(mfa?.value, "Microsoft Authenticator (Alice's iPhone), Phone (SMS or voice)");
    assert.deepEqual(view.actions, []);
  });

  it("Dana: both phases, passkey, evidence counts sign-ins per app", () => {
    const view = viewFor("dana@contoso.example");
    assert.equal(view.headline, "You are affected by phases 1 and 2 and ready");
    assert.deepEqual(view.phases[1]!.evidence, [
      { text: "Azure PowerShell: 2 sign-ins, last on 17 Nov 2026" },
    ]);
    assert.equal(view.methods[0]!.title, "Phishing-resistant MFA");
    assert.match(view.methods[0]!.value, /Passkey \/ FIDO2 security key \(YubiKey 5 NFC\)/);
  });

  it("says each phase's date in the tense of the day the card is shown", () => {
    const joined = snapshotFacts(loadStatusFixture());
    const facts = [...joined.users()].find((user) => user.user.userPrincipalName === "bob@contoso.example")!;
    const verdict = assess(facts, joined.tenant, joined.capturedAt, { lookbackDays: 30 });
    const on = (day: string) =>
      buildStatusView(verdict, { lookbackDays: 30, checkedAt: new Date(day), fromCache: false }).phases[1]!
        .explanation;
    assert.match(on("2025-09-30T12:00:00Z"), /MFA will be required here from October 2025\./);
    assert.match(on("2025-10-01T00:00:00Z"), /MFA has been required here since October 2025\./);
    assert.match(on("2026-12-02T09:00:00Z"), /has been required here since October 2025/);
    const top = buildStatusView(verdict, {
      lookbackDays: 30,
      checkedAt: new Date("2026-12-02T09:00:00Z"),
      fromCache: false,
    });
    assert.doesNotMatch(JSON.stringify(top), /will require|will need|will be blocked/);
  });

  it("Carol (contoso-small): says which of her CLI sign-ins were silent token refreshes", () => {
    const view = viewFor(
      "carol@contoso.example",
      JSON.parse(readFileSync(CONTOSO_SMALL, "utf8")) as TenantSnapshot,
    );
    assert.deepEqual(view.phases[1]!.evidence, [
      { text: "Azure CLI: 3 sign-ins, all of them silent refreshes, last on 19 Nov 2026" },
    ]);
    const snapshot = JSON.parse(readFileSync(CONTOSO_SMALL, "utf8")) as TenantSnapshot;
    const interactive = { ...snapshot.signIns!.find((signIn) => signIn.id.endsWith("0021"))! };
    snapshot.signIns!.push({
      ...interactive,
      id: "interactive-1",
      isInteractive: true,
      signInEventTypes: ["interactiveUser"],
    });
    assert.deepEqual(viewFor("carol@contoso.example", snapshot).phases[1]!.evidence, [
      { text: "Azure CLI: 4 sign-ins, 3 of them silent refreshes, last on 19 Nov 2026" },
    ]);
  });

  it("the break-glass account and the ROPC service account get their own headlines and single action", () => {
    const breakGlass = viewFor("breakglass1@contoso.example");
    assert.equal(breakGlass.headline, "This emergency access account is not ready yet");
    assert.deepEqual(
      breakGlass.actions.map((a) => a.code),
      ["ADD_STRONG_INDEPENDENT_METHOD"],
    );
    const robot = viewFor("svc-deploy@contoso.example");
    assert.equal(robot.headline, "This looks like a service account and affected by phase 2");
    assert.deepEqual(
      robot.actions.map((a) => a.code),
      ["MOVE_TO_WORKLOAD_IDENTITY"],
    );
    assert.deepEqual(robot.suggestions, []);
  });

  it("Erin: a sign-in outside the window does not count", () => {
    const view = viewFor("erin@contoso.example");
    assert.equal(view.headline, "You are not affected, and you are ready anyway");
    assert.deepEqual(view.phases[0]!.evidence, []);
  });

  it("a tenant without P1: likely for an admin, unknown otherwise, and the gap is explained", () => {
    const snapshot = loadStatusFixture();
    snapshot.tenant.premium = false;
    delete snapshot.signIns;
    delete snapshot.userRegistrationDetails;
    const alice = viewFor("alice@contoso.example", snapshot);
    assert.equal(alice.headline, "You are probably affected by phases 1 and 2 and ready");
    assert.deepEqual([alice.phase1, alice.phase2], ["likely", "likely"]);
    const bob = viewFor("bob@contoso.example", snapshot);
    assert.deepEqual([bob.phase1, bob.phase2], ["unknown", "unknown"]);
    assert.equal(bob.tone, "warning");
    assert.ok(
      bob.dataGaps.some((gap) =>
        /sign-in history could not be read: the tenant has no Microsoft Entra ID P1/i.test(gap.text),
      ),
      JSON.stringify(bob.dataGaps),
    );
  });

  it("a missing permission names what the admin must grant", () => {
    const snapshot = loadStatusFixture();
    const joined = snapshotFacts(snapshot);
    const facts = [...joined.users()].find((user) => user.user.userPrincipalName === "bob@contoso.example")!;
    facts.signIns = undefined;
    facts.dataGaps.push({ data: "signIns", reason: "forbidden", permission: "AuditLog.Read.All" });
    const verdict = assess(facts, joined.tenant, joined.capturedAt);
    const view = buildStatusView(verdict, { lookbackDays: 30, checkedAt: CHECKED, fromCache: true });
    assert.ok(
      view.dataGaps.some((gap) =>
        gap.text.includes("must grant the app the Microsoft Graph application permission AuditLog.Read.All"),
      ),
    );
    assert.match(view.checkedLine, /Press Refresh/);
  });

  it("user text from the directory is escaped, never Markdown", () => {
    const snapshot = loadStatusFixture();
    snapshot.users.find((user) => user.userPrincipalName === "bob@contoso.example")!.displayName =
      "**Bob** [click](https://evil.example)";
    const view = viewFor("bob@contoso.example", snapshot);
    assert.equal(view.userLine, "\\*\\*Bob\\*\\* \\[click\\](https://evil.example) (bob@contoso.example)");
  });

  it("renders the status card: refresh limited to the user, one button per action, Refresh", () => {
    const card = renderCard("status", { ...viewFor("bob@contoso.example"), refreshUserIds: ["29:bob-mri"] });
    assert.equal(card.id, "status");
    assert.equal(card.version, "1.5");
    assert.deepEqual(card.refresh, {
      action: { type: "Action.Execute", title: "Refresh", verb: VERBS.refreshStatus, data: {} },
      userIds: ["29:bob-mri"],
    });
    const all = texts(card);
    assert.ok(all.includes("You are affected by phase 2 and not ready yet"));
    assert.ok(all.includes("- Azure CLI: 1 sign-in, last on 12 Nov 2026"));
    const json = JSON.stringify(card);
    assert.match(json, /"title":"Add a passkey","verb":"[^"]+","data":\{"code":"REGISTER_PASSKEY"\}/);
    assert.deepEqual(card.actions, [
      { type: "Action.Execute", id: "refresh", title: "Refresh", verb: VERBS.refreshStatus, data: {} },
    ]);
    assert.equal((card.body![0] as { style: string }).style, "attention");
  });
});
