import assert from "node:assert/strict";
import { randomInt, randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";

import { conversationOf, newBenchJob } from "../../bench/broadcast-fixture";
import { openShared, seedAzureConversations } from "../../bench/scale-out-fixture";
import { type Azurite, startAzurite } from "../support/azurite";
import { type ScaleOutWorker, startScaleOutWorker } from "../support/scale-out-workers";
import { startTeamsLimitsStub } from "../support/teams-limits-stub";

const USERS = 300;
const RPS = 100;
const RUNS = 3;

const waitFor = async (what: string, check: () => boolean, timeoutMs = 60_000) => {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

/**
 * Two instances share one Azure Storage account (Azurite). One takes the job's lease and sends; it is
 * killed with SIGKILL at a random point; the other takes the job over once the lease expires and
 * finishes it. Every recipient is reached; a recipient reached twice is one the ledger reports as
 * possibly duplicated (sent, then killed before the ledger recorded it).
 */
describe("scale-out: a broadcast survives kill -9 of the sending instance", () => {
  let azurite: Azurite;
  before(async () => {
    azurite = await startAzurite();
  });
  after(async () => {
    await azurite.stop();
  });

  for (let run = 1; run <= RUNS; run++) {
    it(
      `run ${run}: the other instance finishes, 0 lost, duplicates only where flagged`,
      { timeout: 120_000 },
      async () => {
        const stub = await startTeamsLimitsStub({ tenantRps: RPS, latencyMs: 10 });
        const args = {
          connectionString: azurite.connectionString,
          prefix: `k${run}${randomUUID().slice(0, 8)}`,
          serviceUrl: stub.serviceUrl,
          jobId: `job-${run}`,
          users: USERS,
          rps: RPS,
          leaseMs: 2_000,
          resumeEveryMs: 300,
        };
        const workers: ScaleOutWorker[] = [];
        try {
          const stores = await openShared(args);
          await seedAzureConversations(stores, USERS, stub.serviceUrl);
          await newBenchJob(stores.broadcastJobs, args.jobId);
          workers.push(startScaleOutWorker(args), startScaleOutWorker(args));
          const killAt = randomInt(20, USERS - 40);
          await waitFor(`${killAt} messages`, () => stub.acceptedAt.length >= killAt);
          // The sender is the one writing "sending" rows (the other only tries the lease now and then).
          const senders = workers.filter((w) => w.marked > 0);
          assert.equal(senders.length, 1, "exactly one instance sends the job");
          const victim = senders[0]!;
          const survivor = workers.find((w) => w !== victim)!;
          victim.child.kill("SIGKILL");
          await victim.exited;
          const atKill = stub.acceptedAt.length;
          assert.ok(atKill < USERS, `killed mid-send (${atKill} of ${USERS})`);
          await survivor.exited;
          const final = survivor.final;
          assert.ok(final?.totals, "the surviving instance finished the job");
          let twice = 0;
          for (let i = 1; i <= USERS; i++) {
            const n = stub.accepted.get(conversationOf(i)) ?? 0;
            assert.ok(n >= 1, `recipient ${i} was lost`);
            twice += n > 1 ? 1 : 0;
          }
          assert.equal(final.totals.sent, USERS);
          assert.equal(final.totals.pending + final.totals.sending, 0);
          assert.ok(
            twice <= final.totals.possiblyDuplicated,
            `${twice} received twice, ${final.totals.possiblyDuplicated} flagged possibly duplicated`,
          );
        } finally {
          for (const worker of workers) {
            worker.child.kill("SIGKILL");
          }
          await stub.close();
        }
      },
    );
  }
});

describe("scale-out: two jobs of one tenant on two instances", () => {
  it(
    "one instance sends for the tenant at a time: BROADCAST_RPS holds for both jobs together",
    { timeout: 120_000 },
    async () => {
      const azurite = await startAzurite();
      const stub = await startTeamsLimitsStub({ tenantRps: RPS, latencyMs: 10 });
      const args = {
        connectionString: azurite.connectionString,
        prefix: `t${randomUUID().slice(0, 8)}`,
        serviceUrl: stub.serviceUrl,
        jobId: "job-a",
        moreJobIds: ["job-b"],
        users: USERS,
        rps: RPS,
        leaseMs: 2_000,
        resumeEveryMs: 1_000,
      };
      const workers: ScaleOutWorker[] = [];
      try {
        const stores = await openShared(args);
        await seedAzureConversations(stores, USERS, stub.serviceUrl);
        await newBenchJob(stores.broadcastJobs, "job-a");
        await newBenchJob(stores.broadcastJobs, "job-b");
        // Each instance goes for a different job of the tenant first.
        workers.push(
          startScaleOutWorker({ ...args, startWith: "job-a" }),
          startScaleOutWorker({ ...args, startWith: "job-b" }),
        );
        await Promise.all(workers.map((w) => w.exited));
        const final = workers[0]!.final!;
        assert.equal(
          final.totals!.sent + final.moreTotals![0]!.sent,
          2 * USERS,
          "both jobs reached everyone",
        );
        for (let i = 1; i <= USERS; i++) {
          assert.equal(stub.accepted.get(conversationOf(i)), 2, `recipient ${i}: one message per job`);
        }
        // Two senders at RPS each would draw about one 429 per accepted message; one sender draws next to none.
        assert.ok(stub.throttledAt.length <= USERS * 0.05, `${stub.throttledAt.length} answered 429`);
        const times = stub.acceptedAt;
        const perSecond = ((times.length - 1) * 1000) / (times.at(-1)! - times[0]!);
        assert.ok(perSecond <= RPS * 1.05, `${perSecond.toFixed(1)}/s for the tenant, limit ${RPS}`);
      } finally {
        for (const worker of workers) {
          worker.child.kill("SIGKILL");
        }
        await stub.close();
        await azurite.stop();
      }
    },
  );
});
