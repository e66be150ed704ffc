import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";

import { ConfigError } from "./config-error";

/** Reads `env/.env.<name>` and `env/.env.<name>.user` (when present) under `root`; the environment wins. */
export function loadEnvFiles(
  env: NodeJS.ProcessEnv = process.env,
  root: string = process.cwd(),
): NodeJS.ProcessEnv {
  const name = env.MFA_READY_ENV ?? "local";
  if (!/^[a-z0-9-]+$/i.test(name)) {
    throw new ConfigError("MFA_READY_ENV", "must be a name like local or dev");
  }
  const merged: NodeJS.ProcessEnv = {};
  for (const file of [`.env.${name}`, `.env.${name}.user`]) {
    const full = path.join(root, "env", file);
    if (existsSync(full)) {
      Object.assign(merged, parseEnv(readFileSync(full, "utf8")));
    }
  }
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined) {
      merged[key] = value;
    }
  }
  return merged;
}
