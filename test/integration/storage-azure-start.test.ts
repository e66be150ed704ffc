import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { ConfigError, readConfig } from "../../src/config";
import { runService } from "../../src/index";
import { createLogger } from "../../src/logger";
import { type Azurite, startAzurite } from "../support/azurite";

const logger = createLogger({ level: "silent" });

describe("STORAGE=azure: settings", () => {
  const configError = (env: NodeJS.ProcessEnv) => {
    try {
      readConfig(env);
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      return error.message;
    }
    assert.fail("expected a ConfigError");
  };

  it("nothing set: embedded SQLite, as before", () => {
    assert.deepEqual(readConfig({}).storage, { kind: "sqlite" });
  });

  it("a missing or wrong setting is one line naming it", () => {
    assert.match(
      configError({ STORAGE: "azure" }),
      /^AZURE_STORAGE_ACCOUNT_URL: is required with STORAGE=azure/,
    );
    assert.match(configError({ STORAGE: "blob" }), /^STORAGE: must be sqlite or azure/);
    assert.match(
      configError({ STORAGE: "azure", AZURE_STORAGE_ACCOUNT_URL: "http://acct.blob.core.windows.net" }),
      /^AZURE_STORAGE_ACCOUNT_URL: must be/,
    );
    assert.match(
      configError({ STORAGE: "azure", AZURE_STORAGE_CONNECTION_STRING: "hello" }),
      /^AZURE_STORAGE_CONNECTION_STRING: is not an Azure Storage connection string/,
    );
    assert.match(
      configError({
        STORAGE: "azure",
        AZURE_STORAGE_ACCOUNT_URL: "https://acct.blob.core.windows.net",
        AZURE_STORAGE_CONNECTION_STRING: "UseDevelopmentStorage=true",
      }),
      /^AZURE_STORAGE_CONNECTION_STRING: set either it or AZURE_STORAGE_ACCOUNT_URL/,
    );
    assert.match(
      configError({
        STORAGE: "azure",
        AZURE_STORAGE_CONNECTION_STRING: "UseDevelopmentStorage=true",
        AZURE_STORAGE_PREFIX: "a-b",
      }),
      /^AZURE_STORAGE_PREFIX:/,
    );
  });

  it("an account URL (managed identity) or a connection string (Azurite)", () => {
    assert.deepEqual(
      readConfig({ STORAGE: "azure", AZURE_STORAGE_ACCOUNT_URL: "https://mfaready1.table.core.windows.net/" })
        .storage,
      {
        kind: "azure",
        prefix: "mfaready",
        accountUrl: "https://mfaready1.table.core.windows.net",
      },
    );
    assert.equal(
      readConfig({ STORAGE: "azure", SECRET_AZURE_STORAGE_CONNECTION_STRING: "UseDevelopmentStorage=true" })
        .storage.kind,
      "azure",
    );
  });
});

describe("STORAGE=azure: start-up and /healthz against Azurite", () => {
  let azurite: Azurite;
  let dataDir: string;
  before(async () => {
    azurite = await startAzurite();
    dataDir = mkdtempSync(path.join(tmpdir(), "mfa-ready-azure-start-"));
  });
  after(async () => {
    await azurite.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("reports the storage kind and that it answers", async () => {
    const config = readConfig({
      PORT: "0",
      DATA_DIR: dataDir,
      STORAGE: "azure",
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_PREFIX: "start1",
    });
    const service = await runService(config, logger);
    try {
      const health = (await (await fetch(`${service.url}/healthz`)).json()) as { storage: unknown };
      assert.deepEqual(health.storage, { kind: "azure", reachable: true });
    } finally {
      await service.stop(1_000);
    }
  });

  it("an account that refuses stops start-up, naming the setting", async () => {
    const wrongKey = azurite.connectionString.replace(
      /AccountKey=[^;]+/,
      `AccountKey=${Buffer.from("not the key").toString("base64")}`,
    );
    const config = readConfig({
      PORT: "0",
      DATA_DIR: dataDir,
      STORAGE: "azure",
      AZURE_STORAGE_CONNECTION_STRING: wrongKey,
    });
    await assert.rejects(runService(config, logger), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(
        error.message,
        /^AZURE_STORAGE_CONNECTION_STRING: the storage account could not be opened/,
      );
      assert.ok(!error.message.includes("\n"), "one line");
      return true;
    });
  });
});
