import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { LANGUAGES } from "../../src/domain/language";
import { buildProgressView, methodsTimeMs } from "../../src/features/report/progress-view";
import { reportTexts } from "../../src/features/report/report-texts";

const progress = {
  stage: "methods" as const,
  usersRead: 400,
  usersTotal: 2_000,
  signInsRead: 0,
  startedAt: new Date("2026-11-20T09:00:00Z"),
  usersStartedAt: new Date("2026-11-20T09:00:10Z"),
  methodsRead: 400,
  methodsStartedAt: new Date("2026-11-20T09:00:10Z"),
};
const now = new Date("2026-11-20T09:01:10Z");

describe("the progress card without Entra ID P1: how long reading everyone's methods takes", () => {
  it("estimates from the rate so far: 400 in a minute, 2,000 in five", () => {
    assert.deepEqual(methodsTimeMs(progress, now), { totalMs: 300_000, leftMs: 240_000 });
    assert.equal(methodsTimeMs({ ...progress, methodsRead: 19 }, now), undefined, "not before one batch");
    assert.equal(methodsTimeMs({ ...progress, usersTotal: undefined }, now), undefined);
  });

  it("says it in English", () => {
    const view = buildProgressView("s", progress, { now });
    assert.match(view.stageLine, /Reading each person's methods, 20 to a request/);
    assert.deepEqual(view.facts.at(-1), {
      title: "Reading everyone's methods",
      value: "about 5 min in all, 4 min to go",
    });
  });

  it("says it in every language, none left in English", () => {
    const english = buildProgressView("s", progress, { now });
    for (const language of LANGUAGES.filter((code) => code !== "en")) {
      const view = buildProgressView("s", progress, { now }, reportTexts({ language, tag: language }));
      assert.notEqual(view.stageLine, english.stageLine, language);
      assert.notEqual(view.facts.at(-1)!.title, english.facts.at(-1)!.title, language);
      assert.notEqual(view.facts.at(-1)!.value, english.facts.at(-1)!.value, language);
    }
  });
});
