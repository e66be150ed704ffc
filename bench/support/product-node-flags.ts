import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The Node flags of package.json's start script (`node --max-semi-space-size=2 dist/start.js`): a
 * benchmark that measures the product's memory or its pauses runs with them, as the product does.
 */
export function productNodeFlags(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as {
    scripts: { start: string };
  };
  return manifest.scripts.start.split(/\s+/).filter((word) => word.startsWith("--"));
}
