import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { after, describe, it } from "node:test";

import { runCli } from "../../src/cli";
import { generateTenant } from "../../src/dev/generate-tenant";
import { checkPermissions, rolesOf, summarizePermissions } from "../../src/directory/permission-check";

function jwt(payload: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "RS256", typ: "JWT" })}.${part(payload)}.signature`;
}

async function run(
  argv: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const code = await runCli(argv, { stdout, stderr, env });
  return { code, out, err };
}

describe("permission check", () => {
  it("reads the roles claim of a token without verifying it", () => {
    assert.deepEqual(rolesOf(jwt({ roles: ["User.Read.All", "AuditLog.Read.All"] })), [
      "User.Read.All",
      "AuditLog.Read.All",
    ]);
    assert.equal(rolesOf(jwt({ sub: "x" })), undefined);
    assert.equal(rolesOf("mfa-ready-simulator-token"), undefined);
  });

  it("names the missing permissions per feature, and counts only required ones for the verdict", () => {
    const report = checkPermissions([
      "User.Read.All",
      "UserAuthenticationMethod.ReadWrite.All",
      "RoleManagement.Read.Directory",
    ]);
    assert.equal(report.allRequiredPresent, false);
    assert.deepEqual(report.requiredMissing, ["Policy.Read.All"]);
    const methods = report.features.find((check) => check.feature === "One user's methods, live")!;
    assert.deepEqual(methods.missing, [], "ReadWrite covers Read");
    assert.match(
      summarizePermissions(report),
      /^missing required: Policy\.Read\.All; missing optional: AuditLog\.Read\.All/,
    );

    const complete = checkPermissions([
      "Directory.Read.All",
      "UserAuthenticationMethod.Read.All",
      "RoleManagement.Read.Directory",
      "Policy.Read.All",
    ]);
    assert.equal(complete.allRequiredPresent, true);
    assert.equal(checkPermissions(undefined).rolesClaim, false);
  });
});

describe("mfa-ready doctor", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "mfa-ready-doctor-"));
  const snapshotPath = path.join(dir, "tenant.json");
  writeFileSync(snapshotPath, JSON.stringify(generateTenant({ users: 30, seed: 2 })));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("in demo mode checks the simulator and says plainly that its token has no roles claim", async () => {
    const { code, out } = await run(["doctor"], { GRAPH_SNAPSHOT: snapshotPath, MFA_READY_ENV: "none" });
    assert.equal(code, 0);
    assert.match(out, /demo: the built-in Graph simulator/);
    assert.match(out, /static token has no roles claim/);
    assert.match(out, /Reachability: OK/);
  });

  it("exits 2 on a configuration error", async () => {
    const { code, err } = await run(["doctor"], { TENANT_ID: "not-a-guid", MFA_READY_ENV: "none" });
    assert.equal(code, 2);
    assert.match(err, /TENANT_ID: must be a GUID/);
  });
});
