import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { openEmbeddedStores } from "../../src/storage";
import { cli } from "../support/run-cli";
import { startTeamsLimitsStub, type TeamsLimitsStub } from "../support/teams-limits-stub";

const DEMO_TENANT = "c0ffee00-0000-4000-8000-00000000d3e0";
const persona = (n: number) => `a0000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

describe("mfa-ready broadcast", () => {
  let dir: string;
  let teams: TeamsLimitsStub;
  let env: NodeJS.ProcessEnv;
  let args: string[];

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "mfa-broadcast-cli-"));
    teams = await startTeamsLimitsStub({ tenantRps: 1000 });
    teams.blocked.add("a:cli-priya");
    const stores = openEmbeddedStores(dir);
    for (const [userId, chat] of [
      [persona(3), "a:cli-dana"],
      [persona(12), "a:cli-priya"],
    ] as const) {
      await stores.conversationReferences.save({
        tenantId: DEMO_TENANT,
        userId,
        conversationId: chat,
        serviceUrl: teams.serviceUrl,
        reference: {},
        updatedAt: new Date().toISOString(),
      });
    }
    stores.close();
    writeFileSync(path.join(dir, "message.md"), "Microsoft now **requires MFA** for Azure. ${x} <b>");
    writeFileSync(
      path.join(dir, "upns.txt"),
      ["dana.ready", "priya.shell", "miguel.mobile", "gita_fabrikam.example#EXT#", "nobody"]
        .map((name) => `${name}@contoso.example`)
        .join("\n"),
    );
    env = { DATA_DIR: dir, LOG_LEVEL: "error", MFA_READY_ENV: "none" };
    args = [
      "broadcast",
      "--audience",
      `upns:${path.join(dir, "upns.txt")}`,
      "--title",
      "MFA for Azure",
      "--message-file",
      path.join(dir, "message.md"),
      "--operator",
      "pipeline",
    ];
  });
  after(async () => {
    await teams.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("--dry-run prints the audience and a sample, and sends nothing", async () => {
    const { code, out } = await cli([...args, "--dry-run"], env);
    assert.equal(code, 0);
    assert.match(out, /recipients 3; skipped \{"guest":1\}; unknown 1 \(nobody@contoso.example\)/);
    assert.match(out, /\$\{x\} <b>/);
    assert.equal(teams.accepted.size, 0);
  });

  it("prints in the operator's language: --lang, else DEFAULT_LOCALE; the admin's own text stays as written", async () => {
    const german = await cli([...args, "--dry-run", "--lang", "de"], env);
    assert.equal(german.code, 0, german.err);
    assert.match(
      german.out,
      /Empfänger 3; übersprungen \{"guest":1\}; unbekannt 1 \(nobody@contoso.example\)/,
    );
    assert.match(german.out, /Beispiel für /);
    assert.match(german.out, /\$\{x\} <b>/);
    assert.doesNotMatch(german.out, /recipients|sample for/);

    const japanese = await cli([...args, "--dry-run"], { ...env, DEFAULT_LOCALE: "ja-JP" });
    assert.equal(japanese.code, 0, japanese.err);
    assert.match(japanese.out, /受信者 3/);

    const french = await cli(["broadcast", "--cancel", "cli-nothing", "--lang", "fr"], env);
    assert.equal(french.code, 1);
    assert.match(french.out, /aucune diffusion planifiée cli-nothing/);

    const unknown = await cli([...args, "--dry-run", "--lang", "xx"], env);
    assert.notEqual(unknown.code, 0);
    assert.match(unknown.err, /unknown --lang "xx"/);
    assert.equal(teams.accepted.size, 0);
  });

  it("sends the durable job, ends with one JSON line of totals, audits the operator; a re-run sends nothing again", async () => {
    const { code, out } = await cli(args, env);
    assert.equal(code, 0, out);
    const lines = out.trim().split("\n");
    const totals = JSON.parse(lines.at(-1)!) as Record<string, unknown>;
    assert.equal(totals.state, "done");
    assert.deepEqual(
      [totals.recipients, totals.sent, totals.failed, totals.skipped, totals.possiblyDuplicated],
      [5, 1, 2, 2, 0],
    );
    assert.deepEqual(totals.failedByReason, { blocked: 1, noConversation: 1 });
    assert.deepEqual(totals.skippedByReason, { guest: 1, unknownUser: 1 });
    assert.equal(typeof totals.elapsedSeconds, "number");
    assert.equal(typeof totals.messagesPerSecond, "number");
    assert.equal(teams.accepted.get("a:cli-dana"), 1);
    const stores = openEmbeddedStores(dir);
    try {
      const audit = await stores.auditLog.latest(DEMO_TENANT, 20);
      assert.ok(
        audit.some((entry) => entry.action === "broadcast.started" && entry.actorId === "cli:pipeline"),
      );
      assert.ok(audit.some((entry) => entry.action === "broadcast.completed" && entry.detail?.sent === 1));
    } finally {
      stores.close();
    }
    const again = await cli(args, env);
    assert.equal(again.code, 0);
    assert.match(again.out, /^resuming broadcast cli-/);
    assert.equal(teams.accepted.get("a:cli-dana"), 1);
    const csv = await cli(["broadcast", "--report", String(totals.jobId)], env);
    assert.equal(csv.out.trim().split("\n").length, 6);
    assert.match(csv.out, /priya\.shell@contoso\.example,Priya Shell,failed,blocked/);
  });

  it("refuses bad input with exit code 2 and one line", async () => {
    const { code, err } = await cli(
      ["broadcast", "--audience", "everyone", "--title", "x", "--message-file", path.join(dir, "message.md")],
      env,
    );
    assert.equal(code, 2);
    assert.match(err, /Choose who receives/);
  });
});
