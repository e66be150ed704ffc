/**
 * Scale-out benchmark: two bot instances (each its own process, bench/scale-out-worker.ts) share one
 * Azure Storage account (Azurite, started here on loopback) and send one broadcast of 10,000 recipients
 * to the Teams-limits connector stub. Whichever takes the job's lease sends; the other stands by and
 * watches for it. Figures: the sustained rate vs BROADCAST_RPS (target at least 95 %), lost and
 * duplicated recipients (target 0), 429s once warm, and the latency of every store operation the
 * instances made (p50 / p99).
 */
import { randomUUID } from "node:crypto";

import { startAzurite } from "../test/support/azurite";
import { startScaleOutWorker } from "../test/support/scale-out-workers";
import { startTeamsLimitsStub } from "../test/support/teams-limits-stub";
import { conversationOf, newBenchJob } from "./broadcast-fixture";
import { openShared, percentile, seedAzureConversations } from "./scale-out-fixture";
import { benchMain } from "./support/bench-main";

const RPS = Number(process.env.BENCH_RPS ?? 50);
const USERS = Number(process.env.BENCH_USERS ?? 10_000);

interface ScaleOutFigures {
  recipients: number;
  instances: number;
  tenantLimitPerSecond: number;
  sustainedPerSecond: number;
  percentOfLimit: number;
  sendSeconds: number;
  prepareAndSeedSeconds: number;
  lost: number;
  duplicates: number;
  throttled429OnceWarm: number;
  ledgerSent: number;
  sendingInstances: number;
  storeOps: number;
  storeOpMsP50: number;
  storeOpMsP99: number;
}

async function run(): Promise<ScaleOutFigures> {
  const azurite = await startAzurite();
  const stub = await startTeamsLimitsStub({ tenantRps: RPS, latencyMs: 20 });
  const args = {
    connectionString: azurite.connectionString,
    prefix: `b${randomUUID().slice(0, 8)}`,
    serviceUrl: stub.serviceUrl,
    jobId: "bench-scale-out",
    users: USERS,
    rps: RPS,
    leaseMs: 10_000,
    resumeEveryMs: 1_000,
  };
  const seedStarted = performance.now();
  try {
    const stores = await openShared(args);
    await seedAzureConversations(stores, USERS, stub.serviceUrl);
    await newBenchJob(stores.broadcastJobs, args.jobId);
    const workers = [startScaleOutWorker(args), startScaleOutWorker(args)];
    const codes = await Promise.all(workers.map((w) => w.exited));
    if (codes.some((code) => code !== 0) || workers.some((w) => !w.final?.totals)) {
      throw new Error(`an instance exited with ${codes.join(", ")}`);
    }
    const times = stub.acceptedAt;
    // Sustained: from the end of the first second (the limiter's warm-up) to the last send.
    const warmAt = times[0]! + 1_000;
    const afterWarm = times.filter((time) => time >= warmAt);
    const sustained = ((afterWarm.length - 1) * 1000) / (afterWarm.at(-1)! - afterWarm[0]!);
    let lost = 0;
    let duplicates = 0;
    for (let i = 1; i <= USERS; i++) {
      const n = stub.accepted.get(conversationOf(i)) ?? 0;
      lost += n === 0 ? 1 : 0;
      duplicates += n > 1 ? 1 : 0;
    }
    const latencies = workers.flatMap((w) => w.final!.latencies ?? []);
    return {
      recipients: USERS,
      instances: workers.length,
      tenantLimitPerSecond: RPS,
      sustainedPerSecond: Number(sustained.toFixed(1)),
      percentOfLimit: Number(((sustained / RPS) * 100).toFixed(1)),
      sendSeconds: Number(((times.at(-1)! - times[0]!) / 1000).toFixed(1)),
      prepareAndSeedSeconds: Number(((times[0]! - seedStarted) / 1000).toFixed(1)),
      lost,
      duplicates,
      throttled429OnceWarm: stub.throttledAt.filter((time) => time >= warmAt).length,
      ledgerSent: workers[0]!.final!.totals!.sent,
      sendingInstances: workers.filter((w) => (w.final!.marked ?? 0) > 0).length,
      storeOps: latencies.length,
      storeOpMsP50: Number(percentile(latencies, 50).toFixed(1)),
      storeOpMsP99: Number(percentile(latencies, 99).toFixed(1)),
    };
  } finally {
    await stub.close();
    await azurite.stop();
  }
}

benchMain<ScaleOutFigures>({
  name: "scale-out",
  argv: process.argv.slice(2),
  serve: () => Promise.reject(new Error("scale-out serves no simulator of its own")),
  run,
  checks: (f) => ({
    atLeast95PercentOfLimit: f.percentOfLimit >= 95,
    noneLost: f.lost === 0,
    noneDuplicated: f.duplicates === 0,
    no429OnceWarm: f.throttled429OnceWarm === 0,
    oneSenderAtATime: f.sendingInstances === 1,
  }),
});
