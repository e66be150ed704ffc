import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface Azurite {
  /** A connection string to this Azurite's blob, queue and table endpoints (the well-known dev account). */
  connectionString: string;
  stop(): Promise<void>;
}

const DEV_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
const BIN = path.resolve(__dirname, "..", "..", "node_modules", "azurite", "dist", "src", "azurite.js");

/**
 * Starts Azurite (the npm devDependency) on loopback, on ports the OS picks, in a fresh temp location,
 * and resolves once its three services listen. Stopping kills it and removes the location.
 */
export async function startAzurite(): Promise<Azurite> {
  const location = mkdtempSync(path.join(tmpdir(), "mfa-ready-azurite-"));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      BIN,
      "--skipApiVersionCheck",
      "--disableTelemetry",
      "--silent",
      "--location",
      location,
      "--blobHost",
      "127.0.0.1",
      "--queueHost",
      "127.0.0.1",
      "--tableHost",
      "127.0.0.1",
      "--blobPort",
      "0",
      "--queuePort",
      "0",
      "--tablePort",
      "0",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const ports: Record<string, string> = {};
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(
      () => reject(new Error(`Azurite did not start in 30 s: ${out} ${stderr}`)),
      30_000,
    );
    child.once("exit", (code) => reject(new Error(`Azurite exited with ${code}: ${out} ${stderr}`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      for (const match of out.matchAll(
        /Azurite (Blob|Queue|Table) service is successfully listening at http:\/\/127\.0\.0\.1:(\d+)/g,
      )) {
        ports[match[1]!] = match[2]!;
      }
      if (ports.Blob && ports.Queue && ports.Table) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  const account = "devstoreaccount1";
  return {
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=${account};AccountKey=${DEV_KEY};` +
      `BlobEndpoint=http://127.0.0.1:${ports.Blob}/${account};QueueEndpoint=http://127.0.0.1:${ports.Queue}/${account};` +
      `TableEndpoint=http://127.0.0.1:${ports.Table}/${account};`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGKILL");
        await exited;
      }
      rmSync(location, { recursive: true, force: true });
    },
  };
}
