import assert from "node:assert/strict";
import { request } from "node:http";
import { after, before, describe, it } from "node:test";

import { message } from "../support/activities";
import { type BotHarness, startBotHarness } from "../support/bot-harness";

/** A raw POST, so a test can send what fetch would refuse or fix (no Content-Length, chunks). */
function rawPost(
  url: string,
  chunks: Buffer[],
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/messages`,
      { method: "POST", headers: { "content-type": "application/json", ...headers } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    // The server may answer 413 and stop reading before the whole body is written.
    req.on("error", (error: NodeJS.ErrnoException) =>
      error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error),
    );
    for (const chunk of chunks) {
      req.write(chunk);
    }
    req.end();
  });
}

/** The permission check as a graph-mode directory reports it (see graph-directory-health.test.ts). */
const PERMISSIONS = {
  missing: ["AuditLog.Read.All"],
  requiredMissing: [],
  checkedAt: "2026-11-20T10:00:00.000Z",
};

describe("the HTTP surface (local mode: no BOT_ID)", () => {
  let bot: BotHarness;
  before(async () => {
    bot = await startBotHarness({
      authenticated: false,
      directoryHealth: async () => ({ reachable: true, permissions: PERMISSIONS }),
    });
  });
  after(() => bot.close());

  it("binds to loopback and says authentication is off", () => {
    assert.match(bot.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const warning = bot.logs.find(
      (line) => line.level === "warn" && /NOT authenticated/.test(String(line.msg)),
    );
    assert.ok(warning, "a warning line at startup");
    const started = bot.logs.find((line) => line.msg === "MFA Ready listening");
    assert.equal(started?.url, `${bot.url}/api/messages`);
    assert.equal(started?.mode, "demo");
  });

  it("GET /healthz: name, version, uptime, storage, directory, mode", async () => {
    const response = await fetch(`${bot.url}/healthz`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /application\/json/);
    const health = (await response.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(health).sort(), [
      "directory",
      "mode",
      "name",
      "status",
      "storage",
      "uptimeSeconds",
      "version",
    ]);
    assert.equal(health.name, "mfa-ready");
    assert.match(String(health.version), /^\d+\.\d+\.\d+/);
    assert.equal(typeof health.uptimeSeconds, "number");
    assert.deepEqual(health.storage, { kind: "sqlite", reachable: true });
    assert.deepEqual(health.directory, { reachable: true, permissions: PERMISSIONS });
    assert.equal(health.mode, "demo");
    assert.equal(health.status, "ok");
  });

  it("replies to a local client without any token (Agents Playground)", async () => {
    bot.connector.reset();
    const response = await bot.post(message(bot.connector.serviceUrl, "help"), { authorization: null });
    assert.equal(response.status, 200);
    assert.deepEqual(bot.connector.sentCardIds(), ["help"]);
    assert.equal(bot.connector.calls[0]!.authorization, undefined, "no token on outgoing calls either");
  });

  const bad: [string, () => Promise<{ status: number; body: string }>, number, string][] = [
    ["malformed JSON", () => rawPost(bot.url, [Buffer.from('{"type": "message",')]), 400, "MalformedJson"],
    ["an empty body", () => rawPost(bot.url, []), 400, "EmptyBody"],
    ["a JSON array", () => rawPost(bot.url, [Buffer.from("[1,2]")]), 400, "BadActivity"],
    [
      "an activity without type",
      () => rawPost(bot.url, [Buffer.from(JSON.stringify({ text: "hi" }))]),
      400,
      "BadActivity",
    ],
    [
      "an activity with an invalid type",
      () => rawPost(bot.url, [Buffer.from(JSON.stringify({ type: "rm -rf" }))]),
      400,
      "BadActivity",
    ],
    [
      "a body over 256 KB (declared length)",
      () => rawPost(bot.url, [Buffer.alloc(300 * 1024, 0x20)]),
      413,
      "PayloadTooLarge",
    ],
    [
      "a body over 256 KB (chunked, no length)",
      () =>
        rawPost(
          bot.url,
          Array.from({ length: 40 }, () => Buffer.alloc(8 * 1024, 0x20)),
          { "transfer-encoding": "chunked" },
        ),
      413,
      "PayloadTooLarge",
    ],
  ];

  for (const [name, send, status, code] of bad) {
    it(`${name}: ${status} ${code}, stores unchanged, the next request works`, async () => {
      bot.connector.reset();
      const snapshot = bot.storeSnapshot();
      const response = await send();
      assert.equal(response.status, status, response.body);
      assert.equal((JSON.parse(response.body) as { error: { code: string } }).error.code, code);
      assert.equal(bot.storeSnapshot(), snapshot);
      assert.deepEqual(bot.connector.calls, []);
      assert.equal((await bot.post(message(bot.connector.serviceUrl, "help"))).status, 200);
    });
  }

  it("a body just under the limit is read", async () => {
    const activity = message(bot.connector.serviceUrl, "help");
    const padded = { ...activity, padding: "x".repeat(200 * 1024) };
    assert.equal((await bot.post(padded)).status, 200);
  });

  it("anything else is a JSON 404 (or 405 for a known path)", async () => {
    for (const [method, path, status] of [
      ["GET", "/", 404],
      ["POST", "/api/other", 404],
      ["GET", "/api/messages", 405],
      ["DELETE", "/healthz", 405],
    ] as const) {
      const response = await fetch(`${bot.url}${path}`, { method });
      assert.equal(response.status, status, `${method} ${path}`);
      assert.match(response.headers.get("content-type") ?? "", /application\/json/);
      const body = (await response.json()) as { error: { code: string } };
      assert.ok(body.error.code, `${method} ${path} has a JSON error`);
    }
  });
});
