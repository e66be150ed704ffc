import { readFileSync } from "node:fs";
import path from "node:path";

/** Name and version from package.json, one level above src/ and dist/ alike. */
export function appVersion(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(path.resolve(__dirname, "..", "package.json"), "utf8")) as {
    name: string;
    version: string;
  };
  return { name: pkg.name, version: pkg.version };
}
