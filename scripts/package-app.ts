/**
 * `npm run package`: builds the Teams app package for an environment (MFA_READY_ENV, default local).
 * Fills each ${{VAR}} in appPackage/manifest.json from env/.env.<env>, its .user companion and the
 * environment, validates the result against the Teams schema bundled in @microsoft/app-manifest
 * (offline), validates each language file its localizationInfo names against the bundled localisation
 * schema (and checks each translates the same strings as the default one), checks the icons and zips
 * manifest, language files and icons to appPackage/build/appPackage.<env>.zip.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { AppManifestUtils } from "@microsoft/app-manifest";
import JSZip from "jszip";
import { PNG } from "pngjs";

import { loadEnvFiles } from "../src/config";

const ROOT = path.resolve(__dirname, "..");
const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const ICONS = { "color.png": 192, "outline.png": 32 } as const;

export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackageError";
  }
}

/** Replaces every ${{VAR}} (inside JSON strings) with its value; an unset or empty VAR is an error. */
export function substitute(text: string, vars: NodeJS.ProcessEnv, envName: string): string {
  return text.replace(PLACEHOLDER, (_match, name: string) => {
    const value = vars[name];
    if (value === undefined || value.trim() === "") {
      throw new PackageError(
        `${name} is not set: add it to env/.env.${envName} (or .env.${envName}.user) or the environment`,
      );
    }
    return JSON.stringify(value.trim()).slice(1, -1);
  });
}

/** Validates against the schema named by `$schema`, read from the package's bundled copy, never the network. */
export async function validateManifest(manifest: object): Promise<string[]> {
  return validateWith(manifest, (schema) => schema);
}

/**
 * A language file, against the bundled localisation schema. That schema's activityTypes patterns end a
 * character class with a bare "\\b]", which ajv (unicode regular expressions) refuses to compile; the
 * bracket is escaped, which is what the pattern means, and nothing else is changed.
 */
async function validateLanguageFile(strings: object): Promise<string[]> {
  return validateWith(strings, (schema) => {
    const patterns = (schema as { patternProperties?: Record<string, unknown> }).patternProperties ?? {};
    const fixed = Object.fromEntries(
      Object.entries(patterns).map(([key, value]) => [key.replace(/\\b\]/g, "\\b\\]"), value]),
    );
    return { ...schema, patternProperties: fixed };
  });
}

async function validateWith(manifest: object, prepare: (schema: object) => object): Promise<string[]> {
  const prefix = "https://developer.microsoft.com/";
  const url = String((manifest as { $schema?: unknown }).$schema ?? "");
  const bundled = path.join(
    path.dirname(require.resolve("@microsoft/app-manifest/package.json")),
    "build",
    url.startsWith(prefix) ? url.slice(prefix.length) : "not-bundled",
  );
  if (!existsSync(bundled)) {
    throw new PackageError(`$schema ${url || "(none)"} is not bundled with @microsoft/app-manifest`);
  }
  const schema = prepare(JSON.parse(readFileSync(bundled, "utf8")) as object) as Parameters<
    typeof AppManifestUtils.validateAgainstSchema
  >[1];
  const asManifest = manifest as Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
  return AppManifestUtils.validateAgainstSchema(asManifest, schema);
}

/** Teams' icon rules: color 192x192; outline 32x32, white where drawn, transparent elsewhere. */
export function checkIcons(dir: string): string[] {
  const problems: string[] = [];
  for (const [file, size] of Object.entries(ICONS)) {
    const png = PNG.sync.read(readFileSync(path.join(dir, file)));
    if (png.width !== size || png.height !== size) {
      problems.push(`${file} is ${png.width}x${png.height}, must be ${size}x${size}`);
    }
    if (file === "outline.png") {
      let transparent = 0;
      for (let i = 0; i < png.data.length; i += 4) {
        const [r, g, b, a] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!];
        transparent += a === 0 ? 1 : 0;
        if (a > 0 && (r < 250 || g < 250 || b < 250)) {
          problems.push(`outline.png must be white on transparent: pixel ${i / 4} is rgb(${r},${g},${b})`);
          break;
        }
      }
      if (transparent === 0) {
        problems.push("outline.png has no transparent pixel: its background must be transparent");
      }
    }
  }
  return problems;
}

interface LocalizationInfo {
  defaultLanguageFile?: string;
  additionalLanguages?: Array<{ languageTag: string; file: string }>;
}

/** The language files localizationInfo names, each validated; their problems prefixed with the file name. */
export async function checkLanguageFiles(
  manifest: Record<string, unknown>,
  dir: string,
): Promise<{ files: Map<string, string>; problems: string[] }> {
  const info = (manifest.localizationInfo ?? {}) as LocalizationInfo;
  const names = [
    ...(info.defaultLanguageFile ? [info.defaultLanguageFile] : []),
    ...(info.additionalLanguages ?? []).map((language) => language.file),
  ];
  const files = new Map<string, string>();
  const problems: string[] = [];
  let defaultKeys: string[] | undefined;
  for (const name of names) {
    const file = path.join(dir, name);
    if (!existsSync(file)) {
      problems.push(`${name} (named by localizationInfo) does not exist`);
      continue;
    }
    const text = readFileSync(file, "utf8");
    const strings = JSON.parse(text) as Record<string, unknown>;
    files.set(name, text);
    problems.push(...(await validateLanguageFile(strings)).map((problem) => `${name}: ${problem}`));
    const keys = Object.keys(strings)
      .filter((key) => key !== "$schema")
      .sort();
    defaultKeys ??= keys;
    if (keys.join("|") !== defaultKeys.join("|")) {
      problems.push(`${name} does not translate the same strings as ${names[0]}`);
    }
  }
  return { files, problems };
}

export interface BuiltPackage {
  zipFile: string;
  manifest: Record<string, unknown>;
}

/** Builds appPackage/build/appPackage.<envName>.zip from the variables given. */
export async function buildAppPackage(
  envName: string,
  vars: NodeJS.ProcessEnv,
  root = ROOT,
): Promise<BuiltPackage> {
  const source = path.join(root, "appPackage");
  const version = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string })
    .version;
  const text = substitute(
    readFileSync(path.join(source, "manifest.json"), "utf8"),
    { APP_VERSION: version, ...vars },
    envName,
  );
  const manifest = JSON.parse(text) as Record<string, unknown>;
  const languages = await checkLanguageFiles(manifest, source);
  const problems = [...(await validateManifest(manifest)), ...languages.problems, ...checkIcons(source)];
  if (problems.length > 0) {
    throw new PackageError(`appPackage/manifest.json is not valid for ${envName}: ${problems.join("; ")}`);
  }
  const zip = new JSZip();
  zip.file("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [name, text] of languages.files) {
    zip.file(name, text);
  }
  for (const icon of Object.keys(ICONS)) {
    zip.file(icon, readFileSync(path.join(source, icon)));
  }
  const out = path.join(source, "build");
  mkdirSync(out, { recursive: true });
  const zipFile = path.join(out, `appPackage.${envName}.zip`);
  writeFileSync(zipFile, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  writeFileSync(path.join(out, `manifest.${envName}.json`), `${JSON.stringify(manifest, null, 2)}\n`);
  return { zipFile, manifest };
}

if (require.main === module) {
  const envName = process.env.MFA_READY_ENV ?? "local";
  Promise.resolve()
    .then(() => buildAppPackage(envName, loadEnvFiles(process.env, ROOT)))
    .then(({ zipFile }) => process.stdout.write(`${path.relative(process.cwd(), zipFile)}\n`))
    .catch((err: unknown) => {
      process.stderr.write(`package: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    });
}
