import assert from "node:assert/strict";
import { type ChildProcess, fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";

import { conversationOf } from "../../bench/broadcast-fixture";
import type { DeliveryTotals } from "../../src/domain/broadcast";
import { startTeamsLimitsStub } from "../support/teams-limits-stub";

const USERS = 300;
const RPS = 150;

/** The sender in a child process (the benchmark's worker), killed with SIGKILL mid-send, then started again. */
describe("broadcast survives kill -9", () => {
  it(
    "resumes from the ledger: every recipient exactly once, re-sends reported possibly duplicated",
    { timeout: 60_000 },
    async () => {
      const stub = await startTeamsLimitsStub({ tenantRps: RPS, latencyMs: 10 });
      const dataDir = mkdtempSync(path.join(tmpdir(), "mfa-broadcast-crash-"));
      const start = (onTotals: (totals: DeliveryTotals) => void): ChildProcess => {
        const child = fork(
          path.join(__dirname, "..", "..", "bench", "broadcast-worker.ts"),
          [dataDir, stub.serviceUrl, "crash-job", String(USERS), String(RPS)],
          {
            execArgv: ["--import", "tsx"],
            stdio: ["ignore", "ignore", "inherit", "ipc"],
          },
        );
        child.on("message", (message: { done?: boolean; totals?: DeliveryTotals; sent?: number }) => {
          if (message.done && message.totals) {
            onTotals(message.totals);
          }
        });
        return child;
      };
      const exit = (child: ChildProcess) =>
        new Promise<void>((resolve) => child.once("exit", () => resolve()));
      try {
        let final: DeliveryTotals | undefined;
        let kills = 0;
        // First run: killed once it has sent something (and before it could finish).
        const first = start((totals) => (final = totals));
        while (stub.acceptedAt.length < 60 && first.exitCode === null) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        if (first.exitCode === null) {
          first.kill("SIGKILL");
          kills += 1;
        }
        await exit(first);
        const acceptedAtKill = stub.acceptedAt.length;
        assert.ok(
          kills === 1 && acceptedAtKill < USERS,
          `killed mid-send (${acceptedAtKill} of ${USERS} sent)`,
        );
        const second = start((totals) => (final = totals));
        await exit(second);
        assert.ok(final, "the restarted sender finished the job");
        let once = 0;
        let twice = 0;
        for (let i = 1; i <= USERS; i++) {
          const n = stub.accepted.get(conversationOf(i)) ?? 0;
          assert.ok(n >= 1, `recipient ${i} was skipped`);
          once += n === 1 ? 1 : 0;
          twice += n > 1 ? 1 : 0;
        }
        assert.equal(final.sent, USERS);
        assert.equal(final.pending, 0);
        assert.ok(
          twice <= final.possiblyDuplicated,
          `${twice} received twice, ${final.possiblyDuplicated} reported possibly duplicated`,
        );
        assert.equal(once + twice, USERS);
      } finally {
        await stub.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
