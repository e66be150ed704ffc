/**
 * The card gallery (`npm run gallery`, docs/cards/): every template rendered by the adaptivecards library
 * with Teams' host config, light and dark, in Chromium. A warning, or an element Teams does not show, fails.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import {
  GALLERY_DIR,
  galleryFile,
  type GalleryShot,
  renderGallery,
  teamsUnsupported,
  THEMES,
} from "../../scripts/card-gallery";
import { createCardRenderer } from "../../src/cards/render";
import type { AdaptiveCardJson } from "../../src/cards/types";
import { browserSkipReason } from "../support/browser";

describe("which cards Teams can show", () => {
  const card = (body: unknown[], version = "1.5"): AdaptiveCardJson =>
    ({ type: "AdaptiveCard", version, body }) as AdaptiveCardJson;

  it("accepts Adaptive Cards 1.5 elements and Teams' charts", () => {
    const chart = { type: "Chart.Donut", data: [], fallback: { type: "TextBlock", text: "…" } };
    assert.deepEqual(teamsUnsupported(card([{ type: "TextBlock", text: "x" }, chart])), []);
  });

  it("names an element, an action or a version Teams does not render", () => {
    const body = [
      { type: "Media", sources: [] },
      { type: "ActionSet", actions: [{ type: "Action.Http", title: "Send" }] },
    ];
    assert.deepEqual(teamsUnsupported(card(body, "1.6")), ["Media", "Action.Http", "version 1.6"]);
  });
});

describe("the card gallery", { skip: browserSkipReason(), timeout: 90_000 }, () => {
  const names = createCardRenderer().names();
  let out = "";
  let shots: GalleryShot[] = [];

  before(async () => {
    out = mkdtempSync(path.join(tmpdir(), "mfa-gallery-"));
    shots = await renderGallery(out);
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  it("renders every template in both themes", () => {
    assert.equal(shots.length, names.length * THEMES.length);
    assert.deepEqual(readdirSync(out).sort(), shots.map((shot) => `${shot.name}.${shot.theme}.png`).sort());
  });

  for (const theme of THEMES) {
    it(`${theme}: no template renders with a warning or an element Teams does not show`, () => {
      const faults = shots
        .filter((shot) => shot.theme === theme && (shot.problems.length > 0 || shot.unsupported.length > 0))
        .map((shot) => `${shot.name}: ${[...shot.problems, ...shot.unsupported].join("; ")}`);
      assert.deepEqual(faults, []);
    });
  }

  it("docs/cards holds a picture of each template in each theme, and nothing else (npm run gallery)", () => {
    const expected = names.flatMap((name) => THEMES.map((theme) => path.basename(galleryFile(name, theme))));
    const committed = readdirSync(GALLERY_DIR).filter((file) => file.endsWith(".png"));
    assert.deepEqual(committed.sort(), expected.sort());
  });
});
