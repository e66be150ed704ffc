/**
 * Every card template, expanded with its sample data, rendered in headless Chromium by the adaptivecards
 * library itself with a Teams host config: it parses clean, shows every button, shows user text as typed,
 * and leaves a screenshot per card in .data/screenshots/ for a person to look at.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { buildHelpCard } from "../../src/cards/help-card";
import { userText } from "../../src/cards/markdown";
import { createCardRenderer, renderCard } from "../../src/cards/render";
import type { AdaptiveCardJson } from "../../src/cards/types";
import { buildWelcomeCard } from "../../src/cards/welcome-card";
import { type Browser, browserSkipReason, launchChromium } from "../support/browser";
import { type CardPage, openCardPage } from "../support/browser-card-page";
import { isCoveredByFallback } from "../support/card-nodes";

const ROOT = path.resolve(__dirname, "..", "..");
const SAMPLES = path.join(ROOT, "test", "fixtures", "cards");
const SCREENSHOTS = path.join(ROOT, ".data", "screenshots");

function sample(name: string): Record<string, unknown> {
  const file = path.join(SAMPLES, `${name}.json`);
  assert.ok(
    existsSync(file),
    `adaptiveCards/${name}.json has no sample data: add ${path.relative(ROOT, file)}`,
  );
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
}

/** Titles of the Action.Execute buttons a person sees (the card's refresh action is not a button). */
function executeTitles(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.flatMap(executeTitles);
  }
  if (value === null || typeof value !== "object") {
    return [];
  }
  const node = value as Record<string, unknown>;
  const own = node.type === "Action.Execute" && typeof node.title === "string" ? [node.title] : [];
  return [
    ...own,
    ...Object.entries(node).flatMap(([key, child]) => (key === "refresh" ? [] : executeTitles(child))),
  ];
}

/** Text a person typed or the directory holds, with Markdown and template syntax that must stay literal. */
const TYPED = "qwzx ${bad} **bold** _under_ <b>tag</b> [link](https://evil.example)";
const NAME = "Zoë ${bad} **bold** _Vance_";
const GUEST_UPN = "gita_fabrikam.example#EXT#@contoso.example";

const userTextCases: { name: string; card: () => AdaptiveCardJson; literal: string }[] = [
  { name: "help", card: () => buildHelpCard({ misunderstood: TYPED, showAdminJobs: true }), literal: TYPED },
  {
    name: "welcome",
    card: () => buildWelcomeCard({ userName: NAME, now: new Date("2026-11-20T09:00:00Z") }),
    literal: NAME,
  },
  {
    name: "status",
    // As status-view builds it: directory values through userText, into a Markdown TextBlock.
    card: () =>
      renderCard("status", { ...sample("status"), userLine: `${userText(NAME)} (${userText(GUEST_UPN)})` }),
    literal: `${NAME} (${GUEST_UPN})`,
  },
];

describe(
  "every card rendered by the adaptivecards library in Chromium",
  { skip: browserSkipReason(), timeout: 60_000 },
  () => {
    let browser: Browser | undefined;
    let page: CardPage | undefined;
    const open = () => {
      assert.ok(page, "the card page is open");
      return page;
    };

    before(async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      browser = await launchChromium();
      page = await openCardPage(browser.context);
    });
    after(async () => {
      await page?.close();
      await browser?.close();
    });

    const names = createCardRenderer().names();
    it("finds the templates", () => {
      assert.ok(names.length >= 3 && names.includes("welcome") && names.includes("help"), names.join(", "));
    });

    for (const name of names) {
      it(`${name}: its sample renders clean, with every button, and is photographed`, async () => {
        const card = renderCard(name, sample(name));
        const result = await open().render(card);
        assert.deepEqual(
          result.events.filter((event) => !isCoveredByFallback(card, event)),
          [],
          "no parse or validation events (but an unknown host element with a fallback)",
        );
        assert.ok(result.rendered && result.height > 0, "the card has a rendered element with a height");
        for (const title of executeTitles(card)) {
          assert.ok(
            result.buttons.includes(title),
            `button "${title}" is shown (shown: ${result.buttons.join(", ")})`,
          );
        }
        assert.deepEqual(result.clipped, [], "no button is cut off or shortened");
        await open().screenshot(path.join(SCREENSHOTS, `${name}.png`));
      });
    }

    for (const { name, card, literal } of userTextCases) {
      it(`${name}: user text shows exactly as typed, not as Markdown or a template`, async () => {
        const result = await open().render(card());
        assert.deepEqual(result.events, []);
        assert.ok(result.text.includes(literal), `"${literal}" appears literally in:\n${result.text}`);
        await open().screenshot(path.join(SCREENSHOTS, `${name}-user-text.png`));
      });
    }

    it("raised no script error or console warning in the page", () => {
      assert.deepEqual(open().problems(), []);
    });
  },
);
