import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";

import { message } from "../support/activities";
import { startBotHarness } from "../support/bot-harness";

const ROOT = path.resolve(__dirname, "..", "..");
const SNAPSHOT = path.join(ROOT, "test", "fixtures", "graph", "status-contoso.json");

describe("graceful shutdown", () => {
  it("a turn in flight completes before the server closes; new requests are refused meanwhile", async () => {
    const bot = await startBotHarness({ authenticated: false });
    try {
      const gate = bot.connector.hold();
      const inFlight = bot.post(message(bot.connector.serviceUrl, "help"), { authorization: null });
      while (bot.connector.calls.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      let stoppedAt: number | undefined;
      const stopping = bot.service.stop(5_000).then((result) => {
        stoppedAt = Date.now();
        return result;
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(stoppedAt, undefined, "stop waits for the turn");
      await assert.rejects(fetch(`${bot.url}/healthz`), "no new connections while closing");
      const releasedAt = Date.now();
      gate.release();

      const turn = await inFlight;
      assert.equal(turn.status, 200, "the turn in flight got its answer");
      assert.deepEqual(await stopping, { drained: true });
      assert.ok(stoppedAt! >= releasedAt, "stopped only after the turn could finish");
      assert.deepEqual(bot.connector.sentCardIds(), ["help"]);
      assert.equal(bot.stores.ping(), false, "storage closed after the drain");
    } finally {
      await bot.connector.close();
      // service.stop closed the directory; the harness's Graph simulator is closed here.
      await bot.simulator?.close();
    }
  });

  it("stop gives up on a turn that outlives the bound", async () => {
    const bot = await startBotHarness({ authenticated: false });
    const gate = bot.connector.hold();
    const stuck = bot
      .post(message(bot.connector.serviceUrl, "help"), { authorization: null })
      .catch((error: unknown) => error);
    while (bot.connector.calls.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.deepEqual(await bot.service.stop(200), { drained: false });
    gate.release();
    await stuck;
    await bot.connector.close();
    await bot.simulator?.close();
  });
});

function run(env: Record<string, string>): {
  child: ChildProcess;
  output: Promise<{ code: number | null; stdout: string; stderr: string }>;
} {
  const child = spawn(process.execPath, ["--import", "tsx", "src/start.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", MFA_READY_ENV: "test-none", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const output = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on("exit", (code) => resolve({ code, stdout, stderr })),
  );
  return { child, output };
}

// stderr holds exactly the one line: no deprecation or other warning from Node or a dependency.
const withoutTrailingNewline = (stderr: string) => stderr.replace(/\n$/, "");

describe("npm start (src/start.ts) as a process", () => {
  it("starts, answers /healthz, and exits 0 on SIGTERM", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "mfa-serve-"));
    try {
      const { child, output } = run({ PORT: "0", DATA_DIR: dataDir, GRAPH_SNAPSHOT: SNAPSHOT });
      let url: string | undefined;
      const deadline = Date.now() + 30_000;
      let stdout = "";
      child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      while (url === undefined && Date.now() < deadline) {
        url = /"url":"(http:\/\/[^"]+)\/api\/messages"/.exec(stdout)?.[1];
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.ok(url, `listening line expected, got: ${stdout}`);
      const health = (await (await fetch(`${url}/healthz`)).json()) as {
        status: string;
        directory: { reachable: boolean };
      };
      assert.equal(health.status, "ok");
      assert.equal(
        health.directory.reachable,
        true,
        "the demo directory answers through the Graph simulator",
      );

      child.kill("SIGTERM");
      const result = await output;
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /"msg":"MFA Ready stopped"/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("a configuration error: one line on stderr, exit 2", async () => {
    const { output } = run({ TENANT_ID: "11111111-2222-3333-4444-555555555555" });
    const result = await output;
    assert.equal(result.code, 2);
    assert.equal(
      withoutTrailingNewline(result.stderr),
      "mfa-ready serve: BOT_ID: is required when TENANT_ID names a real tenant: an unauthenticated bot must not read it",
    );
  });

  it("a bad demo snapshot: one line on stderr, exit 2", async () => {
    const { output } = run({
      PORT: "0",
      DATA_DIR: ":memory:",
      GRAPH_SNAPSHOT: path.join(ROOT, "package.json"),
    });
    const result = await output;
    assert.equal(result.code, 2, result.stderr);
    const lines = withoutTrailingNewline(result.stderr).split("\n");
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0]!, /^mfa-ready serve: .*package\.json: \$/);
  });
});
