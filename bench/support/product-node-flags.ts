import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The Node flags of package.json's start script: a benchmark that measures the product's memory or its
 * pauses runs with them, as the product does. Why those flags: a 2 MB young generation keeps an idle bot
 * small (graph-mode idle RSS about 138 MB, 149 MB at 8 MB); with one so small, every page a scan reads
 * ahead is promoted and dies in the old generation, and --heap-growing-percent=100 (the old generation may
 * double its live size before a full collection) keeps that garbage from taking the report bench past
 * 400 MB (about 330 MB with it; at 50 the ratio suffered from the extra full collections).
 */
export function productNodeFlags(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as {
    scripts: { start: string };
  };
  return manifest.scripts.start.split(/\s+/).filter((word) => word.startsWith("--"));
}
