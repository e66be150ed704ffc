import http from "node:http";
import https from "node:https";

export interface ConnectorAnswer {
  status: number;
  retryAfter?: string;
  body: string;
}

/**
 * One JSON request to the Bot Connector over keep-alive node:http(s), answer body read in full. Lighter
 * than fetch per request, which matters at broadcast rates (and keeps memory flat).
 */
export function createConnectorHttp(timeoutMs: number) {
  const agents = {
    "http:": new http.Agent({ keepAlive: true, maxSockets: 128 }),
    "https:": new https.Agent({ keepAlive: true, maxSockets: 128 }),
  };
  return function request(
    method: "POST" | "PUT",
    url: string,
    headers: Record<string, string>,
    body: string,
  ): Promise<ConnectorAnswer> {
    const target = new URL(url);
    const client = target.protocol === "https:" ? https : http;
    return new Promise<ConnectorAnswer>((resolve, reject) => {
      const req = client.request(
        target,
        {
          method,
          headers: { ...headers, "content-length": Buffer.byteLength(body) },
          agent: agents[target.protocol as "http:" | "https:"],
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            const retryAfter = res.headers["retry-after"];
            resolve({
              status: res.statusCode ?? 0,
              retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
              body: Buffer.concat(chunks).toString("utf8"),
            });
          });
          res.on("error", reject);
        },
      );
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", reject);
      req.end(body);
    });
  };
}
