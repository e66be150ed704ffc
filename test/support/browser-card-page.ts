import { readFileSync } from "node:fs";
import path from "node:path";

import type { BrowserContext, Page } from "playwright-core";

import type { AdaptiveCardJson } from "../../src/cards/types";
import { type TeamsTheme, teamsTheme } from "./browser-teams-host-config";

const MODULES = path.resolve(__dirname, "..", "..", "node_modules");

/** What the adaptivecards renderer made of one card in the page. */
export interface CardRender {
  /** Parse and validation events, as "Kind: message"; a clean card has none. */
  events: string[];
  rendered: boolean;
  /** The card's text as the person sees it (innerText, after Markdown). */
  text: string;
  /** The title of every button rendered. */
  buttons: string[];
  /** Buttons cut off by the bubble's edge or whose title is shortened with an ellipsis. */
  clipped: string[];
  height: number;
}

export interface CardPage {
  render(card: AdaptiveCardJson): Promise<CardRender>;
  /** A PNG of the message bubble holding the last card rendered. */
  screenshot(file: string): Promise<void>;
  /** Script errors and console errors or warnings in the page since it opened. */
  problems(): string[];
  close(): Promise<void>;
}

/**
 * Runs in the page. Plain JavaScript in a string, so no transpiler helper leaks into the browser. The
 * adaptivecards library parses at 1.5 like a host, renders with the Teams host config, and renders
 * TextBlock Markdown through markdown-it (the library picks up window.markdownit, as Teams renders it).
 */
const pageScript = (hostConfig: Record<string, unknown>) => `
window.mfaRenderCard = function (json) {
  var AC = window.AdaptiveCards;
  var card = new AC.AdaptiveCard();
  card.hostConfig = new AC.HostConfig(${JSON.stringify(hostConfig)});
  var context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  var events = [];
  for (var i = 0; i < context.eventCount; i++) {
    var e = context.getEventAt(i);
    events.push(AC.ValidationEvent[e.event] + ": " + e.message);
  }
  card.validateProperties().validationEvents.forEach(function (e) {
    events.push(AC.ValidationEvent[e.event] + ": " + e.message);
  });
  var bubble = document.getElementById("bubble");
  bubble.replaceChildren();
  var element = card.render();
  if (element) { bubble.appendChild(element); }
  var box = bubble.getBoundingClientRect();
  var buttons = [], clipped = [];
  bubble.querySelectorAll("button").forEach(function (b) {
    var title = (b.getAttribute("aria-label") || b.innerText).trim();
    var r = b.getBoundingClientRect(), label = b.firstElementChild || b;
    buttons.push(title);
    if (r.width > 0 && (r.left < box.left || r.right > box.right + 0.5 || label.scrollWidth > label.clientWidth + 1)) {
      clipped.push(title);
    }
  });
  return { events: events, rendered: !!element, text: bubble.innerText, buttons: buttons, clipped: clipped,
    height: box.height };
};`;

const script = (file: string) => readFileSync(path.join(MODULES, file), "utf8");

/**
 * A page with the adaptivecards library and nothing from the network (the files come from node_modules),
 * in Teams' light theme or its dark one.
 */
export async function openCardPage(context: BrowserContext, theme: TeamsTheme = "light"): Promise<CardPage> {
  const { hostConfig, css } = teamsTheme(theme);
  const page: Page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  await page.setViewportSize({ width: 560, height: 900 });
  await page.setContent(
    `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body><div id="bubble"></div></body></html>`,
  );
  await page.addScriptTag({ content: script("markdown-it/dist/browser/markdown-it.umd.min.js") });
  await page.addScriptTag({ content: script("adaptivecards/dist/adaptivecards.min.js") });
  await page.addScriptTag({ content: pageScript(hostConfig) });
  return {
    async render(card) {
      return (await page.evaluate(`window.mfaRenderCard(${JSON.stringify(card)})`)) as CardRender;
    },
    async screenshot(file) {
      await page.locator("#bubble").screenshot({ path: file });
    },
    problems: () => [...problems],
    close: () => page.close(),
  };
}
