/**
 * One bot instance's broadcast engine for the scale-out benchmark and test: the shared stores on Azure
 * Storage (Azurite), the real dispatcher, job runner, lease and resume poller, the real Bot Connector
 * client. It looks for unfinished jobs as the bot does, reports over IPC whether it is the sender, and
 * exits once the job is done, whoever finished it.
 */
import { createBroadcastConnector } from "../src/bot/broadcast-connector";
import { createBroadcastEngine } from "../src/features/broadcast/create-engine";
import { startResumePoller } from "../src/features/broadcast/resume-poller";
import { createLogger } from "../src/logger";
import { benchDirectory, benchVerdicts } from "./broadcast-fixture";
import { openShared, type ScaleOutWorkerArgs, type ScaleOutWorkerMessage, timed } from "./scale-out-fixture";

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2]!) as ScaleOutWorkerArgs;
  const stores = await openShared(args);
  const latencies: number[] = [];
  const jobs = timed(stores.broadcastJobs, latencies);
  const calls = new Map<string, number>();
  const ledger = timed(stores.broadcastLedger, latencies, calls);
  const logger = createLogger({ level: "warn", destination: process.stderr });
  const runner = createBroadcastEngine({
    jobs,
    ledger,
    conversationReferences: timed(stores.conversationReferences, latencies),
    directory: benchDirectory(args.users),
    verdicts: benchVerdicts(args.users),
    transport: createBroadcastConnector({ bot: { appType: "SingleTenant" } }),
    tenantRps: args.rps,
    logger,
    owner: `worker-${process.pid}`,
    leaseMs: args.leaseMs,
  });
  const send = (message: ScaleOutWorkerMessage) => process.send?.(message);
  const poller = startResumePoller({ runner, jobs, everyMs: args.resumeEveryMs, logger });
  if (args.startWith === undefined) {
    await poller.poll();
  } else {
    void runner.run(args.startWith);
  }
  for (;;) {
    send({ sending: runner.isRunning(args.jobId), marked: calls.get("markSending") ?? 0 });
    const states = await Promise.all(
      [args.jobId, ...(args.moreJobIds ?? [])].map(
        async (id) => (await stores.broadcastJobs.getJob(id))?.state,
      ),
    );
    if (states.every((state) => state === "done")) {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  poller.stop();
  await runner.stopAll();
  // Waits until the report is handed to the parent: exiting at once can drop a large IPC message.
  const final: ScaleOutWorkerMessage = {
    done: true,
    totals: await stores.broadcastLedger.totals(args.jobId),
    latencies,
    marked: calls.get("markSending") ?? 0,
    moreTotals: await Promise.all((args.moreJobIds ?? []).map((id) => stores.broadcastLedger.totals(id))),
  };
  await new Promise<void>(
    (resolve, reject) =>
      process.send?.(final, (error: Error | null) => (error ? reject(error) : resolve())) ?? resolve(),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
