import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The Node flags of package.json's start script: a benchmark that measures the product's memory or its
 * pauses runs with them, as the product does. A 2 MB young generation keeps an idle bot small (graph-mode
 * idle RSS 130-138 MB against 149 MB at 8 MB); with so small a one, every page a scan reads ahead is
 * promoted and dies in the old generation, and V8's default growth let that garbage reach 400 MB in the
 * report bench: --heap-growing-percent=100 (the old generation may double its live size before a full
 * collection) held its peak to 329-333 MB, at 50 to 294-334 MB but with the ratio 1.048-1.055 against
 * 1.046-1.047 (more full collections on the scan's thread).
 */
export function productNodeFlags(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as {
    scripts: { start: string };
  };
  return manifest.scripts.start.split(/\s+/).filter((word) => word.startsWith("--"));
}
