import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";

import { buildHelpCard } from "../../src/cards/help-card";
import { createCardRenderer, TEMPLATE_DIR } from "../../src/cards/render";
import { LANGUAGES } from "../../src/domain/language";
import { formatDateTime, formatDay, formatNumber } from "../../src/i18n/format";
import { cardStrings, RESOURCES } from "../../src/i18n/i18n";
import { replyLocale } from "../../src/i18n/locale";
import { assertNoHardCodedText } from "../support/pseudo-locale";

const SAMPLES = path.join(__dirname, "..", "fixtures", "cards");

/** Every key path of a resource object, "cards.help.title" style. */
function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) {
    return [prefix];
  }
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));
}

/** Cards still holding English of their own: each area's localisation removes its names; the list ends empty. */
const NOT_YET_LOCALISED = new Set<string>([]);
/** Strings that read the same in every language: the product's name, punctuation, Microsoft's own names. */
const SAME_IN_EVERY_LANGUAGE = /^(product|greetingAfter|.*Same)$/;

/** Every string leaf of a sample: it is data, not the template's own text. */
function strings(value: unknown): string[] {
  if (typeof value === "string") {
    return [value];
  }
  if (typeof value === "object" && value !== null) {
    return Object.values(value).flatMap(strings);
  }
  return [];
}

/** A key without its plural suffix: languages have the plural forms their CLDR rules need (ja: other only). */
const unplural = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, "");

describe("resources", () => {
  const english = [...new Set(keys(RESOURCES.en).map(unplural))].sort();
  for (const language of LANGUAGES) {
    test(`${language} has every key English has, and no other`, () => {
      assert.deepEqual([...new Set(keys(RESOURCES[language]).map(unplural))].sort(), english);
    });
    test(`${language}: no string is empty`, () => {
      for (const key of keys(RESOURCES[language])) {
        const value = key
          .split(".")
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], RESOURCES[language]);
        // Japanese puts the name first: nothing goes before it.
        const mayBeEmpty = language === "ja" && key === "cards.welcome.greetingBefore";
        assert.ok(
          typeof value === "string" && (mayBeEmpty || value.trim().length > 0),
          `${language}: ${key}`,
        );
      }
    });
  }
});

describe("every card template in every language", () => {
  const renderer = createCardRenderer();
  const sample = (card: string) =>
    JSON.parse(readFileSync(path.join(SAMPLES, `${card}.json`), "utf8")) as Record<string, unknown>;

  test("the not-yet list names only templates that exist", () => {
    for (const card of NOT_YET_LOCALISED) {
      assert.ok(renderer.names().includes(card), card);
    }
  });

  for (const card of renderer.names().filter((name) => !NOT_YET_LOCALISED.has(name))) {
    for (const language of LANGUAGES) {
      test(`${card} renders in ${language}: every string it uses is there, none left in English`, () => {
        renderer.render(card, sample(card), language);
        const own = cardStrings(language, card);
        const template = readFileSync(path.join(TEMPLATE_DIR, `${card}.json`), "utf8");
        for (const [, key] of template.matchAll(/\$\{s\.([A-Za-z0-9]+)/g)) {
          assert.ok(typeof own[key!] === "string", `${language}: cards.${card}.${key} is missing`);
        }
        if (language !== "en") {
          for (const [key, value] of Object.entries(cardStrings("en", card))) {
            assert.ok(
              SAME_IN_EVERY_LANGUAGE.test(key) || own[key] !== value,
              `${language}: ${card}.${key} is still English`,
            );
          }
        }
      });
    }
    test(`${card}: a pseudo-locale run finds no hard-coded string in the template`, () => {
      const data = sample(card);
      const pseudo = Object.fromEntries(Object.keys(cardStrings("en", card)).map((key) => [key, `⟦${key}⟧`]));
      const rendered = renderer.render(card, { ...data, s: pseudo });
      assertNoHardCodedText(rendered, strings(data), `adaptiveCards/${card}.json`);
    });
  }

  test("the help card for a message in another language is English, with the languages line", () => {
    const card = JSON.stringify(
      buildHelpCard({ showAdminJobs: false, misunderstood: "привет", otherLanguage: true, language: "de" }),
    );
    assert.match(card, /What I can do/);
    assert.match(card, /I speak English, Deutsch, Français, Español and 日本語\./);
  });
});

describe("which language answers", () => {
  test("the message's language, the activity's locale, Graph's preferredLanguage, DEFAULT_LOCALE, English", () => {
    assert.deepEqual(replyLocale({ messageLanguage: "fr", activityLocale: "de-DE" }), {
      language: "fr",
      tag: "fr-FR",
    });
    assert.deepEqual(replyLocale({ messageLanguage: "other", activityLocale: "de-AT" }), {
      language: "de",
      tag: "de-AT",
    });
    assert.deepEqual(replyLocale({ activityLocale: "pt-BR", preferredLanguage: "ja-JP" }), {
      language: "ja",
      tag: "ja-JP",
    });
    assert.deepEqual(replyLocale({ defaultLocale: "es-MX" }), { language: "es", tag: "es-MX" });
    assert.deepEqual(replyLocale({ activityLocale: "not a locale!" }), { language: "en", tag: "en-GB" });
    assert.deepEqual(replyLocale({}), { language: "en", tag: "en-GB" });
  });
});

describe("dates and numbers through Intl", () => {
  const lastHourOfJanuary = new Date("2026-01-31T23:30:00Z");
  test("around a month boundary in de-DE and ja-JP, in the tenant's time zone", () => {
    assert.equal(formatDay(lastHourOfJanuary, { locale: "de-DE" }), "31. Januar 2026");
    assert.equal(
      formatDay(lastHourOfJanuary, { locale: "de-DE", timeZone: "Europe/Berlin" }),
      "1. Februar 2026",
    );
    assert.equal(formatDay(lastHourOfJanuary, { locale: "ja-JP" }), "2026年1月31日");
    assert.equal(formatDay(lastHourOfJanuary, { locale: "ja-JP", timeZone: "Asia/Tokyo" }), "2026年2月1日");
    assert.equal(
      formatDateTime(lastHourOfJanuary, { locale: "de-DE", timeZone: "Europe/Berlin" }),
      "01.02.2026, 00:30",
    );
    assert.equal(
      formatDateTime(lastHourOfJanuary, { locale: "ja-JP", timeZone: "Asia/Tokyo" }),
      "2026/02/01 8:30",
    );
  });
  test("an ISO calendar day is that day in every zone", () => {
    assert.equal(
      formatDay("2025-10-01", { locale: "de-DE", timeZone: "America/Los_Angeles" }),
      "1. Oktober 2025",
    );
    assert.equal(formatDay("2025-09-30", { locale: "ja-JP", timeZone: "Asia/Tokyo" }), "2025年9月30日");
  });
  test("numbers", () => {
    assert.equal(formatNumber(12345.5, { locale: "de-DE" }), "12.345,5");
    assert.equal(formatNumber(12345.5, { locale: "fr-FR" }), "12\u202f345,5");
  });
});
