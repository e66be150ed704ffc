import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { readConfig } from "../../src/config";
import { generateTenant } from "../../src/dev/generate-tenant";
import { PermissionProbe } from "../../src/directory/permission-probe";
import { FEATURE_PERMISSIONS } from "../../src/domain/permissions";
import { createLogger } from "../../src/logger";
import { directoryHealth, openDirectory } from "../../src/open-directory";
import { type Harness, recordingLogger, startHarness } from "../support/graph-directory-harness";

const silent = createLogger({ level: "silent" });
const EVERY = [...new Set(FEATURE_PERMISSIONS.flatMap((entry) => entry.permissions))];

/** An unsigned token with a roles claim: the permission check reads it without verifying. */
function jwt(roles: string[]): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "RS256", typ: "JWT" })}.${part({ roles })}.signature`;
}

describe("/healthz permissions in graph mode: the token's roles against what each feature needs", () => {
  const granted = EVERY.filter((permission) => permission !== "AuditLog.Read.All");
  let harness: Harness;
  let tokenReads = 0;
  before(async () => {
    const graph = {
      getAccessToken: async () => {
        tokenReads += 1;
        return jwt(granted);
      },
    };
    harness = await startHarness(generateTenant({ users: 30, seed: 2 }), {
      directory: { tokens: { graph, arm: graph } },
    });
  });
  after(() => harness.close());

  it("says what is missing and when it was checked, next to reachability", async () => {
    const probe = new PermissionProbe({ readRoles: () => harness.directory.grantedRoles(), logger: silent });
    probe.start();
    const health = await directoryHealth(harness.directory, probe)();
    assert.deepEqual(Object.keys(health).sort(), ["permissions", "reachable"]);
    assert.equal(health.reachable, true);
    const permissions = health.permissions as {
      missing: string[];
      requiredMissing: string[];
      checkedAt: string;
    };
    assert.deepEqual(permissions.missing, ["AuditLog.Read.All"]);
    assert.deepEqual(permissions.requiredMissing, [], "AuditLog.Read.All only leaves data gaps");
    assert.ok(Math.abs(Date.parse(permissions.checkedAt) - Date.now()) < 5_000);
    assert.ok(!JSON.stringify(health).includes(jwt(granted)), "never the token");
  });

  it("reads the token once at start, then answers from the cache until 10 minutes have passed", async () => {
    let now = Date.parse("2026-11-20T10:00:00Z");
    const probe = new PermissionProbe({
      readRoles: () => harness.directory.grantedRoles(),
      logger: silent,
      now: () => now,
    });
    const before = tokenReads;
    probe.start();
    const first = await probe.current();
    for (let i = 0; i < 5; i += 1) {
      now += 60_000;
      assert.deepEqual(await probe.current(), first);
    }
    assert.equal(tokenReads - before, 1, "five probes within 10 minutes: one token read");
    now += 5 * 60_000;
    const refreshed = await probe.current();
    assert.equal(tokenReads - before, 2);
    assert.equal(refreshed?.checkedAt, "2026-11-20T10:10:00.000Z");
  });
});

describe("the permission probe never holds /healthz for long", () => {
  it("answers after the short timeout when the token read hangs, and fills in once it arrives", async () => {
    let release: (roles: string[]) => void = () => undefined;
    const probe = new PermissionProbe({
      readRoles: () => new Promise<string[]>((resolve) => (release = resolve)),
      logger: silent,
      timeoutMs: 150,
    });
    probe.start();
    const started = Date.now();
    const health = await directoryHealth({ checkHealth: async () => ({ reachable: true }) }, probe)();
    const ms = Date.now() - started;
    assert.ok(ms >= 140 && ms < 1_000, `answered after ${ms} ms`);
    assert.deepEqual(health, { reachable: true }, "not known yet: no permissions field");
    release(["User.Read.All"]);
    const later = await probe.current();
    assert.ok(later?.requiredMissing.includes("Policy.Read.All"));
  });

  it("a failed token read keeps the last known answer, logs why (no secret), and retries after a minute", async () => {
    let now = 0;
    let fail = false;
    let reads = 0;
    const { logger, lines } = recordingLogger();
    const probe = new PermissionProbe({
      readRoles: async () => {
        reads += 1;
        if (fail) {
          throw new Error("AADSTS7000215: Invalid client secret provided.\nTrace ID: x");
        }
        return EVERY;
      },
      logger,
      now: () => now,
    });
    const known = await probe.current();
    assert.deepEqual(known?.missing, []);
    fail = true;
    now += 600_000;
    assert.deepEqual(await probe.current(), known);
    now += 30_000;
    await probe.current();
    assert.equal(reads, 2, "no second try within the minute");
    now += 30_000;
    await probe.current();
    assert.equal(reads, 3);
    const warning = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((entry) => entry.level === "warn");
    assert.match(JSON.stringify(warning), /AADSTS7000215: Invalid client secret provided\./);
    assert.doesNotMatch(JSON.stringify(warning), /Trace ID/);
  });
});

describe("/healthz permissions in demo mode", () => {
  it('is "simulator": its token carries no roles and it checks none', async () => {
    const handle = await openDirectory(readConfig({}), silent);
    try {
      const health = await handle.health();
      assert.deepEqual(health, { reachable: true, permissions: "simulator" });
    } finally {
      await handle.close();
    }
  });
});
