import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { after, describe, it } from "node:test";

import { runCli } from "../../src/cli";
import { get } from "../support/graph-simulator-client";

const ROOT = path.resolve(__dirname, "..", "..");
const dir = mkdtempSync(path.join(tmpdir(), "graph-simulator-command-"));

async function run(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const code = await runCli(["graph-simulator", ...args], { stdout, stderr, env: {} });
  return { code, out, err };
}

describe("mfa-ready graph-simulator", () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("exits 2 with the snapshot loader's one-line message for a bad snapshot", async () => {
    const file = path.join(dir, "bad.json");
    writeFileSync(
      file,
      JSON.stringify({
        capturedAt: "2026-11-20T09:00:00Z",
        tenant: { id: "t", displayName: "T", premium: "yes" },
      }),
    );
    const { code, out, err } = await run(["--snapshot", file]);
    assert.equal(code, 2);
    assert.equal(out, "");
    assert.equal(err.trim().split("\n").length, 1);
    assert.match(err, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: \\$\\.tenant\\.premium: `));
  });

  it("exits 2 with one line for bad options", async () => {
    for (const args of [
      [],
      ["--snapshot", "x.json", "--port", "70000"],
      ["--snapshot", "x.json", "--throttle-scale", "0"],
      ["--snapshot", "x.json", "--bogus"],
    ]) {
      const { code, err } = await run(args);
      assert.equal(code, 2, args.join(" "));
      assert.equal(err.trim().split("\n").length, 1, err);
    }
  });

  it("prints one JSON line, serves over HTTPS and stops on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "src/cli.ts",
        "graph-simulator",
        "--snapshot",
        "src/dev/demo-tenant.json",
        "--throttle",
      ],
      {
        cwd: ROOT,
        env: { ...process.env, LOG_LEVEL: "silent" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let buffered = "";
        child.stdout.on("data", (chunk: Buffer) => {
          buffered += chunk.toString();
          if (buffered.includes("\n")) {
            resolve(buffered.split("\n")[0]!);
          }
        });
        child.on("exit", () => reject(new Error("exited before printing")));
      });
      const started = JSON.parse(line) as { baseUrl: string; caCertPath: string; tenantId: string };
      assert.equal(started.tenantId, "c0ffee00-0000-4000-8000-00000000d3e0");
      const answer = await get(
        { baseUrl: started.baseUrl, caCertPem: readFileSync(started.caCertPath, "utf8") },
        "/v1.0/users/ben.carter@contoso.example?$select=displayName",
      );
      assert.equal((answer.body as { displayName: string }).displayName, "Ben Carter");
    } finally {
      child.kill("SIGTERM");
    }
    assert.equal(await exited, 0);
  });
});
