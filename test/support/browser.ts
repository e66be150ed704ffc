import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { type BrowserContext, chromium } from "playwright-core";

/**
 * Debian's Chromium, driven by playwright-core. No browser is ever downloaded: CI installs the
 * `chromium` package (.ci/run), and a developer without it gets a skip, never a download.
 */
export function findChromium(): string | undefined {
  const found = spawnSync("which", ["chromium"], { encoding: "utf8" });
  const file = found.status === 0 ? found.stdout.trim() : "";
  return file === "" ? undefined : file;
}

/**
 * Why the browser tests cannot run here, or undefined when they can. In CI a missing Chromium is a
 * failure, not a skip: the check must run there.
 */
export function browserSkipReason(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (findChromium() !== undefined) {
    return undefined;
  }
  if (env.CI) {
    throw new Error(
      "chromium is not installed but CI is set: the browser tests must run in CI (.ci/run installs it)",
    );
  }
  return "chromium is not installed (apt-get install -y chromium); browser tests skipped";
}

/** Flags for a quiet, offline, throwaway headless Chromium (no sandbox: CI runs as root). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh profile each time (Playwright takes it as the persistent context's user data dir). */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error("chromium is not installed");
  }
  const userDataDir = mkdtempSync(path.join(tmpdir(), "mfa-chromium-"));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 20_000,
    });
    // Loopback only, and not even that: the card page is built in memory; any request is a bug.
    await context.route("**/*", (route) => route.abort());
    return {
      context,
      async close() {
        await context.close();
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
