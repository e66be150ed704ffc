// Close while waiting: requests that Graph answered 429 with Retry-After 120 s, then close(). Used in
// process by graph-directory-close.test.ts, and run as a child process (`node --import tsx THIS`) to show
// that nothing is left holding the process open: it prints one JSON line and must exit by itself.
import { generateTenant } from "../../src/dev/generate-tenant";
import { DirectoryError } from "../../src/directory/errors";
import { startHarness } from "./graph-directory-harness";

const ADELE = "a0000000-0000-4000-8000-000000000001";
const BEN = "a0000000-0000-4000-8000-000000000002";

export interface Outcome {
  what: string;
  reason?: string;
  code?: string;
  /** From close() to the rejection. */
  ms: number;
}

export interface CloseScenario {
  outcomes: Outcome[];
  /** Real time each request had been waiting when close() was called. */
  waitedBeforeCloseMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function closeWhileWaiting(): Promise<CloseScenario> {
  const snapshot = generateTenant({ users: 30, seed: 4 });
  const harness = await startHarness(snapshot);
  try {
    const { admin, stats } = harness.simulator;
    admin.injectFault({ pathPrefix: `/v1.0/users/${BEN}`, count: 1, status: 429, retryAfterSeconds: 120 });
    // An inner request of the user's $batch, and the beta sign-ins read beside it (which pauses the family).
    admin.injectFault({
      pathPrefix: `/v1.0/users/${ADELE}/authentication`,
      count: 1,
      status: 429,
      retryAfterSeconds: 120,
    });
    admin.injectFault({
      pathPrefix: "/beta/auditLogs/signIns",
      count: 1,
      status: 429,
      retryAfterSeconds: 120,
    });
    const end = new Date(snapshot.capturedAt);
    const window = { start: new Date(end.getTime() - 30 * 86_400_000), end };
    const started = Date.now();
    const pending: Array<[string, Promise<unknown>]> = [
      ["a request retrying after its Retry-After", harness.directory.getUser(BEN)],
      ["a $batch retrying an inner 429", harness.directory.getUserFacts(ADELE, window)],
    ];
    // The 429s answered, and a moment for the client to start its two-minute waits.
    while (stats.faults < 3 || !harness.lines.some((line) => line.includes('"graph retry"'))) {
      await sleep(10);
    }
    await sleep(100);
    // A third caller queues behind the sign-ins family the 429 paused.
    pending.push([
      "a request waiting for its paused family",
      harness.directory.listSignIns(window, { appIds: [], resourceIds: [] }),
    ]);
    await sleep(50);
    const waitedBeforeCloseMs = Date.now() - started;
    const closedAt = Date.now();
    harness.directory.close();
    const outcomes = await Promise.all(
      pending.map(async ([what, promise]): Promise<Outcome> => {
        try {
          await promise;
          return { what, ms: Date.now() - closedAt };
        } catch (error) {
          return error instanceof DirectoryError
            ? { what, reason: error.reason, code: error.extra.code, ms: Date.now() - closedAt }
            : { what, reason: `not a DirectoryError: ${String(error)}`, ms: Date.now() - closedAt };
        }
      }),
    );
    return { outcomes, waitedBeforeCloseMs };
  } finally {
    await harness.close();
  }
}

if (require.main === module) {
  closeWhileWaiting().then(
    (scenario) => process.stdout.write(`${JSON.stringify(scenario)}\n`),
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
