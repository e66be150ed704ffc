import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, it } from "node:test";

import { type CloseScenario, closeWhileWaiting } from "../support/directory-close-scenario";

const SCENARIO = path.resolve(__dirname, "..", "support", "directory-close-scenario.ts");

function assertCancelled(scenario: CloseScenario): void {
  assert.deepEqual(
    scenario.outcomes.map(({ what, reason, code }) => ({ what, reason, code })),
    [
      "a request retrying after its Retry-After",
      "a $batch retrying an inner 429",
      "a request waiting for its paused family",
    ].map((what) => ({ what, reason: "unavailable", code: "directoryClosed" })),
  );
  for (const outcome of scenario.outcomes) {
    assert.ok(outcome.ms < 500, `${outcome.what}: rejected ${outcome.ms} ms after close()`);
  }
}

describe("closing the Graph directory while requests wait out a 429 (Retry-After 120 s)", () => {
  it("rejects every waiting request at once with an unavailable DirectoryError (directoryClosed)", async () => {
    assertCancelled(await closeWhileWaiting());
  });

  it("leaves nothing behind: the same scenario in a child process exits by itself within seconds", async () => {
    const started = Date.now();
    const child = spawn(process.execPath, ["--import", "tsx", SCENARIO], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    clearTimeout(timer);
    const ms = Date.now() - started;
    assert.equal(code, 0, `exit code ${code}; stderr: ${stderr}`);
    assert.ok(ms < 20_000, `exited after ${ms} ms (a leaked Retry-After wait would hold it 120 s)`);
    assertCancelled(JSON.parse(stdout.trim()) as CloseScenario);
  });
});
