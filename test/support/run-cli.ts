import { PassThrough } from "node:stream";

import { runCli } from "../../src/cli";

/** `mfa-ready <args>` in this process with its own environment: exit code and what it printed. */
export async function cli(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
  stderr.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
  const code = await runCli(args, { stdout, stderr, env });
  return { code, out, err };
}
