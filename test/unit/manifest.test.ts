import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";

import JSZip from "jszip";
import { PNG } from "pngjs";

import { colorIcon, outlineIcon } from "../../scripts/make-icons";
import {
  buildAppPackage,
  checkIcons,
  checkLanguageFiles,
  PackageError,
  substitute,
  validateManifest,
} from "../../scripts/package-app";

const ROOT = path.resolve(__dirname, "..", "..");
const APP = path.join(ROOT, "appPackage");
const SAMPLE = {
  TEAMS_APP_ID: "6d0f3f7e-2b1a-4c55-9a0e-5f2d8c1b7a43",
  BOT_ID: "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0",
  BOT_DOMAIN: "mfa-ready.example.com",
  APP_VERSION: "0.1.0",
  APP_WEBSITE_URL: "https://example.com/mfa-ready",
  APP_PRIVACY_URL: "https://example.com/mfa-ready/privacy",
  APP_TERMS_URL: "https://example.com/mfa-ready/terms",
};
const scratch = mkdtempSync(path.join(tmpdir(), "mfa-ready-package-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

const rawManifest = () => readFileSync(path.join(APP, "manifest.json"), "utf8");
const sampleManifest = () =>
  JSON.parse(substitute(rawManifest(), SAMPLE, "test")) as Record<string, unknown> & {
    bots: Array<Record<string, unknown>>;
  };

describe("appPackage/manifest.json", () => {
  it("uses the Teams Toolkit placeholders for the ids and the domain", () => {
    for (const name of ["TEAMS_APP_ID", "BOT_ID", "BOT_DOMAIN"]) {
      assert.ok(rawManifest().includes(`\${{${name}}}`), name);
    }
  });

  it("is valid against the bundled schema once filled in, and the validator does catch mistakes", async () => {
    const manifest = sampleManifest();
    assert.equal(manifest.manifestVersion, "1.30");
    assert.deepEqual(await validateManifest(manifest), []);
    const broken = { ...manifest, description: { short: "x".repeat(81), full: "ok" } };
    assert.match((await validateManifest(broken)).join("\n"), /description\/short/);
  });

  it("never fetches a schema: one that is not bundled is refused", async () => {
    await assert.rejects(
      validateManifest({ ...sampleManifest(), $schema: "https://example.com/schema.json" }),
      (err: unknown) => err instanceof PackageError && /is not bundled/.test(err.message),
    );
  });

  it("declares a bot in personal, team and group chats, with files and a command per job", () => {
    const bot = sampleManifest().bots[0]!;
    assert.equal(bot.botId, SAMPLE.BOT_ID);
    assert.deepEqual(bot.scopes, ["personal", "team", "groupChat"]);
    assert.equal(bot.supportsFiles, true);
    const lists = bot.commandLists as Array<{ scopes: string[]; commands: Array<{ title: string }> }>;
    const personal = lists.find((list) => list.scopes.includes("personal"))!;
    assert.deepEqual(
      personal.commands.map((command) => command.title),
      ["Am I affected?", "Set up a passkey", "Can we postpone?", "Readiness report", "Broadcast", "Help"],
    );
    assert.deepEqual(sampleManifest().validDomains, [SAMPLE.BOT_DOMAIN]);
  });
});

describe("icons", () => {
  it("color.png is 192x192 and opaque; outline.png is 32x32, white on a truly transparent background", () => {
    const color = PNG.sync.read(readFileSync(path.join(APP, "color.png")));
    const outline = PNG.sync.read(readFileSync(path.join(APP, "outline.png")));
    assert.deepEqual([color.width, color.height, outline.width, outline.height], [192, 192, 32, 32]);
    const alphas = (png: PNG) => png.data.filter((_value, index) => index % 4 === 3);
    assert.ok(alphas(color).every((alpha) => alpha === 255));
    assert.ok(alphas(outline).filter((alpha) => alpha === 0).length > 32 * 32 * 0.4, "mostly transparent");
    assert.ok(
      alphas(outline).some((alpha) => alpha === 255),
      "something is drawn",
    );
    assert.deepEqual(checkIcons(APP), []);
  });

  it("are what scripts/make-icons.ts draws (the script is their source)", () => {
    // Pixels, not bytes: another zlib may compress the same image differently.
    const pixels = (png: Buffer) => PNG.sync.read(png).data;
    assert.ok(pixels(readFileSync(path.join(APP, "color.png"))).equals(pixels(colorIcon())));
    assert.ok(pixels(readFileSync(path.join(APP, "outline.png"))).equals(pixels(outlineIcon())));
  });

  it("an outline on an opaque background is refused", () => {
    const dir = path.join(scratch, "opaque");
    mkdirSync(dir);
    copyFileSync(path.join(APP, "color.png"), path.join(dir, "color.png"));
    const opaque = new PNG({ width: 32, height: 32 });
    opaque.data.fill(255);
    writeFileSync(path.join(dir, "outline.png"), PNG.sync.write(opaque));
    assert.match(checkIcons(dir).join("\n"), /no transparent pixel/);
  });
});

describe("npm run package", () => {
  it("names the first missing variable in one line", () => {
    assert.throws(
      () => substitute(rawManifest(), { ...SAMPLE, BOT_ID: " " }, "dev"),
      (err: unknown) =>
        err instanceof PackageError &&
        err.message === "BOT_ID is not set: add it to env/.env.dev (or .env.dev.user) or the environment",
    );
    assert.equal(substitute('{"a":"${{X}}"}', { X: 'say "hi"\\' }, "t"), '{"a":"say \\"hi\\"\\\\"}');
  });

  it("names a language file per language, each valid against the bundled localisation schema", async () => {
    const manifest = sampleManifest();
    const { files, problems } = await checkLanguageFiles(manifest, APP);
    assert.deepEqual(problems, []);
    assert.deepEqual([...files.keys()], ["en.json", "de.json", "fr.json", "es.json", "ja.json"]);
    const german = JSON.parse(files.get("de.json")!) as Record<string, string>;
    assert.equal(german["bots[0].commandLists[0].commands[0].title"], "Bin ich betroffen?");
  });

  it("refuses a language file the schema refuses, or one that translates other strings", async () => {
    const dir = path.join(scratch, "languages");
    mkdirSync(dir, { recursive: true });
    for (const file of ["en.json", "de.json", "fr.json", "es.json", "ja.json"]) {
      copyFileSync(path.join(APP, file), path.join(dir, file));
    }
    const french = JSON.parse(readFileSync(path.join(APP, "fr.json"), "utf8")) as Record<string, string>;
    writeFileSync(
      path.join(dir, "fr.json"),
      JSON.stringify({ ...french, "description.short": "x".repeat(200) }),
    );
    const { ["name.full"]: _dropped, ...spanish } = JSON.parse(
      readFileSync(path.join(APP, "es.json"), "utf8"),
    ) as Record<string, string>;
    writeFileSync(path.join(dir, "es.json"), JSON.stringify(spanish));
    const { problems } = await checkLanguageFiles(sampleManifest(), dir);
    assert.match(problems.join("\n"), /fr\.json: .*description/);
    assert.match(problems.join("\n"), /es\.json does not translate the same strings/);
  });

  it("zips the filled-in manifest, its language files and both icons", async () => {
    const root = path.join(scratch, "root");
    mkdirSync(path.join(root, "appPackage"), { recursive: true });
    copyFileSync(path.join(ROOT, "package.json"), path.join(root, "package.json"));
    for (const file of [
      "manifest.json",
      "color.png",
      "outline.png",
      "en.json",
      "de.json",
      "fr.json",
      "es.json",
      "ja.json",
    ]) {
      copyFileSync(path.join(APP, file), path.join(root, "appPackage", file));
    }
    const { zipFile } = await buildAppPackage("test", SAMPLE, root);
    assert.equal(zipFile, path.join(root, "appPackage", "build", "appPackage.test.zip"));
    const zip = await JSZip.loadAsync(readFileSync(zipFile));
    assert.deepEqual(Object.keys(zip.files).sort(), [
      "color.png",
      "de.json",
      "en.json",
      "es.json",
      "fr.json",
      "ja.json",
      "manifest.json",
      "outline.png",
    ]);
    const manifest = await zip.file("manifest.json")!.async("string");
    assert.doesNotMatch(manifest, /\$\{\{/);
    assert.equal((JSON.parse(manifest) as { id: string }).id, SAMPLE.TEAMS_APP_ID);
    const icon = await zip.file("outline.png")!.async("nodebuffer");
    assert.ok(icon.equals(readFileSync(path.join(APP, "outline.png"))));
  });

  it("exits 1 with one line on stderr when the local demo has no BOT_ID", () => {
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "scripts", "package-app.ts")],
      {
        cwd: ROOT,
        env: { ...process.env, MFA_READY_ENV: "local", BOT_ID: "" },
        encoding: "utf8",
      },
    );
    assert.equal(run.status, 1);
    assert.equal(
      run.stderr,
      "package: BOT_ID is not set: add it to env/.env.local (or .env.local.user) or the environment\n",
    );
  });
});
