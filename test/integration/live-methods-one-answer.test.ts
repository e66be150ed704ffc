import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { VERBS } from "../../src/cards/verbs";
import { simulatorDemoTenant } from "../../src/dev/simulator-demo-tenant";
import { resolveAudience } from "../../src/features/broadcast/audience";
import { verdictsFromScans } from "../../src/features/broadcast/scan-verdicts";
import { type Card, cardsIn, DEMO, type ReportBot, startReportBot } from "../support/report-bot";

const TEAMS_APP_ID = "3c0ffee0-0000-4000-8000-0000000a9901";
const LIVE_LINE =
  "For 1 person the bot used methods it read or verified itself, newer than Microsoft's registration report (which can lag up to 36 hours).";

/** The "Will receive it" fact of a broadcast preview card. */
function recipients(card: Card): number {
  const facts = JSON.stringify(card).match(/"title":"Will receive it","value":"(\d+)"/);
  assert.ok(facts, JSON.stringify(card));
  return Number(facts[1]);
}

describe("one answer everywhere: a passkey Adele verified wins over the lagging registration report", () => {
  let rb: ReportBot;
  let tenantId: string;

  before(async () => {
    rb = await startReportBot({ env: { TEAMS_APP_ID } });
    tenantId = rb.simulator.tenantId;
  });
  after(() => rb.close());

  const scan = async () => {
    const started = await rb.report.scans.start(tenantId, { fresh: true, requestedBy: DEMO.adele });
    return started.kind === "running" ? started.scan.done : started.scan;
  };
  const notReadyPreview = async () =>
    (
      await rb.click(DEMO.adele, VERBS.broadcastPreview, {
        title: "MFA for Azure",
        message: "Please register a passkey.",
        audience: "affected-not-ready",
      })
    ).card;
  const inNotReadyAudience = async () => {
    const ids: string[] = [];
    const source = verdictsFromScans(rb.report.scans, rb.bot.stores.liveMethods);
    for await (const candidate of resolveAudience(
      tenantId,
      { kind: "affected-not-ready" },
      { verdicts: source, directory: rb.directory },
    )) {
      ids.push(candidate.userId);
    }
    return ids.includes(DEMO.adele);
  };

  it("after the walkthrough's Check now, the audience and preview of a scan made before leave her out", async () => {
    const first = await scan();
    const admins = first.summary!.findings.find((finding) => finding.key === "adminsNotReady")!;
    assert.ok(
      admins.first.some((person) => person.upn === "adele.vance@contoso.example"),
      "before: the registration report lists no method for Adele",
    );
    assert.equal(await inNotReadyAudience(), true);
    const preview = await notReadyPreview();
    const before = recipients(preview);
    assert.match(JSON.stringify(preview), /As Adele Vance will see it/);

    await rb.click(DEMO.adele, VERBS.startRegistration, { code: "REGISTER_PASSKEY" });
    // Through the simulator's own API over HTTPS; its registration details stay as they were (2026-11-19).
    await simulatorDemoTenant(rb.simulator).registerPasskey(DEMO.adele, "Adele's YubiKey");
    const verified = await rb.click(DEMO.adele, VERBS.walkthroughVerify, { method: "passkey", step: 3 });
    assert.equal(verified.card.id, "walkthrough-verified", JSON.stringify(verified.card));
    const kept = (await rb.bot.stores.liveMethods.get(tenantId, DEMO.adele))!;
    assert.equal(kept.source, "verification");
    assert.equal(kept.verdict.mfaReady, true);

    assert.equal(await inNotReadyAudience(), false, "the verification since the scan wins");
    const after = await notReadyPreview();
    assert.equal(recipients(after), before - 1, "the preview counts one fewer");
    assert.doesNotMatch(JSON.stringify(after), /As Adele Vance will see it/, "nor shows it as hers");
  });

  it("the next scan lists her ready, and the report says it leaned on the bot's own read", async () => {
    // Dana's registration row (2026-11-19T22:00Z) is newer than this read: the row wins, the read is ignored.
    await rb.bot.stores.liveMethods.put({
      tenantId,
      userId: DEMO.dana,
      readAt: "2026-11-19T21:59:59Z",
      source: "status",
      methods: [],
      verdict: (await rb.bot.stores.liveMethods.get(tenantId, DEMO.adele))!.verdict,
    });
    const second = await scan();
    const admins = second.summary!.findings.find((finding) => finding.key === "adminsNotReady")!;
    assert.ok(!admins.first.some((person) => person.upn === "adele.vance@contoso.example"));
    assert.equal(second.summary!.leanedOnLive, 1);
    const stored = [];
    for await (const verdict of rb.report.scans.verdicts(second.id)) {
      stored.push(verdict);
    }
    const dana = stored.find((verdict) => verdict.userId === DEMO.dana)!;
    assert.equal(dana.mfaReady, true, "an older read does not override a newer registration row");
    assert.ok(dana.methods.strongIndependent.every((entry) => entry.source === "registrationDetails"));
    const adele = stored.find((verdict) => verdict.userId === DEMO.adele)!;
    assert.equal(adele.mfaReady, true);
    assert.ok(adele.methods.strongIndependent.some((entry) => entry.source === "methods"));
    assert.ok(!adele.dataGaps.some((gap) => gap.data === "methods"), "her methods were read, not a gap");

    // The scan is less than an hour old: the report comes at once.
    const report = cardsIn(await rb.say(DEMO.adele, "readiness report")).find((card) => card.id === "report");
    assert.ok(JSON.stringify(report).includes(LIVE_LINE), JSON.stringify(report));
  });

  it("a status check keeps the methods it read live too", async () => {
    cardsIn(await rb.say(DEMO.dana, "am I affected?"));
    const kept = (await rb.bot.stores.liveMethods.get(tenantId, DEMO.dana))!;
    assert.equal(kept.source, "status");
    assert.ok(kept.methods.length > 0);
    assert.equal(kept.verdict.userId.toLowerCase(), DEMO.dana);
  });
});
