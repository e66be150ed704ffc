import assert from "node:assert/strict";
import { createServer } from "node:net";
import { describe, it } from "node:test";

import { readConfig } from "../../src/config";
import { openDirectory } from "../../src/open-directory";
import { recordingLogger } from "../support/graph-directory-harness";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const listening = (lines: string[]) =>
  lines
    .map((line) => JSON.parse(line) as { msg?: string; port?: number; level?: number })
    .filter((line) => line.msg === "graph simulator listening");

/** The README's setup calls name the demo simulator's port: it is SIMULATOR_PORT when that is free. */
describe("the demo's Graph simulator port", () => {
  it("listens on SIMULATOR_PORT; when taken, on a free port, with a warning naming the wanted one", async () => {
    const port = await freePort();
    const config = readConfig({ SIMULATOR_PORT: String(port) });
    const first = recordingLogger();
    const second = recordingLogger();
    const one = await openDirectory(config, first.logger);
    try {
      assert.equal(listening(first.lines)[0]?.port, port);
      const two = await openDirectory(config, second.logger);
      try {
        const other = listening(second.lines)[0]?.port;
        assert.ok(other !== undefined && other !== port, `a free port instead (${other})`);
        assert.ok(
          second.lines.some(
            (line) => line.includes('"wantedPort":' + port) && line.includes('"level":"warn"'),
          ),
          "a warning names the port it wanted",
        );
        assert.equal((await two.health()).reachable, true);
      } finally {
        await two.close();
      }
    } finally {
      await one.close();
    }
  });
});
