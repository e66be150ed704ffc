/**
 * Broadcast benchmark. A connector stub that enforces Teams' published limits (429 above them) runs in
 * this process; the sender runs in a child process, as the product does, through the real dispatcher,
 * ledger (SQLite on disk) and Bot Connector client.
 * 1. Throughput: 10,000 recipients at a tenant limit of BENCH_RPS (default 150/s, three times Teams' 50,
 *    to keep the run near a minute; the limiter is the same code at any rate): sustained rate vs the
 *    limit, lost, duplicates, 429s once warm, the sender's RSS at 1,000 and at 10,000 sent.
 * 2. First contact, nobody with a stored chat, against the Graph simulator (Teams' installedApps limits:
 *    30 POST/s, 60 GET/s) and the same connector stub: (a) BENCH_INSTALLED_USERS (3,000) who have the app,
 *    reached by opening their chat through the connector, no Graph call; (b) BENCH_NEW_USERS (1,500) who
 *    do not, installed through Graph first. Each against its floor max(installs / 30 s⁻¹, connector
 *    requests / BENCH_RPS), the floor of the requests made and the floor of the fewest possible.
 * 3. Crash: three runs of 2,000 recipients; the sender is killed with SIGKILL at random moments (twice per
 *    run) and started again; every recipient must be received exactly once, except rows the ledger
 *    reports as possibly duplicated (sent to Teams, killed before the ledger recorded it).
 */
import { type ChildProcess, fork } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { generateTenant } from "../src/dev/generate-tenant";
import { startGraphSimulator } from "../src/dev/graph-simulator";
import type { DeliveryTotals } from "../src/domain/broadcast";
import { startTeamsLimitsStub, type TeamsLimitsStub } from "../test/support/teams-limits-stub";
import { conversationOf, openedChatOf } from "./broadcast-fixture";
import { productNodeFlags } from "./support/product-node-flags";

const RPS = Number(process.env.BENCH_RPS ?? 150);
const USERS = Number(process.env.BENCH_USERS ?? 10_000);
const CRASH_USERS = Number(process.env.BENCH_CRASH_USERS ?? 2_000);
const INSTALLED_USERS = Number(process.env.BENCH_INSTALLED_USERS ?? 3_000);
const NEW_USERS = Number(process.env.BENCH_NEW_USERS ?? 1_500);
const TEAMS_APP_ID = "3c0ffee0-0000-4000-8000-0000000a9901";
const INSTALLS_PER_SECOND = 30;
/** The Node flags of package.json's start script (see productNodeFlags). */
const PRODUCT_NODE_FLAGS = productNodeFlags();

interface WorkerMessage {
  rss?: number;
  sent?: number;
  done?: boolean;
  totals?: DeliveryTotals;
  sendMs?: number;
}

function startWorker(
  dataDir: string,
  stub: TeamsLimitsStub,
  jobId: string,
  users: number,
  onMessage: (message: WorkerMessage) => void,
  graphFile?: string,
): ChildProcess {
  const child = fork(
    path.join(__dirname, "broadcast-worker.ts"),
    [dataDir, stub.serviceUrl, jobId, String(users), String(RPS), ...(graphFile ? [graphFile] : [])],
    {
      // The V8 flags `npm start` runs the product with (package.json), so the sender's memory is the product's.
      execArgv: [...PRODUCT_NODE_FLAGS, "--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    },
  );
  child.on("message", (message) => onMessage(message as WorkerMessage));
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null || child.signalCode !== null
      ? resolve(child.exitCode)
      : child.once("exit", (code) => resolve(code)),
  );

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
  firstContact: Array<Record<string, number | boolean | string>>;
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

/** A first broadcast to people with no stored chat: they have the app (`installed`) or not. */
async function firstContact(
  kind: "installed" | "notInstalled",
  users: number,
): Promise<Record<string, number | boolean | string>> {
  const snapshot = generateTenant({ users: Math.ceil(users * 1.3) + 50, seed: 7 });
  const members = snapshot.users
    .filter((user) => user.userType !== "Guest" && user.accountEnabled !== false)
    .slice(0, users);
  if (members.length < users) {
    throw new Error(`the generated tenant has ${members.length} members, ${users} wanted`);
  }
  const simulator = await startGraphSimulator({ snapshot, throttle: true, throttleScale: 1 });
  if (kind === "installed") {
    for (const user of members) {
      simulator.admin.installApp(user.id, TEAMS_APP_ID);
    }
  }
  const stub = await startTeamsLimitsStub({
    tenantRps: RPS,
    latencyMs: 20,
    isInstalled: (userId) => simulator.admin.isAppInstalled(userId, TEAMS_APP_ID),
  });
  const dataDir = mkdtempSync(path.join(tmpdir(), "mfa-bench-first-contact-"));
  const graphFile = path.join(dataDir, "graph.json");
  writeFileSync(
    graphFile,
    JSON.stringify({
      baseUrl: simulator.baseUrl,
      caCertPem: simulator.caCertPem,
      teamsAppId: TEAMS_APP_ID,
      userIds: members.map((user) => user.id),
    }),
  );
  let rssAt1k = 0;
  let rssMax = 0;
  let final: WorkerMessage | undefined;
  try {
    const child = startWorker(
      dataDir,
      stub,
      `bench-${kind}`,
      users,
      (message) => {
        if (message.rss !== undefined && message.sent !== undefined && message.sent >= 1_000) {
          rssAt1k ||= message.rss;
          rssMax = Math.max(rssMax, message.rss);
        }
        if (message.done) {
          final = message;
        }
      },
      graphFile,
    );
    const code = await exited(child);
    if (code !== 0 || !final) {
      throw new Error(`sender exited with ${code}`);
    }
    let once = 0;
    let duplicated = 0;
    for (const user of members) {
      const n = stub.accepted.get(openedChatOf(user.id)) ?? 0;
      once += n === 1 ? 1 : 0;
      duplicated += n > 1 ? 1 : 0;
    }
    const installs = simulator.stats.byPath["POST /users/{id}/teamwork/installedApps"] ?? 0;
    const requests = stub.requestsAt.length;
    const elapsedMs = stub.acceptedAt.at(-1)! - stub.requestsAt[0]!;
    const floorMs = Math.max((installs / INSTALLS_PER_SECOND) * 1000, (requests / RPS) * 1000);
    const fewest =
      kind === "installed" ? { installs: 0, requests: 2 * users } : { installs: users, requests: 2 * users };
    const fewestFloorMs = Math.max(
      (fewest.installs / INSTALLS_PER_SECOND) * 1000,
      (fewest.requests / RPS) * 1000,
    );
    const mb = (bytes: number) => Math.round(bytes / 1e6);
    return {
      case: kind === "installed" ? "app installed, no conversation" : "app not installed",
      recipients: users,
      tenantLimitPerSecond: RPS,
      graphInstalls: installs,
      graphInstalledAppsReads: simulator.stats.byPath["GET /users/{id}/teamwork/installedApps"] ?? 0,
      connectorRequests: requests,
      refusedNotInstalled: stub.refusedNotInstalled,
      elapsedSeconds: Number((elapsedMs / 1000).toFixed(2)),
      floorSeconds: Number((floorMs / 1000).toFixed(2)),
      timesFloor: Number((elapsedMs / floorMs).toFixed(3)),
      fewestRequestsFloorSeconds: Number((fewestFloorMs / 1000).toFixed(2)),
      timesFewestFloor: Number((elapsedMs / fewestFloorMs).toFixed(3)),
      receivedOnce: once,
      lost: users - once - duplicated,
      duplicates: duplicated,
      throttled429Teams: stub.throttledAt.length,
      throttled429Graph: simulator.stats.throttled,
      rssMbAt1000: mb(rssAt1k),
      rssGrowthMb: mb(rssMax - rssAt1k),
      ledgerSent: final.totals!.sent,
    };
  } finally {
    await stub.close();
    await simulator.close();
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
  const result: BroadcastBenchResult = { throughput: await throughput(), firstContact: [], crash: [] };
  process.stdout.write(`throughput ${JSON.stringify(result.throughput)}\n`);
  for (const [kind, users] of [
    ["installed", INSTALLED_USERS],
    ["notInstalled", NEW_USERS],
  ] as const) {
    const figures = await firstContact(kind, users);
    result.firstContact.push(figures);
    process.stdout.write(`firstContact ${JSON.stringify(figures)}\n`);
  }
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
        (t.percentOfLimit as number) >= 97 &&
        t.lost === 0 &&
        t.duplicates === 0 &&
        t.throttled429OnceWarm === 0 &&
        (t.rssGrowthMb as number) <= 50 &&
        result.firstContact.every(
          (f) =>
            (f.timesFloor as number) <= 1.03 &&
            f.lost === 0 &&
            f.duplicates === 0 &&
            f.throttled429Teams === 0 &&
            f.throttled429Graph === 0 &&
            (f.rssGrowthMb as number) <= 50,
        ) &&
        result.crash.every((c) => c.lost === 0 && c.everyDuplicateReported === true);
      process.stdout.write(
        `${ok ? "PASS" : "FAIL"}: broadcast targets (>= 97% of the limit with stored chats; first contact within 1.03x its floor, no 429; none lost or duplicated, RSS growth <= 50 MB, crash runs exact)\n`,
      );
      process.exitCode = ok ? 0 : 1;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
