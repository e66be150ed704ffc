/**
 * Writes a generated tenant snapshot: `tsx src/dev/generate-demo-tenant.ts` rewrites the committed demo
 * (src/dev/demo-tenant.json, 300 users); `--users 100000 --out FILE` makes a benchmark tenant.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { generateTenant } from "./generate-tenant";

const DEMO_FILE = path.join(__dirname, "demo-tenant.json");

const USAGE = `usage: tsx src/dev/generate-demo-tenant.ts [--users N] [--seed N] [--captured-at ISO] [--no-premium] [--out FILE]
  --users N          how many users (default 300: the committed demo tenant)
  --seed N           the generator's seed; the same seed gives the same tenant (default 1)
  --captured-at ISO  the snapshot's capturedAt, the end of the sign-in window (default: the demo's date)
  --no-premium       a tenant without Entra ID P1 (no registration details, no sign-in logs)
  --out FILE         where to write it (default src/dev/demo-tenant.json)
Prints one JSON line: the file, users, sign-ins, bytes and milliseconds.
`;

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      users: { type: "string", default: "300" },
      seed: { type: "string", default: "1" },
      "captured-at": { type: "string" },
      "no-premium": { type: "boolean", default: false },
      out: { type: "string", default: DEMO_FILE },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const started = Date.now();
  const snapshot = generateTenant({
    users: Number(values.users),
    seed: Number(values.seed),
    capturedAt: values["captured-at"],
    premium: !values["no-premium"],
  });
  // The small demo is indented for reading and diffs; big benchmark tenants are compact.
  const text = snapshot.users.length <= 1000 ? JSON.stringify(snapshot, null, 1) : JSON.stringify(snapshot);
  writeFileSync(values.out, `${text}\n`);
  process.stdout.write(
    `${JSON.stringify({ file: values.out, users: snapshot.users.length, signIns: snapshot.signIns?.length, bytes: Buffer.byteLength(text) + 1, ms: Date.now() - started })}\n`,
  );
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`generate-demo-tenant: ${(error as Error).message}\n`);
    process.exitCode = 2;
  }
}
