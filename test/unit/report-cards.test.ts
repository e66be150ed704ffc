import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";

import * as AC from "adaptivecards";

import { renderCard } from "../../src/cards/render";

const sample = (name: string) =>
  JSON.parse(
    readFileSync(path.resolve(__dirname, "..", "fixtures", "cards", `${name}.json`), "utf8"),
  ) as object;

describe("the report card's chart", () => {
  const card = renderCard("report", sample("report"));

  it("is a Teams Chart.Donut with numeric data, one slice per readiness bucket", () => {
    const chart = (card.body as Array<Record<string, unknown>>).find((element) => element.id === "chart")!;
    assert.equal(chart.type, "Chart.Donut");
    const data = chart.data as Array<{ legend: string; value: unknown; color: string }>;
    assert.deepEqual(
      data.map((slice) => slice.legend),
      ["Affected, not ready", "Affected, ready", "Likely affected", "Unknown", "Not affected"],
    );
    assert.ok(
      data.every((slice) => typeof slice.value === "number"),
      "values stay numbers after templating",
    );
  });

  it("falls back to a plain table where charts are not supported (the adaptivecards library is such a host)", () => {
    const parsed = new AC.AdaptiveCard();
    parsed.parse(card, new AC.SerializationContext(AC.Versions.v1_5));
    assert.equal(parsed.getElementById("chart"), undefined);
    const table = parsed.getElementById("chartTable");
    assert.ok(table instanceof AC.Container, "the fallback container is what the host shows");
    const json = JSON.stringify(parsed.toJSON());
    for (const legend of [
      "Affected, not ready",
      "Affected, ready",
      "Likely affected",
      "Unknown",
      "Not affected",
    ]) {
      assert.ok(json.includes(legend), `the table lists ${legend}`);
    }
  });
});
