import { request } from "node:https";

/** What a test needs from a simulator: where it is and which CA to trust. */
export interface SimulatorEndpoint {
  baseUrl: string;
  caCertPem: string;
}

export interface SimAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON, or the text when the answer is not JSON (or empty). */
  body: unknown;
  text: string;
}

export interface SimCallOptions {
  /** Bearer token; `null` sends no Authorization header. */
  token?: string | null;
  headers?: Record<string, string>;
  body?: unknown;
  /** Abort after this many milliseconds (rejects with a timeout error). */
  timeoutMs?: number;
}

/**
 * One HTTPS request to the simulator, trusting only its CA, as the product's Graph client does. `path`
 * may be absolute (an @odata.nextLink) or start with /.
 */
export function call(
  sim: SimulatorEndpoint,
  method: string,
  path: string,
  options: SimCallOptions = {},
): Promise<SimAnswer> {
  const url = new URL(/^https:/.test(path) ? path : `${sim.baseUrl}${path}`);
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== null) {
    headers.authorization = `Bearer ${options.token ?? "test-token"}`;
  }
  if (payload !== undefined) {
    headers["content-type"] = "application/json";
  }
  return new Promise((resolve, reject) => {
    const req = request(
      {
        method,
        hostname: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        headers,
        ca: sim.caCertPem,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let body: unknown = text;
          if ((res.headers["content-type"] ?? "").includes("json") && text !== "") {
            body = JSON.parse(text) as unknown;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text });
        });
        res.on("error", reject);
      },
    );
    if (options.timeoutMs !== undefined) {
      req.setTimeout(options.timeoutMs, () =>
        req.destroy(new Error(`timed out after ${options.timeoutMs} ms`)),
      );
    }
    req.on("error", reject);
    req.end(payload);
  });
}

/** GET with Graph's query written as-is (spaces and quotes encoded here). */
export const get = (sim: SimulatorEndpoint, pathAndQuery: string, options?: SimCallOptions) =>
  call(sim, "GET", encodeURI(pathAndQuery), options);

/** Follows @odata.nextLink to the end; returns every page's body. */
export async function allPages(
  sim: SimulatorEndpoint,
  pathAndQuery: string,
  options?: SimCallOptions,
): Promise<Array<Record<string, unknown>>> {
  const pages: Array<Record<string, unknown>> = [];
  let answer = await get(sim, pathAndQuery, options);
  for (;;) {
    if (answer.status !== 200) {
      throw new Error(`page ${pages.length + 1} answered ${answer.status}: ${answer.text}`);
    }
    const body = answer.body as Record<string, unknown>;
    pages.push(body);
    const next = body["@odata.nextLink"];
    if (typeof next !== "string") {
      return pages;
    }
    answer = await call(sim, "GET", next, options);
  }
}
