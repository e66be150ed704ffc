/**
 * Broadcast benchmark. A connector stub that enforces Teams' published limits (429 above them) runs in
 * this process; the sender runs in a child process, as the product does, through the real dispatcher,
 * ledger (SQLite on disk) and Bot Connector client.
 * 1. Throughput: 10,000 recipients at a tenant limit of BENCH_RPS (default 150/s, three times Teams' 50,
 *    to keep the run near a minute; the limiter is the same code at any rate): sustained rate vs the
 *    limit, lost, duplicates, 429s once warm, the sender's RSS at 1,000 and at 10,000 sent.
 * 2. Crash: three runs of 2,000 recipients; the sender is killed with SIGKILL at random moments (twice per
 *    run) and started again; every recipient must be received exactly once, except rows the ledger
 *    reports as possibly duplicated (sent to Teams, killed before the ledger recorded it).
 */
import { type ChildProcess, fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DeliveryTotals } from "../src/storage/broadcast-types";
import { type TeamsLimitsStub, startTeamsLimitsStub } from "../test/support/teams-limits-stub";
import { conversationOf } from "./broadcast-fixture";

const RPS = Number(process.env.BENCH_RPS ?? 150);
const USERS = Number(process.env.BENCH_USERS ?? 10_000);
const CRASH_USERS = Number(process.env.BENCH_CRASH_USERS ?? 2_000);

interface WorkerMessage {
  rss?: number;
  sent?: number;
  done?: boolean;
  totals?: DeliveryTotals;
  sendMs?: number;
}

function startWorker(dataDir: string, stub: TeamsLimitsStub, jobId: string, users: number, onMessage: (message: WorkerMessage) => void): ChildProcess {
  const child = fork(path.join(__dirname, "broadcast-worker.ts"), [dataDir, stub.serviceUrl, jobId, String(users), String(RPS)], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  child.on("message", (message) => onMessage(message as WorkerMessage));
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code))));

function deliveryCounts(stub: TeamsLimitsStub, users: number) {
  let once = 0;
  let twice = 0;
  let lost = 0;
  for (let i = 1; i <= users; i++) {
    const n = stub.accepted.get(conversationOf(i)) ?? 0;
    if (n === 0) {
      lost += 1;
    } else if (n === 1) {
      once += 1;
    } else {
      twice += 1;
    }
  }
  return { once, duplicated: twice, lost };
}

export interface BroadcastBenchResult {
  throughput: Record<string, number | boolean>;
  crash: Array<Record<string, number | boolean>>;
}

async function throughput(): Promise<Record<string, number | boolean>> {
  const stub = await startTeamsLimitsStub({ tenantRps: RPS, latencyMs: 20 });
  const dataDir = mkdtempSync(path.join(tmpdir(), "mfa-bench-broadcast-"));
  let rssAt1k = 0;
  let rssMax = 0;
  let final: WorkerMessage | undefined;
  try {
    const child = startWorker(dataDir, stub, "bench-throughput", USERS, (message) => {
      if (message.rss !== undefined && message.sent !== undefined) {
        if (rssAt1k === 0 && message.sent >= 1_000) {
          rssAt1k = message.rss;
        }
        if (message.sent >= 1_000) {
          rssMax = Math.max(rssMax, message.rss);
        }
      }
      if (message.done) {
        final = message;
      }
    });
    const code = await exited(child);
    if (code !== 0 || !final) {
      throw new Error(`sender exited with ${code}`);
    }
    const times = stub.acceptedAt;
    // Sustained: from the end of the first second (the limiter's warm-up burst) to the last send.
    const warmAt = times[0]! + 1_000;
    const afterWarm = times.filter((time) => time >= warmAt);
    const sustained = ((afterWarm.length - 1) * 1000) / (afterWarm.at(-1)! - afterWarm[0]!);
    const counts = deliveryCounts(stub, USERS);
    const mb = (bytes: number) => Math.round(bytes / 1e6);
    return {
      recipients: USERS,
      tenantLimitPerSecond: RPS,
      sustainedPerSecond: Number(sustained.toFixed(1)),
      percentOfLimit: Number(((sustained / RPS) * 100).toFixed(1)),
      elapsedSeconds: Number(((times.at(-1)! - times[0]!) / 1000).toFixed(1)),
      receivedOnce: counts.once,
      lost: counts.lost,
      duplicates: counts.duplicated,
      throttled429Total: stub.throttledAt.length,
      throttled429OnceWarm: stub.throttledAt.filter((time) => time >= warmAt).length,
      rssMbAt1000: mb(rssAt1k),
      rssMbMaxTo10000: mb(rssMax),
      rssGrowthMb: mb(rssMax - rssAt1k),
      ledgerSent: final.totals!.sent,
    };
  } finally {
    await stub.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function crashRun(run: number): Promise<Record<string, number | boolean>> {
  const stub = await startTeamsLimitsStub({ tenantRps: RPS, latencyMs: 20 });
  const dataDir = mkdtempSync(path.join(tmpdir(), "mfa-bench-crash-"));
  const jobId = `bench-crash-${run}`;
  const expectedMs = (CRASH_USERS / RPS) * 1000;
  let kills = 0;
  let final: WorkerMessage | undefined;
  try {
    for (let attempt = 0; attempt < 10 && !final; attempt++) {
      const child = startWorker(dataDir, stub, jobId, CRASH_USERS, (message) => {
        if (message.done) {
          final = message;
        }
      });
      if (kills < 2) {
        // Somewhere in the first 60% of what is left, so each kill lands mid-send.
        const delay = 800 + Math.random() * expectedMs * 0.5;
        const timer = setTimeout(() => {
          if (child.exitCode === null) {
            child.kill("SIGKILL");
            kills += 1;
          }
        }, delay);
        await exited(child);
        clearTimeout(timer);
      } else {
        await exited(child);
      }
    }
    if (!final?.totals) {
      throw new Error("the job did not finish after restarts");
    }
    const counts = deliveryCounts(stub, CRASH_USERS);
    return {
      run,
      recipients: CRASH_USERS,
      kills,
      receivedOnce: counts.once,
      receivedTwice: counts.duplicated,
      lost: counts.lost,
      ledgerSent: final.totals.sent,
      ledgerPossiblyDuplicated: final.totals.possiblyDuplicated,
      everyDuplicateReported: counts.duplicated <= final.totals.possiblyDuplicated,
    };
  } finally {
    await stub.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BroadcastBenchResult> {
  const result: BroadcastBenchResult = { throughput: await throughput(), crash: [] };
  process.stdout.write(`throughput ${JSON.stringify(result.throughput)}\n`);
  for (let i = 1; i <= 3; i++) {
    const crash = await crashRun(i);
    result.crash.push(crash);
    process.stdout.write(`crash ${JSON.stringify(crash)}\n`);
  }
  return result;
}

if (require.main === module) {
  run().then(
    (result) => {
      const t = result.throughput;
      const ok =
        (t.percentOfLimit as number) >= 95 && t.lost === 0 && t.duplicates === 0 && t.throttled429OnceWarm === 0 && (t.rssGrowthMb as number) <= 50 &&
        result.crash.every((c) => c.lost === 0 && c.everyDuplicateReported === true);
      process.stdout.write(`${ok ? "PASS" : "FAIL"}: broadcast targets (>= 95% of the limit, none lost or duplicated, no 429 once warm, RSS growth <= 50 MB, crash runs exact)\n`);
      process.exitCode = ok ? 0 : 1;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
