import assert from "node:assert/strict";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";

import {
  createSimulatorCertificate,
  type SimulatorCertificate,
} from "../../src/dev/graph-simulator/certificate";
import { createDirectory } from "../../src/directory/create-directory";
import { DirectoryError } from "../../src/directory/errors";
import { demoConfig, recordingLogger } from "../support/graph-directory-harness";

interface Seen {
  host: string;
  url: string;
  authorization?: string;
}

const TOKEN = "graph-token-that-must-not-travel";
const tokens = {
  graph: { getAccessToken: async () => TOKEN },
  arm: { getAccessToken: async () => "arm-token" },
};

function listen(server: http.Server | https.Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );
}

describe("the bearer token goes only to https and to the configured Graph host", () => {
  const seen: Seen[] = [];
  let certificate: SimulatorCertificate;
  let secure: https.Server;
  let plain: http.Server;
  let securePort = 0;
  let plainPort = 0;

  before(async () => {
    certificate = await createSimulatorCertificate();
    const record = (
      request: http.IncomingMessage,
      response: http.ServerResponse,
      pages: (host: string) => unknown,
    ) => {
      seen.push({
        host: request.headers.host ?? "",
        url: request.url ?? "",
        authorization: request.headers.authorization,
      });
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(pages(request.headers.host ?? "")));
    };
    secure = https.createServer(
      { key: certificate.serverKeyPem, cert: certificate.serverCertPem },
      (request, response) =>
        record(request, response, (host) =>
          host.startsWith("127.0.0.1")
            ? // Page 1, from the configured host, links to the same server under a name that is not listed.
              {
                value: [{ id: "u1", userPrincipalName: "u1@x.example" }],
                "@odata.nextLink": `https://localhost:${securePort}/v1.0/users?$skiptoken=2`,
              }
            : // Page 2 links to plain http.
              {
                value: [{ id: "u2", userPrincipalName: "u2@x.example" }],
                "@odata.nextLink": `http://127.0.0.1:${plainPort}/v1.0/users?$skiptoken=3`,
              },
        ),
    );
    plain = http.createServer((request, response) => record(request, response, () => ({ value: [] })));
    securePort = await listen(secure);
    plainPort = await listen(plain);
  });

  after(async () => {
    secure.closeAllConnections();
    plain.closeAllConnections();
    await new Promise((resolve) => secure.close(resolve));
    await new Promise((resolve) => plain.close(resolve));
    await certificate.dispose();
  });

  it("sends it to the listed https host, not to an unlisted host, and never follows a link to http", async () => {
    seen.length = 0;
    const { logger, lines } = recordingLogger();
    const directory = createDirectory(demoConfig(2_000), logger, {
      graphBaseUrl: `https://127.0.0.1:${securePort}`,
      caCertPem: certificate.caCertPem,
      tokens,
    });
    const ids: string[] = [];
    await assert.rejects(
      (async () => {
        for await (const user of directory.listUsers()) {
          ids.push(user.id);
        }
      })(),
      (error: unknown) =>
        error instanceof DirectoryError && error.reason === "badRequest" && /not https/.test(error.message),
    );
    directory.close();
    assert.deepEqual(ids, ["u1", "u2"]);
    assert.deepEqual(
      seen.map((request) => [request.host.split(":")[0], request.authorization]),
      [
        ["127.0.0.1", `Bearer ${TOKEN}`],
        ["localhost", undefined],
      ],
    );
    assert.ok(!lines.join("\n").includes(TOKEN));
  });

  it("sends no token when the base URL itself is plain http", async () => {
    seen.length = 0;
    const { logger } = recordingLogger();
    const directory = createDirectory(demoConfig(2_000), logger, {
      graphBaseUrl: `http://127.0.0.1:${plainPort}`,
      tokens,
    });
    for await (const _user of directory.listUsers()) {
      assert.fail("the plain server lists no users");
    }
    directory.close();
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.authorization, undefined);
  });

  it("does not trust a certificate whose CA was not given (no verification shortcut)", async () => {
    const { logger } = recordingLogger();
    const directory = createDirectory(demoConfig(2_000), logger, {
      graphBaseUrl: `https://127.0.0.1:${securePort}`,
      tokens,
      retry: { maxAttempts: 1 },
    });
    await assert.rejects(
      directory.getMethodsPolicy(),
      (error: unknown) => error instanceof DirectoryError && error.reason === "unavailable",
    );
    directory.close();
  });
});

describe("a credential that cannot get a token", () => {
  it("fails as unauthenticated, with the credential's reason and the admin's next step", async () => {
    const { logger } = recordingLogger();
    const failing = {
      getAccessToken: () => Promise.reject(new Error("AADSTS7000215: Invalid client secret provided.")),
    };
    const directory = createDirectory(demoConfig(2_000), logger, {
      graphBaseUrl: "https://127.0.0.1:9",
      tokens: { graph: failing, arm: failing },
    });
    await assert.rejects(directory.getMethodsPolicy(), (error: unknown) => {
      assert.ok(error instanceof DirectoryError);
      assert.equal(error.reason, "unauthenticated");
      assert.match(error.message, /AADSTS7000215.*Check the app registration's credential/);
      return true;
    });
    directory.close();
  });
});
