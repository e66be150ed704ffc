/**
 * `npm run bench`: every benchmark in turn, each printing its own figures. A benchmark is a module in
 * bench/ that exports `run(): Promise<Record<string, unknown>>`; pass names to run only some
 * (`npm run bench -- assess graph`).
 */
import { readdirSync } from "node:fs";
import path from "node:path";

interface Benchmark {
  run(): Promise<Record<string, unknown>>;
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const names = readdirSync(__dirname)
    .filter((file) => file.endsWith(".bench.ts"))
    .map((file) => file.replace(/\.bench\.ts$/, ""))
    .filter((name) => wanted.length === 0 || wanted.includes(name))
    .sort();
  for (const name of names) {
    process.stdout.write(`\n== ${name}\n`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- benchmarks are discovered by file name
    const bench = require(path.join(__dirname, `${name}.bench.ts`)) as Benchmark;
    const figures = await bench.run();
    process.stdout.write(`${JSON.stringify({ bench: name, ...figures })}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
