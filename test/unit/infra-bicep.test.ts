import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";

import { readConfig } from "../../src/config";

/**
 * The Bicep compiler cannot run here, so the template is read as text: its app settings must be a
 * configuration the app accepts in azure mode, it must hold no secret or key, and the identity must get
 * exactly the Storage data roles the stores need. What Azure itself does with it is verified only there.
 */
const root = path.join(__dirname, "..", "..");
const template = readFileSync(path.join(root, "infra", "main.bicep"), "utf8");
const configSource = readFileSync(path.join(root, "src", "config-schema.ts"), "utf8");

/** `{ name: 'X', value: <expr> }` lines of appSettings. */
const settings = [...template.matchAll(/\{ name: '([A-Z0-9_]+)', value: ([^}]+?) \}/g)].map(
  ([, name, value]) => ({ name: name!, value: value!.trim() }),
);

/** What each template expression becomes in Azure, in the shape Azure gives it. */
const deployed: Record<string, string> = {
  "identity.properties.clientId": "7d3f1a52-0c8e-4b6a-9f3e-2a1b4c5d6e7f",
  tenantId: "5e4d3c2b-1a09-4f8e-a7d6-c5b4a3928170",
  "storage.properties.primaryEndpoints.table": "https://mfaready3k2j.table.core.windows.net/",
  teamsAppId: "",
};

const env = () =>
  Object.fromEntries(
    settings.map(({ name, value }) => {
      const literal = /^'(.*)'$/.exec(value);
      const resolved = literal ? literal[1]! : deployed[value];
      assert.notEqual(resolved, undefined, `${name}: the test does not know what ${value} becomes`);
      return [name, resolved!];
    }),
  );

describe("infra/main.bicep", () => {
  it("sets what the app requires in azure mode, and the app accepts it", () => {
    assert.ok(settings.length >= 12, `read ${settings.length} app settings`);
    const config = readConfig(env());
    assert.equal(config.storage.kind, "azure");
    assert.equal(
      config.storage.kind === "azure" && config.storage.accountUrl,
      "https://mfaready3k2j.table.core.windows.net",
    );
    assert.equal(config.bot.appType, "UserAssignedMSI");
    assert.equal(config.bot.appId, deployed["identity.properties.clientId"]);
    assert.equal(config.directory.mode, "graph");
    assert.equal(config.directory.credential, "managed-identity");
    assert.equal(config.unauthenticated, false, "requests are authenticated");
    const names = settings.map((s) => s.name);
    assert.ok(
      names.includes("AZURE_CLIENT_ID"),
      "DefaultAzureCredential picks the user-assigned identity for Storage",
    );
  });

  it("uses only the project's own env names (plus App Service's and the Azure SDK's)", () => {
    const known = new Set([...configSource.matchAll(/^ {2}([A-Z][A-Z0-9_]+): /gm)].map((m) => m[1]!));
    const platform = new Set(["AZURE_CLIENT_ID", "SCM_DO_BUILD_DURING_DEPLOYMENT"]);
    for (const { name } of settings) {
      assert.ok(known.has(name) || platform.has(name), `${name} is not a setting the app reads`);
    }
  });

  it("holds no secret and no key", () => {
    assert.ok(
      settings.every(({ name }) => !name.startsWith("SECRET_") && !name.includes("CONNECTION_STRING")),
    );
    assert.doesNotMatch(template, /listKeys|AccountKey=|@secure\(\)|connectionString|password/i);
    assert.match(template, /allowSharedKeyAccess: false/);
    assert.match(template, /msaAppType: 'UserAssignedMSI'/);
  });

  it("gives the identity exactly the Storage data roles the stores use, on the account only", () => {
    const roles = [
      ...template.matchAll(
        /roleDefinitionId: subscriptionResourceId\('Microsoft\.Authorization\/roleDefinitions', (\w+)\)/g,
      ),
    ].map((m) => m[1]!);
    const ids = roles.map((variable) => new RegExp(`var ${variable} = '([0-9a-f-]+)'`).exec(template)?.[1]);
    assert.deepEqual(ids.sort(), [
      "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
      "ba92f5b4-2d11-453d-a403-e96b0029c9fe", // Storage Blob Data Contributor
    ]);
    const assignments = template
      .split("resource ")
      .filter((block) => block.includes("Microsoft.Authorization/roleAssignments"));
    assert.equal(assignments.length, 2);
    for (const block of assignments) {
      assert.match(block, /scope: storage\n/);
      assert.match(block, /principalId: identity\.properties\.principalId/);
    }
  });

  it("runs Node 24 on Linux with at least two instances and the user-assigned identity", () => {
    assert.match(template, /linuxFxVersion: 'NODE\|24-lts'/);
    assert.match(template, /@minValue\(2\)\nparam instanceCount int = 2/);
    assert.match(template, /capacity: instanceCount/);
    assert.match(template, /type: 'UserAssigned'/);
    assert.match(template, /healthCheckPath: '\/healthz'/);
  });

  it("starts the bot the way npm start does (a file that runs nothing would leave the instances down)", () => {
    const command = /appCommandLine: '([^']+)'/.exec(template)?.[1];
    assert.equal(command, "npm start");
    const scripts = (
      JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    const entry = /\bdist\/([\w-]+)\.js\b/.exec(scripts.start ?? "")?.[1];
    assert.ok(entry, `npm start runs a built file: ${scripts.start}`);
    const source = readFileSync(path.join(root, "src", `${entry}.ts`), "utf8");
    assert.match(source, /main\(\["serve"/, `src/${entry}.ts starts the service`);
    assert.match(
      template,
      /name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true'/,
      "dist/ is built on the instance",
    );
  });
});
