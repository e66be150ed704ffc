import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { after, describe, it } from "node:test";

import { runCli } from "../../src/cli";
import { CONTOSO_SMALL } from "../support/shared-examples";

const example = CONTOSO_SMALL;

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runWith({}, ...args);
}

async function runWith(
  env: NodeJS.ProcessEnv,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on("data", (chunk: Buffer) => out.push(chunk));
  stderr.on("data", (chunk: Buffer) => err.push(chunk));
  const code = await runCli(["assess", ...args], { stdout, stderr, env });
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

describe("mfa-ready assess", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "assess-cli-"));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("prints one JSON array of verdicts", async () => {
    const { code, stdout, stderr } = await run("--snapshot", example, "--format", "json");
    assert.equal(code, 0);
    assert.equal(stderr, "");
    const verdicts = JSON.parse(stdout) as Array<{
      userPrincipalName: string;
      actions: string[];
      evidence: unknown;
    }>;
    assert.deepEqual(
      verdicts.map((v) => v.userPrincipalName),
      [
        "alice@contoso.example",
        "bob@contoso.example",
        "breakglass1@contoso.example",
        "carol@contoso.example",
      ],
    );
    assert.deepEqual(verdicts[1]!.actions, ["REGISTER_PASSKEY"]);
    assert.deepEqual(verdicts[3]!.actions, [], "Carol refreshes CLI tokens but signs in interactively too");
  });

  it("prints the admin CSV with a header and one row per user", async () => {
    const { code, stdout } = await run("--snapshot", example, "--format", "csv");
    assert.equal(code, 0);
    const lines = stdout.trimEnd().split("\n");
    assert.equal(lines.length, 5);
    assert.match(
      lines[0]!,
      /^userPrincipalName,displayName,userType,phase1,phase2,mfaReady,breakGlass,serviceAccountSuspect,/,
    );
    assert.match(
      lines[2]!,
      /^bob@contoso\.example,Bob Builder,member,no,affected,false,false,false,.*REGISTER_PASSKEY,UPDATE_CLIENT_TOOLS,,"Azure CLI \(last 2026-11-12T08:01:00Z, 1\)",$/,
    );
  });

  it("--lang gives the header row in a person's language; the rows stay the same", async () => {
    const plain = await run("--snapshot", example, "--format", "csv");
    const german = await run("--snapshot", example, "--format", "csv", "--lang", "de");
    assert.equal(german.code, 0);
    const [header, ...rows] = german.stdout.split("\n");
    assert.match(header!, /^Benutzerprinzipalname,Anzeigename,Benutzertyp,Phase 1 \(Portale\),/);
    assert.deepEqual(rows, plain.stdout.split("\n").slice(1));
    const bad = await run("--snapshot", example, "--format", "csv", "--lang", "pt");
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown --lang "pt": use en, de, fr, es or ja/);
  });

  it("neutralises a formula in a CSV cell", async () => {
    const snapshot = JSON.parse(readFileSync(example, "utf8")) as { users: Array<{ displayName: string }> };
    snapshot.users[0]!.displayName = '=HYPERLINK("http://evil")';
    const file = path.join(dir, "formula.json");
    writeFileSync(file, JSON.stringify(snapshot));
    const { stdout } = await run("--snapshot", file, "--format", "csv");
    assert.match(stdout.split("\n")[1]!, /^alice@contoso\.example,"'=HYPERLINK\(""http:\/\/evil""\)",/);
  });

  it("prints an aligned table with a totals line by default", async () => {
    const { code, stdout } = await run("--snapshot", example);
    assert.equal(code, 0);
    const lines = stdout.trimEnd().split("\n");
    assert.match(lines[0]!, /^USER\s+PHASE 1\s+PHASE 2\s+READY/);
    assert.equal(lines[1]!.indexOf("affected"), lines[0]!.indexOf("PHASE 1"));
    assert.match(lines.at(-1)!, /^4 users, phase 1 affected 1 .*break-glass 1/);
  });

  it("assesses one user by UPN, case-insensitively", async () => {
    const { code, stdout } = await run(
      "--snapshot",
      example,
      "--user",
      "BOB@contoso.example",
      "--format",
      "json",
    );
    assert.equal(code, 0);
    const verdicts = JSON.parse(stdout) as Array<{ userPrincipalName: string }>;
    assert.deepEqual(
      verdicts.map((v) => v.userPrincipalName),
      ["bob@contoso.example"],
    );
  });

  it("without --snapshot, assesses the configured demo tenant (GRAPH_SNAPSHOT) with the environment's settings", async () => {
    const { code, stdout, stderr } = await runWith(
      { GRAPH_SNAPSHOT: example, BREAK_GLASS_ACCOUNTS: "bob@contoso.example", LOG_LEVEL: "silent" },
      "--format",
      "json",
    );
    assert.equal(code, 0, stderr);
    const verdicts = JSON.parse(stdout) as Array<{ userPrincipalName: string; breakGlass: boolean }>;
    assert.deepEqual(
      verdicts.filter((v) => v.breakGlass).map((v) => v.userPrincipalName),
      ["bob@contoso.example"],
    );
  });

  it("prints usage for --help", async () => {
    const { code, stdout } = await run("--help");
    assert.equal(code, 0);
    assert.match(stdout, /^usage: mfa-ready assess/);
  });

  const oneLine = (stderr: string) => {
    assert.equal(stderr.split("\n").filter(Boolean).length, 1, `one line, got: ${stderr}`);
    return stderr;
  };

  it("exits 2 with one line for an unreadable file", async () => {
    const missing = path.join(dir, "missing.json");
    const { code, stdout, stderr } = await run("--snapshot", missing);
    assert.equal(code, 2);
    assert.equal(stdout, "");
    assert.equal(oneLine(stderr), `mfa-ready assess: ${missing}: $: cannot read the file (ENOENT)\n`);
  });

  it("exits 2 with one line for a file that is not JSON", async () => {
    const file = path.join(dir, "text.json");
    writeFileSync(file, "capturedAt: today\n");
    const { code, stderr } = await run("--snapshot", file);
    assert.equal(code, 2);
    assert.match(
      oneLine(stderr),
      new RegExp(`^mfa-ready assess: ${file.replace(/[.\\/]/g, "\\$&")}: \\$: not valid JSON`),
    );
  });

  it("exits 2 naming the file and the JSONPath of a required key of the wrong type", async () => {
    const snapshot = JSON.parse(readFileSync(example, "utf8")) as { users: Array<Record<string, unknown>> };
    snapshot.users[2]!.userPrincipalName = null;
    const file = path.join(dir, "wrong.json");
    writeFileSync(file, JSON.stringify(snapshot));
    const { code, stderr } = await run("--snapshot", file, "--format", "json");
    assert.equal(code, 2);
    assert.equal(
      oneLine(stderr),
      `mfa-ready assess: ${file}: $.users[2].userPrincipalName: is required, got null\n`,
    );
  });

  it("exits 2 with one line for an unknown --user, option or format", async () => {
    const user = await run("--snapshot", example, "--user", "nobody@contoso.example");
    assert.equal(user.code, 2);
    assert.equal(oneLine(user.stderr), `mfa-ready assess: no user "nobody@contoso.example" in ${example}\n`);
    const option = await run("--snapshot", example, "--verbose");
    assert.equal(option.code, 2);
    assert.match(oneLine(option.stderr), /^mfa-ready assess: Unknown option '--verbose'/);
    const format = await run("--snapshot", example, "--format", "xml");
    assert.equal(format.code, 2);
    assert.equal(
      oneLine(format.stderr),
      'mfa-ready assess: unknown --format "xml": use table, json or csv\n',
    );
  });
});
