/**
 * Draws the Teams app icons and writes them to appPackage/: color.png (192x192, full colour) and
 * outline.png (32x32, white on a transparent background, as Teams requires). Run it after changing
 * the drawing: `npx tsx scripts/make-icons.ts`. The PNGs are committed.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";

import { PNG } from "pngjs";

type Rgb = readonly [number, number, number];
/** The manifest's accentColor, so the icon and the Teams tile match. */
export const ACCENT: Rgb = [0x0f, 0x6c, 0xbd];
const WHITE: Rgb = [255, 255, 255];

/** Half the width of the shield at height y (coordinates 0..1), or -1 outside its height. */
function shieldHalfWidth(y: number, scale: number): number {
  const top = 0.5 - 0.32 * scale;
  const shoulder = 0.5 + 0.02 * scale;
  const tip = 0.5 + 0.36 * scale;
  const half = 0.26 * scale;
  if (y < top || y > tip) {
    return -1;
  }
  if (y <= shoulder) {
    return half;
  }
  const t = (y - shoulder) / (tip - shoulder);
  return half * Math.sqrt(1 - t * t);
}

const inShield = (x: number, y: number, scale = 1) => Math.abs(x - 0.5) <= shieldHalfWidth(y, scale);

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const inCheck = (x: number, y: number, thickness: number) =>
  Math.min(
    distanceToSegment(x, y, 0.37, 0.49, 0.46, 0.59),
    distanceToSegment(x, y, 0.46, 0.59, 0.64, 0.38),
  ) <= thickness;

/** Renders with 4x4 supersampling; `paint` answers a colour and opacity for a point, or undefined. */
function draw(
  size: number,
  paint: (x: number, y: number) => { rgb: Rgb; alpha: number } | undefined,
): Buffer {
  const png = new PNG({ width: size, height: size });
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const hit = paint((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (hit) {
            r += hit.rgb[0] * hit.alpha;
            g += hit.rgb[1] * hit.alpha;
            b += hit.rgb[2] * hit.alpha;
            a += hit.alpha;
          }
        }
      }
      const offset = (py * size + px) * 4;
      png.data[offset] = a > 0 ? Math.round(r / a) : 0;
      png.data[offset + 1] = a > 0 ? Math.round(g / a) : 0;
      png.data[offset + 2] = a > 0 ? Math.round(b / a) : 0;
      png.data[offset + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return PNG.sync.write(png);
}

/** A white shield with a check mark on the accent colour, edge to edge. */
export function colorIcon(): Buffer {
  return draw(192, (x, y) => {
    if (inShield(x, y) && !inCheck(x, y, 0.045)) {
      return { rgb: WHITE, alpha: 1 };
    }
    return { rgb: ACCENT, alpha: 1 };
  });
}

/** The same shield as a white outline with a white check mark; everything else transparent. */
export function outlineIcon(): Buffer {
  return draw(32, (x, y) => {
    const ring = inShield(x, y, 1.15) && !inShield(x, y, 0.85);
    return ring || inCheck(x, y, 0.06) ? { rgb: WHITE, alpha: 1 } : undefined;
  });
}

if (require.main === module) {
  const dir = path.resolve(__dirname, "..", "appPackage");
  writeFileSync(path.join(dir, "color.png"), colorIcon());
  writeFileSync(path.join(dir, "outline.png"), outlineIcon());
  process.stdout.write(`Wrote ${dir}/color.png and outline.png\n`);
}
