/**
 * `mfa-ready broadcast` from a pipeline to people none of whom has a chat with the bot yet, at its floor:
 * the CLI's own demo directory (the Graph simulator on a known port) and a Bot Connector enforcing Teams'
 * send limits at BROADCAST_RPS. Where the app is installed (an app setup policy) the chat is opened through
 * the connector; where it is not, the app is installed through Graph first. The connector asks the
 * simulator whether the app is installed, as Teams knows it from the same place.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import type { TenantSnapshot } from "../../src/directory/graph-types";
import { openEmbeddedStores } from "../../src/storage";
import { cli } from "../support/run-cli";
import { startTeamsLimitsStub, type TeamsLimitsStub } from "../support/teams-limits-stub";

const TEAMS_APP_ID = "3c0ffee0-0000-4000-8000-0000000a9902";
const RPS = 20;
const DEMO = JSON.parse(
  readFileSync(path.join(__dirname, "..", "..", "src", "dev", "demo-tenant.json"), "utf8"),
) as TenantSnapshot;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Graph's answer to "is the app installed for this user?", read from the CLI's simulator (its own CA: not checked here). */
function installedInGraph(port: number, userId: string): Promise<boolean> {
  const filter = encodeURIComponent(`teamsApp/id eq '${TEAMS_APP_ID}'`);
  return new Promise((resolve, reject) => {
    const call = request(
      {
        host: "127.0.0.1",
        port,
        path: `/v1.0/users/${userId}/teamwork/installedApps?$filter=${filter}`,
        headers: { authorization: "Bearer test" },
        rejectUnauthorized: false,
      },
      (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
        response.on("end", () => {
          if (response.statusCode !== 200) {
            reject(new Error(`installedApps: ${response.statusCode} ${text}`));
            return;
          }
          resolve((JSON.parse(text) as { value: unknown[] }).value.length > 0);
        });
      },
    );
    call.on("error", reject);
    call.end();
  });
}

describe("mfa-ready broadcast: a first broadcast to people with no chat, at its floor", () => {
  let dir: string;
  let teams: TeamsLimitsStub;
  let port: number;
  const members = DEMO.users
    .filter(
      (user) => user.id.startsWith("b0000000") && user.userType !== "Guest" && user.accountEnabled !== false,
    )
    .slice(0, 20);
  // An app setup policy installed the app for these; Graph's installs cover the rest.
  const preinstalled = new Set(members.slice(0, 5).map((user) => user.id.toLowerCase()));
  // Whom Graph reported the app installed for when Teams was asked to open their chat.
  const installedThroughGraph = new Set<string>();

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "mfa-broadcast-cli-first-"));
    port = await freePort();
    teams = await startTeamsLimitsStub({ tenantRps: RPS });
    teams.isInstalled = async (userId) => {
      if (preinstalled.has(userId.toLowerCase())) {
        return true;
      }
      const installed = await installedInGraph(port, userId);
      if (installed) {
        installedThroughGraph.add(userId.toLowerCase());
      }
      return installed;
    };
    writeFileSync(path.join(dir, "message.md"), "Microsoft now requires MFA for Azure.");
    writeFileSync(path.join(dir, "upns.txt"), members.map((user) => user.userPrincipalName).join("\n"));
  });
  after(async () => {
    await teams.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("opens each chat once (through the connector, or after a Graph install), sends each person one message, within 1.03 x its floor", async (t) => {
    const env = {
      DATA_DIR: dir,
      LOG_LEVEL: "error",
      MFA_READY_ENV: "none",
      SIMULATOR_PORT: String(port),
      TEAMS_APP_ID,
      TEAMS_SERVICE_URL: teams.serviceUrl,
      BROADCAST_RPS: String(RPS),
    };
    const args = [
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
    const { code, out, err } = await cli(args, env);
    assert.equal(code, 0, `${out}\n${err}`);
    const totals = JSON.parse(out.trim().split("\n").at(-1)!) as Record<string, unknown>;
    assert.equal(totals.state, "done", out);
    assert.deepEqual([totals.recipients, totals.sent, totals.failed], [20, 20, 0], out);

    for (const user of members) {
      assert.equal(
        teams.accepted.get(`a:chat-${user.id}`),
        1,
        `${user.userPrincipalName} got exactly one message`,
      );
      assert.equal(teams.created.get(user.id), 1, `${user.userPrincipalName}'s chat opened once`);
    }
    // Everyone without the app was installed through Graph before their chat opened; nobody was refused
    // twice (the resolver learns to install first, so some are never refused at all).
    const withoutApp = members.filter((user) => !preinstalled.has(user.id.toLowerCase()));
    assert.deepEqual(
      withoutApp
        .filter((user) => !installedThroughGraph.has(user.id.toLowerCase()))
        .map((user) => user.userPrincipalName),
      [],
    );
    assert.ok(teams.refusedNotInstalled <= withoutApp.length, `refused ${teams.refusedNotInstalled}`);
    assert.equal(teams.throttledAt.length, 0, "no 429 from Teams");

    // At its floor: max(installs / 30 s⁻¹, connector requests / BROADCAST_RPS).
    const installs = withoutApp.length;
    const requests = teams.requestsAt.length;
    const floorMs = Math.max((installs / 30) * 1000, (requests / RPS) * 1000);
    const elapsedMs = teams.acceptedAt.at(-1)! - teams.requestsAt[0]!;
    t.diagnostic(
      `cli first contact: ${Math.round(elapsedMs)} ms, floor ${Math.round(floorMs)} ms, ${requests} requests`,
    );
    assert.ok(
      elapsedMs <= floorMs * 1.03 + 250,
      `elapsed ${Math.round(elapsedMs)} ms, floor ${Math.round(floorMs)} ms`,
    );

    // The chats are kept: the next broadcast from the pipeline sends straight away.
    const stores = openEmbeddedStores(dir);
    try {
      const reference = await stores.conversationReferences.get(DEMO.tenant.id, members.at(-1)!.id);
      assert.equal(reference?.conversationId, `a:chat-${members.at(-1)!.id}`);
    } finally {
      stores.close();
    }
  });
});
