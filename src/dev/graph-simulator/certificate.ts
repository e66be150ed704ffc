import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { generate } from "selfsigned";

export interface SimulatorCertificate {
  /** The CA that signed the server certificate: the trust anchor clients pin. */
  caCertPem: string;
  caCertPath: string;
  serverKeyPem: string;
  serverCertPem: string;
  /** Removes the temporary CA file. */
  dispose(): Promise<void>;
}

/**
 * A fresh CA and a server certificate it signs, for 127.0.0.1, ::1 and localhost, made at every start
 * (EC P-256 keeps it to tens of milliseconds). The CA goes to a temporary file for tools that take a path
 * (NODE_EXTRA_CA_CERTS, curl --cacert).
 */
export async function createSimulatorCertificate(): Promise<SimulatorCertificate> {
  const notBeforeDate = new Date(Date.now() - 60 * 60 * 1000);
  const notAfterDate = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000);
  const ca = await generate([{ name: "commonName", value: "MFA Ready Graph simulator CA" }], {
    keyType: "ec",
    algorithm: "sha256",
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const server = await generate([{ name: "commonName", value: "localhost" }], {
    keyType: "ec",
    algorithm: "sha256",
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
          { type: 7, ip: "::1" },
        ],
      },
    ],
  });
  const dir = await mkdtemp(path.join(tmpdir(), "mfa-ready-graph-simulator-"));
  const caCertPath = path.join(dir, "ca.pem");
  await writeFile(caCertPath, ca.cert, { mode: 0o644 });
  return {
    caCertPem: ca.cert,
    caCertPath,
    serverKeyPem: server.private,
    serverCertPem: server.cert,
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
