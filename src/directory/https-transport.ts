import http from "node:http";
import https from "node:https";
import tls from "node:tls";

import type { Context, Middleware } from "@microsoft/microsoft-graph-client";

export interface HttpsTransportOptions {
  /** Extra CA certificates to trust (PEM), e.g. the Graph simulator's; added to Node's default roots. */
  caCertPem?: string;
}

/**
 * The last link of the middleware chain: sends the request with node:https through an Agent that trusts
 * the given CA (never by turning TLS verification off) and answers a fetch Response for the SDK. The
 * request's AbortSignal (the per-attempt timeout) cancels it at any stage.
 */
export class HttpsTransport implements Middleware {
  private readonly httpsAgent: https.Agent;
  private readonly httpAgent = new http.Agent({ keepAlive: true });

  constructor(options: HttpsTransportOptions = {}) {
    // An Agent's `ca` replaces Node's roots rather than adding to them, so keep the roots beside the extra CA.
    const ca = options.caCertPem === undefined ? undefined : [...tls.rootCertificates, options.caCertPem];
    this.httpsAgent = new https.Agent({
      keepAlive: true,
      maxSockets: 16,
      ...(ca === undefined ? {} : { ca }),
    });
  }

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === "string" ? context.request : context.request.url;
    const options = context.options ?? {};
    context.response = await this.send(
      new URL(url),
      options.method ?? "GET",
      headersOf(options.headers),
      options.body,
      options.signal ?? undefined,
    );
  }

  /** Closes idle keep-alive sockets so a process can exit. */
  destroy(): void {
    this.httpsAgent.destroy();
    this.httpAgent.destroy();
  }

  private send(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: unknown,
    signal?: AbortSignal,
  ): Promise<Response> {
    return new Promise<Response>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const secure = url.protocol === "https:";
      const request = (secure ? https : http).request(url, {
        method,
        headers,
        agent: secure ? this.httpsAgent : this.httpAgent,
      });
      const onAbort = () =>
        request.destroy(signal?.reason instanceof Error ? signal.reason : new Error("aborted"));
      signal?.addEventListener("abort", onAbort, { once: true });
      request.on("error", (error) => {
        signal?.removeEventListener("abort", onAbort);
        reject(error);
      });
      request.on("response", (response) => {
        // Decoded as it arrives (a character split across chunks is kept whole), and only once.
        response.setEncoding("utf8");
        const chunks: string[] = [];
        response.on("data", (chunk: string) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          signal?.removeEventListener("abort", onAbort);
          const status = response.statusCode ?? 0;
          const nullBody = status === 204 || status === 304 || method === "HEAD";
          resolve(
            new ReadResponse(nullBody ? "" : chunks.join(""), {
              status,
              headers: responseHeaders(response.headers),
            }),
          );
        });
      });
      if (typeof body === "string" || body instanceof Uint8Array) {
        request.end(body);
      } else {
        request.end();
      }
    });
  }
}

/**
 * A fetch Response whose body has already been read off the socket and decoded. A report page is about a
 * megabyte: handing the bytes to Response and decoding them again in text() copied each page three more
 * times (measured: a tenth of the scan's main-thread time on the last pages, and tens of MB of buffers
 * waiting for a major GC).
 */
class ReadResponse extends Response {
  constructor(
    private readonly bodyText: string,
    init: { status: number; headers: Headers },
  ) {
    super(null, init);
  }

  override async text(): Promise<string> {
    return this.bodyText;
  }

  override async json(): Promise<unknown> {
    return JSON.parse(this.bodyText);
  }

  override clone(): Response {
    return new ReadResponse(this.bodyText, { status: this.status, headers: new Headers(this.headers) });
  }
}

function headersOf(init: HeadersInit | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  new Headers(init ?? {}).forEach((value, name) => {
    headers[name] = value;
  });
  return headers;
}

function responseHeaders(raw: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      headers.append(name, item);
    }
  }
  return headers;
}
