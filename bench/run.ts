/**
 * `npm run bench`: every benchmark in bench/*.bench.ts, each in its own process so one's peak memory does
 * not show in another's figures, with the Node flags `npm start` gives the product (its memory and GC
 * pauses are the product's). Each prints its own figures. Pass names to run only some
 * (`npm run bench -- assess graph`).
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

import { productNodeFlags } from "./support/product-node-flags";

const wanted = process.argv.slice(2);
const names = readdirSync(__dirname)
  .filter((file) => file.endsWith(".bench.ts"))
  .map((file) => file.replace(/\.bench\.ts$/, ""))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

let failed = 0;
for (const name of names) {
  process.stdout.write(`\n== ${name}\n`);
  const bench = path.join(__dirname, `${name}.bench.ts`);
  const result = spawnSync(process.execPath, [...productNodeFlags(), "--import", "tsx", bench], {
    stdio: "inherit",
  });
  if (result.status !== 0) {
    failed += 1;
    process.stdout.write(`${name}: exited with ${result.status ?? result.signal}\n`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
