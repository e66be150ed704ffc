/**
 * Reads a 100,000-user tenant the way a tenant-wide report does (every registration detail, a month of
 * in-scope sign-ins) through the Graph adapter, against the Graph simulator with throttling on at scale K.
 * The simulator runs in a child process, so the peak RSS printed is the adapter's own.
 *
 *   npx tsx bench/graph.bench.ts            (BENCH_GRAPH_USERS, BENCH_GRAPH_SCALE override the defaults)
 */
import { readConfig } from "../src/config";
import { generateTenant } from "../src/dev/generate-tenant";
import { createDirectory } from "../src/directory/create-directory";
import { AZURE_SERVICE_MANAGEMENT_RESOURCE_ID, PHASE1_APP_IDS, PHASE2_APP_IDS } from "../src/domain/apps";
import { createLogger } from "../src/logger";
import { benchMain } from "./support/bench-main";
import {
  serveSimulatorChild,
  simulatorStats,
  startSimulatorChild,
  stopSimulatorChild,
} from "./support/simulator-child";
import { peakRssMb, reportsMinimumMs } from "./support/throttle-figures";

export interface GraphBenchFigures {
  users: number;
  scale: number;
  registrationDetails: number;
  signIns: number;
  requests: number;
  expectedRequests: number;
  throttled: number;
  elapsedMs: number;
  minimumMs: number;
  ratio: number;
  peakRssMb: number;
}

/** Child mode: generate the tenant, serve it, print one JSON line, serve until killed. */
async function serveChild(users: number, scale: number): Promise<void> {
  const snapshot = generateTenant({ users, seed: 1 });
  await serveSimulatorChild(snapshot, scale, { capturedAt: snapshot.capturedAt });
}

export async function run(options: { users?: number; scale?: number } = {}): Promise<GraphBenchFigures> {
  const users = options.users ?? Number(process.env.BENCH_GRAPH_USERS ?? 100_000);
  const scale = options.scale ?? Number(process.env.BENCH_GRAPH_SCALE ?? 10);
  const child = await startSimulatorChild<{ capturedAt: string }>(__filename, users, scale);
  const directory = createDirectory(readConfig({}), createLogger({ level: "silent" }), {
    graphBaseUrl: child.baseUrl,
    caCertPem: child.caCertPem,
    throttleScale: scale,
  });
  try {
    const end = new Date(child.capturedAt);
    const window = { start: new Date(end.getTime() - 30 * 86_400_000), end };
    const scope = {
      appIds: [...PHASE1_APP_IDS, ...PHASE2_APP_IDS],
      resourceIds: [AZURE_SERVICE_MANAGEMENT_RESOURCE_ID],
    };
    const before = await simulatorStats(child);
    const started = performance.now();
    let registrationDetails = 0;
    const registration = await directory.listRegistrationDetails();
    if (registration.available) {
      for await (const _item of registration.items) {
        registrationDetails += 1;
      }
    }
    let signIns = 0;
    const signInStream = await directory.listSignIns(window, scope);
    if (signInStream.available) {
      for await (const _item of signInStream.items) {
        signIns += 1;
      }
    }
    const elapsedMs = performance.now() - started;
    const after = await simulatorStats(child);
    const requests = after.requests - before.requests;
    const minimumMs = reportsMinimumMs(requests, scale);
    return {
      users,
      scale,
      registrationDetails,
      signIns,
      requests,
      expectedRequests: Math.ceil(registrationDetails / 999) + Math.ceil(signIns / 1000),
      throttled: after.throttled - before.throttled,
      elapsedMs: Math.round(elapsedMs),
      minimumMs,
      ratio: minimumMs === 0 ? Number.NaN : Number((elapsedMs / minimumMs).toFixed(3)),
      peakRssMb: peakRssMb(),
    };
  } finally {
    directory.close();
    stopSimulatorChild(child);
  }
}

if (require.main === module) {
  benchMain({
    name: "graph",
    argv: process.argv.slice(2),
    serve: serveChild,
    run,
    checks: (figures) => ({
      requestsWithin1Percent:
        Math.abs(figures.requests - figures.expectedRequests) <= figures.expectedRequests * 0.01,
      zero429s: figures.throttled === 0,
      ratioAtMost1_15: figures.ratio <= 1.15,
      peakRssUnder300Mb: figures.peakRssMb < 300,
    }),
  });
}
