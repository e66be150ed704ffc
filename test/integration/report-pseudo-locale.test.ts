/**
 * The readiness report's journeys over the endpoint with English replaced by a pseudo-locale (⟦…⟧): every
 * text a person reads on the progress card, the report, a finding and the notices must come from the
 * resources or be data (names, UPNs, Microsoft's app, role and method names, numbers, dates). Whatever is
 * left is a string hard-coded in a template or in the feature's code.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { userText } from "../../src/cards/markdown";
import { VERBS } from "../../src/cards/verbs";
import { generateTenant } from "../../src/dev/generate-tenant";
import { AZURE_SERVICE_MANAGEMENT_NAME, IN_SCOPE_APPS } from "../../src/domain/apps";
import { METHOD_KINDS_BY_ODATA_TYPE, METHOD_KINDS_BY_REGISTERED } from "../../src/domain/method-classes";
import { csvCommand } from "../../src/features/report/csv-offer";
import { usePseudoEnglish } from "../../src/i18n/i18n";
import { assertNoHardCodedText } from "../support/pseudo-locale";
import { type Card, cardsIn, DEMO, eventually, type ReportBot, startReportBot } from "../support/report-bot";

usePseudoEnglish();

const PLAYGROUND = "http://localhost:56150/_connector";
const scanIdOf = (card: Card) =>
  (
    card.actions?.find((action) => action.id === "cancel" || action.id === "csv")?.data as
      { scanId?: string } | undefined
  )?.scanId;

/** What a report shows that is data, not text: people, Microsoft's names, the command to copy. */
function dataOf(harness: ReportBot): string[] {
  return [
    ...harness.snapshot.users
      .flatMap((user) => [user.displayName ?? "", user.userPrincipalName])
      .flatMap((text) => [userText(text), text]),
    // The apps people sign in to, as the sign-in logs name them.
    ...(harness.snapshot.signIns ?? []).map((signIn) => signIn.appDisplayName ?? ""),
    ...IN_SCOPE_APPS.map((app) => app.name),
    AZURE_SERVICE_MANAGEMENT_NAME,
    ...[...Object.values(METHOD_KINDS_BY_ODATA_TYPE), ...Object.values(METHOD_KINDS_BY_REGISTERED)].map(
      (kind) => kind.name,
    ),
    csvCommand("en"),
    // The Teams names the harness gives its users ("User 01"), as a canceled scan names who canceled.
    ...[DEMO.adele, DEMO.ben].map((id) => `User ${id.slice(-2)}`),
  ];
}

describe("the readiness report in a pseudo-locale: no hard-coded text", () => {
  let harness: ReportBot;
  let data: string[];
  before(async () => {
    harness = await startReportBot();
    data = dataOf(harness);
  });
  after(async () => {
    await harness.close();
  });

  it("progress card, report, a finding, the CSV answer in the Playground", async () => {
    const progress = cardsIn(await harness.say(DEMO.adele, "readiness report"))[0]!;
    assert.equal(progress.id, "report-progress");
    assertNoHardCodedText(progress, data, "the progress card");
    const scanId = scanIdOf(progress)!;

    const report = await eventually(() => harness.updatesIn(DEMO.adele).find((card) => card.id === "report"));
    assert.match(JSON.stringify(report), /⟦/);
    assertNoHardCodedText(report, data, "the report card");

    for (const finding of ["breakGlassNotReady", "adminsNotReady", "serviceAccounts", "affectedNotReady"]) {
      const shown = await harness.click(DEMO.adele, VERBS.reportFinding, { scanId, finding });
      assert.equal(shown.card.id, "report-finding", finding);
      assertNoHardCodedText(shown.card, data, `the ${finding} finding`);
    }

    const inPlayground = await harness.click(DEMO.adele, VERBS.reportCsv, { scanId }, undefined, {
      serviceUrl: PLAYGROUND,
    });
    assert.equal(inPlayground.card.id, "report");
    assert.match(JSON.stringify(inPlayground.card), /"id":"csvNote"/);
    assertNoHardCodedText(inPlayground.card, data, "the report with the CSV note");
  });

  it("the notices: personal chat only, daily report off and stopped, no such report, CSV declined", async () => {
    const notices: Card[] = [
      cardsIn(
        await harness.say(DEMO.adele, "readiness report", {
          conversation: {
            id: "19:group@thread.v2",
            conversationType: "groupChat",
            tenantId: harness.simulator.tenantId,
          },
        }),
      )[0]!,
      (await harness.click(DEMO.adele, VERBS.reportSubscribe)).card,
      (await harness.click(DEMO.adele, VERBS.reportUnsubscribe)).card,
      (
        await harness.click(DEMO.adele, VERBS.reportFinding, {
          scanId: "00000000-0000-4000-8000-000000000000",
          finding: "adminsNotReady",
        })
      ).card,
    ];
    const before = harness.bot.connector.sentActivities().length;
    await harness.consent(DEMO.adele, {
      action: "decline",
      context: { kind: "readiness", scanId: "00000000-0000-4000-8000-000000000000" },
      uploadInfo: undefined,
    });
    notices.push(...cardsIn(harness.bot.connector.sentActivities().slice(before)));
    assert.equal(notices.length, 5);
    for (const notice of notices) {
      assert.equal(notice.id, "report-notice");
      assertNoHardCodedText(notice, data, "a report notice");
    }
  });

  it("a tenant without Entra ID P1: the gaps, the likely and unknown counts", async () => {
    const lean = await startReportBot({ snapshot: generateTenant({ users: 120, seed: 5, premium: false }) });
    try {
      cardsIn(await lean.say(DEMO.adele, "readiness report"));
      const report = await eventually(() => lean.updatesIn(DEMO.adele).find((card) => card.id === "report"));
      assert.match(JSON.stringify(report), /"id":"gaps"/);
      assertNoHardCodedText(report, dataOf(lean), "the report without P1");
    } finally {
      await lean.close();
    }
  });
});
