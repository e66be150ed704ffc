/**
 * `npm run gallery`: every card template in adaptiveCards/, expanded with its sample data
 * (test/fixtures/cards/), rendered by the official adaptivecards renderer with Teams' host config in
 * headless Chromium (Debian's, never a downloaded one), light and dark, as PNGs in docs/cards/. It fails
 * (exit 1) when a card renders with a warning or holds an element Teams does not show.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

import { createCardRenderer } from "../src/cards/render";
import type { AdaptiveCardJson } from "../src/cards/types";
import { findChromium, launchChromium } from "../test/support/browser";
import { openCardPage } from "../test/support/browser-card-page";
import type { TeamsTheme } from "../test/support/browser-teams-host-config";
import { isCoveredByFallback, walkCard } from "../test/support/card-nodes";

const ROOT = path.resolve(__dirname, "..");
export const GALLERY_DIR = path.join(ROOT, "docs", "cards");
const SAMPLES = path.join(ROOT, "test", "fixtures", "cards");
export const THEMES: readonly TeamsTheme[] = ["light", "dark"];

/**
 * What Teams renders of Adaptive Cards 1.5 (its documented support, plus its own Chart.* elements). A
 * type outside this list is dropped or shown as an error by Teams, whatever another host does with it.
 */
const TEAMS_TYPES = new Set([
  "AdaptiveCard",
  "TextBlock",
  "RichTextBlock",
  "TextRun",
  "Image",
  "ImageSet",
  "Container",
  "ColumnSet",
  "Column",
  "FactSet",
  "ActionSet",
  "Table",
  "TableRow",
  "TableCell",
  "Input.Text",
  "Input.Number",
  "Input.Date",
  "Input.Time",
  "Input.Toggle",
  "Input.ChoiceSet",
  "Action.Execute",
  "Action.Submit",
  "Action.OpenUrl",
  "Action.ShowCard",
  "Action.ToggleVisibility",
  "Chart.Donut",
  "Chart.Pie",
  "Chart.VerticalBar",
  "Chart.VerticalBar.Grouped",
  "Chart.HorizontalBar",
  "Chart.HorizontalBar.Stacked",
  "Chart.Line",
  "Chart.Gauge",
]);

/** Element and action types in the card that Teams does not render, and a version above its 1.5. */
export function teamsUnsupported(card: AdaptiveCardJson): string[] {
  const types = [...walkCard(card)].map((node) => node.type).filter((type) => typeof type === "string");
  const unknown = [...new Set(types.filter((type) => !TEAMS_TYPES.has(type)))];
  const version = Number(card.version);
  return version > 1.5 ? [...unknown, `version ${card.version}`] : unknown;
}

export function gallerySample(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(SAMPLES, `${name}.json`), "utf8")) as Record<string, unknown>;
}

export const galleryFile = (name: string, theme: TeamsTheme) =>
  path.join(GALLERY_DIR, `${name}.${theme}.png`);

export interface GalleryShot {
  name: string;
  theme: TeamsTheme;
  /** Parse and validation events (but an unknown host element with a fallback), page warnings. */
  problems: string[];
  unsupported: string[];
  height: number;
}

/** Renders every template in each theme; writes the PNGs to `outDir` (docs/cards/ by default). */
export async function renderGallery(outDir: string = GALLERY_DIR): Promise<GalleryShot[]> {
  const renderer = createCardRenderer();
  const browser = await launchChromium();
  const shots: GalleryShot[] = [];
  try {
    for (const theme of THEMES) {
      const page = await openCardPage(browser.context, theme);
      for (const name of renderer.names()) {
        const card = renderer.render(name, gallerySample(name));
        const before = page.problems().length;
        const result = await page.render(card);
        await page.screenshot(path.join(outDir, path.basename(galleryFile(name, theme))));
        const events = result.events.filter((event) => !isCoveredByFallback(card, event));
        const problems = [...events, ...page.problems().slice(before)];
        shots.push({ name, theme, problems, unsupported: teamsUnsupported(card), height: result.height });
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return shots;
}

async function main(): Promise<number> {
  if (!findChromium()) {
    process.stderr.write("gallery: chromium is not installed (apt-get install -y chromium)\n");
    return 2;
  }
  // Written afresh: a template that was removed leaves no picture behind.
  mkdirSync(GALLERY_DIR, { recursive: true });
  for (const file of readdirSync(GALLERY_DIR, { withFileTypes: true })) {
    if (file.isFile() && file.name.endsWith(".png")) {
      rmSync(path.join(GALLERY_DIR, file.name));
    }
  }
  const shots = await renderGallery();
  let bad = 0;
  for (const shot of shots) {
    const faults = [...shot.problems, ...shot.unsupported.map((type) => `not shown by Teams: ${type}`)];
    bad += faults.length > 0 ? 1 : 0;
    const where = path.relative(ROOT, galleryFile(shot.name, shot.theme));
    process.stdout.write(`${faults.length > 0 ? "FAIL" : "ok  "} ${where} (${Math.round(shot.height)} px)\n`);
    faults.forEach((fault) => process.stdout.write(`     ${fault}\n`));
  }
  process.stdout.write(`${shots.length} cards rendered, ${bad} with problems\n`);
  return bad > 0 ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`gallery: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
