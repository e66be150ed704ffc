import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { readConfig } from "../../src/config";
import { generateTenant } from "../../src/dev/generate-tenant";
import { startGraphSimulator } from "../../src/dev/graph-simulator";
import { createDirectory } from "../../src/directory/create-directory";
import { createLogger } from "../../src/logger";

describe("Directory.countUsers against the Graph simulator", () => {
  it("answers GET /users/$count (ConsistencyLevel: eventual) with the tenant's user count", async () => {
    const simulator = await startGraphSimulator({
      snapshot: generateTenant({ users: 1234, seed: 2 }),
      port: 0,
    });
    const directory = createDirectory(readConfig({ PORT: "0" }), createLogger({ level: "silent" }), {
      caCertPem: simulator.caCertPem,
      graphBaseUrl: simulator.baseUrl,
      throttleScale: 1000,
    });
    try {
      assert.equal(await directory.countUsers(), 1234);
    } finally {
      directory.close();
      await simulator.close();
    }
  });
});
