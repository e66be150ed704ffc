/**
 * `npx tsx bench/status.bench.ts`: status checks through the bot's HTTP endpoint (authenticated
 * POST /api/messages, Action.Execute "Refresh", so every check reads Graph: one $batch) against the Graph
 * simulator serving the demo tenant, with 0 ms and 100 ms added to every Graph response. Prints checks
 * per second and p50/p99 bot time per check. The client-side Graph limits are scaled up (x1000) so the
 * figures show the bot's own cost, not the reports API's 5 requests / 10 s per tenant.
 */
import { DEMO, startStatusBot } from "../test/support/status-bot";

export interface StatusBenchFigure {
  latencyMs: number;
  concurrency: number;
  checks: number;
  checksPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Cached answers (automatic refresh within a minute), for comparison. */
  cachedP50Ms: number;
}

const USERS = Object.values(DEMO);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function measure(latencyMs: number, checks: number, concurrency: number): Promise<StatusBenchFigure> {
  const app = await startStatusBot(undefined, { latencyMs });
  try {
    // Warm-up: TLS sessions, the tenant's method policy, JIT.
    for (const user of USERS) {
      await app.refresh(user);
    }
    const times: number[] = [];
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < checks) {
        const user = USERS[next++ % USERS.length]!;
        const answer = await app.refresh(user);
        if (answer.status !== 200 || answer.card.id !== "status") {
          throw new Error(`check for ${user} answered ${answer.status} ${String(answer.card.id)}`);
        }
        times.push(answer.ms);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const elapsedSeconds = (performance.now() - started) / 1000;
    const cached: number[] = [];
    for (const user of USERS) {
      cached.push((await app.refresh(user, "automatic")).ms);
    }
    times.sort((a, b) => a - b);
    cached.sort((a, b) => a - b);
    return {
      latencyMs,
      concurrency,
      checks: times.length,
      checksPerSecond: times.length / elapsedSeconds,
      p50Ms: percentile(times, 50),
      p99Ms: percentile(times, 99),
      cachedP50Ms: percentile(cached, 50),
    };
  } finally {
    await app.close();
  }
}

export async function run(): Promise<StatusBenchFigure[]> {
  const figures: StatusBenchFigure[] = [];
  for (const [latencyMs, checks, concurrency] of [
    [0, 400, 1],
    [0, 800, 8],
    [100, 40, 1],
    [100, 400, 8],
  ] as const) {
    const figure = await measure(latencyMs, checks, concurrency);
    figures.push(figure);
    process.stdout.write(
      `status: Graph +${figure.latencyMs} ms, ${figure.concurrency} at a time: ${figure.checks} checks, ` +
        `${figure.checksPerSecond.toFixed(1)} checks/s, p50 ${figure.p50Ms.toFixed(1)} ms, p99 ${figure.p99Ms.toFixed(1)} ms ` +
        `(cached p50 ${figure.cachedP50Ms.toFixed(1)} ms)\n`,
    );
  }
  return figures;
}

if (require.main === module) {
  run().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
