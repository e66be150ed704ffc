/**
 * `npx tsx bench/assess.bench.ts`: the offline assessment (`mfa-ready assess --snapshot`, minus reading the
 * file and printing) over generated tenants of 10,000 and 100,000 users. Targets: 10k < 2 s, 100k < 20 s.
 */
import { generateTenant } from "../src/dev/generate-tenant";
import { parseSnapshot } from "../src/directory/snapshot";
import { snapshotFacts } from "../src/directory/snapshot-facts";
import { assessTenant } from "../src/domain/assess-tenant";

export interface AssessBenchFigure {
  users: number;
  signIns: number;
  /** JSON.parse + validation, as loadSnapshot does after reading the file. */
  parseSeconds: number;
  /** Join + assess every user. */
  assessSeconds: number;
  totalSeconds: number;
  targetSeconds: number;
  peakRssMb: number;
}

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

function measure(users: number, targetSeconds: number): AssessBenchFigure {
  const snapshot = generateTenant({ users, seed: 42 });
  const text = JSON.stringify(snapshot);
  const parseStart = process.hrtime.bigint();
  const parsed = parseSnapshot(text, `generated-${users}.json`);
  const parseSeconds = seconds(parseStart);
  const assessStart = process.hrtime.bigint();
  let assessed = 0;
  let affected = 0;
  for (const verdict of assessTenant(snapshotFacts(parsed))) {
    assessed += 1;
    affected += verdict.phase1 === "affected" || verdict.phase2 === "affected" ? 1 : 0;
  }
  const assessSeconds = seconds(assessStart);
  if (assessed !== users || affected === 0) {
    throw new Error(`assessed ${assessed} of ${users} users, ${affected} affected`);
  }
  return {
    users,
    signIns: parsed.signIns?.length ?? 0,
    parseSeconds,
    assessSeconds,
    totalSeconds: parseSeconds + assessSeconds,
    targetSeconds,
    // maxRSS is in kilobytes.
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

export function run(): AssessBenchFigure[] {
  return [measure(10_000, 2), measure(100_000, 20)];
}

if (require.main === module) {
  let missed = 0;
  for (const figure of run()) {
    const ok = figure.totalSeconds < figure.targetSeconds;
    missed += ok ? 0 : 1;
    process.stdout.write(
      `assess ${figure.users} users (${figure.signIns} sign-ins): parse+validate ${figure.parseSeconds.toFixed(2)} s, ` +
        `join+assess ${figure.assessSeconds.toFixed(2)} s, total ${figure.totalSeconds.toFixed(2)} s ` +
        `(target < ${figure.targetSeconds} s: ${ok ? "ok" : "MISSED"}), peak RSS ${figure.peakRssMb} MB\n`,
    );
  }
  process.exitCode = missed === 0 ? 0 : 1;
}
