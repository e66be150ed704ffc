/**
 * The sending process of the broadcast benchmark: opens the database under argv[2], seeds the tenant's
 * chats and the job when missing (idempotent), and runs the job to its end. Reports its RSS and the
 * rows sent every 200 ms over IPC. The crash test kills it with SIGKILL and starts it again.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

import { readConfig } from "../src/config";
import { createDirectory } from "../src/directory/create-directory";
import { createLogger } from "../src/logger";
import { openEmbeddedStores } from "../src/storage";
import { benchEngine, newBenchJob, seedConversations, useBenchUsers } from "./broadcast-fixture";

/**
 * argv: dataDir serviceUrl jobId users rps [graph.json]. With graph.json ({ baseUrl, caCertPem,
 * teamsAppId, userIds }) nobody has a stored chat: the recipients are the simulated tenant's members,
 * reached by opening a chat through the connector, and installing through Graph where needed.
 */
async function main(): Promise<void> {
  const [dataDir, serviceUrl, jobId, usersText, rpsText, graphFile] = process.argv.slice(2);
  const users = Number(usersText);
  const rps = Number(rpsText);
  const stores = openEmbeddedStores(dataDir!);
  const graph = graphFile
    ? (JSON.parse(readFileSync(path.resolve(graphFile), "utf8")) as {
        baseUrl: string;
        caCertPem: string;
        teamsAppId: string;
        userIds: string[];
      })
    : undefined;
  if (graph) {
    useBenchUsers(graph.userIds);
  } else if ((await stores.conversationReferences.count("b3e0c4a5-0000-4000-8000-00000000be0c")) < users) {
    seedConversations(stores, users, serviceUrl!);
  }
  const install = graph
    ? createDirectory(readConfig({}), createLogger({ level: "warn", destination: process.stderr }), {
        graphBaseUrl: graph.baseUrl,
        caCertPem: graph.caCertPem,
      })
    : undefined;
  const { runner, jobs, ledger } = benchEngine(stores, {
    users,
    serviceUrl: serviceUrl!,
    rps,
    owner: `worker-${process.pid}`,
    install,
    teamsAppId: graph?.teamsAppId,
  });
  await newBenchJob(jobs, jobId!);
  const report = async () => {
    const totals = await ledger.totals(jobId!);
    process.send?.({
      rss: process.memoryUsage().rss,
      heap: process.memoryUsage().heapUsed,
      sent: totals.sent,
      total: totals.total,
    });
  };
  const timer = setInterval(() => void report(), 200);
  // A previous process killed mid-run still holds the lease until it expires: wait for it.
  for (;;) {
    const end = await runner.run(jobId!);
    if (end === "done") {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  clearInterval(timer);
  await report();
  const totals = await ledger.totals(jobId!);
  const cpu = process.cpuUsage();
  process.send?.({
    done: true,
    totals,
    sendMs: (await jobs.getJob(jobId!))!.sendMs,
    cpuMsPerMessage: (cpu.user + cpu.system) / 1000 / Math.max(1, totals.sent),
  });
  install?.close();
  stores.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
