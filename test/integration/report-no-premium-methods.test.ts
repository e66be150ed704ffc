import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { generateTenant } from "../../src/dev/generate-tenant";
import type { Verdict } from "../../src/domain/verdict";
import { type Card, cardsIn, DEMO, eventually, startReportBot } from "../support/report-bot";

const text = (value: unknown) => JSON.stringify(value);
const facts = (card: Card) =>
  ((card.body ?? []) as Array<{ type?: string; facts?: Array<{ title: string; value: string }> }>)
    .filter((element) => element.type === "FactSet")
    .flatMap((element) => element.facts ?? []);

describe("the readiness scan in a tenant without Entra ID P1: typed methods per user, 20 to a $batch", () => {
  it("finds the ready users, says how it read their methods, and its progress card says how long that takes", async () => {
    const snapshot = generateTenant({ users: 1000, seed: 5, premium: false });
    // Some latency, so the scan is still reading methods when its progress card updates.
    const harness = await startReportBot({ snapshot, simulator: { latencyMs: 60 }, progressIntervalMs: 100 });
    try {
      const batchesBefore = harness.simulator.stats.batches;
      const first = cardsIn(await harness.say(DEMO.adele, "readiness report"))[0]!;
      assert.equal(first.id, "report-progress");
      const report = await eventually(
        () => harness.updatesIn(DEMO.adele).find((card) => card.id === "report"),
        60_000,
      );
      const progress = harness
        .updatesIn(DEMO.adele)
        .filter((card) => card.id === "report-progress")
        .map(facts)
        .flat()
        .filter((fact) => fact.title === "Reading everyone's methods");
      assert.ok(progress.length > 0, "the progress card shows the methods reading");
      assert.ok(
        progress.some((fact) => /^about .+ in all, .+ to go$/.test(fact.value)),
        text(progress),
      );
      assert.ok(
        harness
          .updatesIn(DEMO.adele)
          .some((card) => /Reading each person's methods, 20 to a request/.test(text(card))),
      );
      assert.ok(
        harness.simulator.stats.batches - batchesBefore >= Math.ceil(snapshot.users.length / 20),
        "every user's methods were read through $batch",
      );

      const body = text(report);
      assert.match(body, /so I read each person's methods myself, 20 to a request/);
      assert.doesNotMatch(body, /no one shows as ready/);
      const scan = (await harness.report.scans.latest(harness.simulator.tenantId))!;
      assert.equal(scan.summary!.methodsReadPerUser, true);
      assert.ok(scan.summary!.counts.ready > 0, "role holders with a method count as ready");

      // The same verdicts as `mfa-ready assess` reading the tenant live (which reads methods per user too).
      const stored: Verdict[] = [];
      for await (const verdict of harness.report.scans.verdicts(scan.id)) {
        stored.push(verdict);
      }
      assert.ok(stored.filter((verdict) => verdict.mfaReady).length > 100, "ready users are found");
      assert.ok(stored.every((verdict) => !verdict.dataGaps.some((gap) => gap.data === "methods")));
      const expected = await harness.expectedVerdicts();
      assert.deepEqual(
        stored.map((verdict) => [verdict.userPrincipalName, verdict.mfaReady]),
        expected.map((verdict) => [verdict.userPrincipalName, verdict.mfaReady]),
      );
    } finally {
      await harness.close();
    }
  });
});
