import { randomUUID } from "node:crypto";

import { type Client, ResponseType } from "@microsoft/microsoft-graph-client";

import { DirectoryError, errorFromResponse, permissionForPath } from "./errors";
import type { FailureLedger } from "./failure-ledger";
import { graphPath, loggablePath } from "./request-path";

export interface GraphAnswer<T> {
  status: number;
  headers: Headers;
  body: T | undefined;
  /** The raw body when it is not JSON (e.g. /$count answers text/plain). */
  text?: string;
}

/**
 * Requests through the Graph SDK client and its middleware chain, answered as status + headers + parsed
 * JSON. `send` returns any HTTP answer (the caller decides); `json` throws a DirectoryError for non-2xx.
 * `url` is a path relative to the client's base URL and version ("/users?...") or an absolute nextLink.
 */
export class GraphHttp {
  constructor(
    private readonly client: Client,
    private readonly ledger: FailureLedger,
    private readonly baseUrl: string,
    /** Overrides the path table's permission in errors (ARM has one permission for everything). */
    private readonly permission?: string,
    /** Sent with every request (and every inner $batch request), e.g. Graph's Prefer header. */
    readonly defaultHeaders: Readonly<Record<string, string>> = {},
    /** Ends this view's requests and their throttle waits when it aborts (withSignal). */
    readonly signal?: AbortSignal,
  ) {}

  /** The same client whose requests a caller can cancel: past a deadline, waits and attempts end at once. */
  withSignal(signal: AbortSignal | undefined): GraphHttp {
    return signal === undefined
      ? this
      : new GraphHttp(this.client, this.ledger, this.baseUrl, this.permission, this.defaultHeaders, signal);
  }

  async send<T>(
    method: "GET" | "POST" | "PUT",
    url: string,
    body?: unknown,
    headers: Readonly<Record<string, string>> = {},
  ): Promise<GraphAnswer<T>> {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^https:\/\//i.test(url)) {
      // The SDK would read a non-https absolute link as a path under the base URL; never follow one.
      throw new DirectoryError(
        "badRequest",
        `Refusing to follow a link that is not https: ${this.pathOf(url)}.`,
      );
    }
    const requestId = randomUUID();
    const request = this.client
      .api(url)
      .header("client-request-id", requestId)
      .headers({ ...this.defaultHeaders, ...headers })
      .responseType(ResponseType.RAW);
    if (this.signal !== undefined) {
      request.options({ signal: this.signal });
    }
    let response: Response;
    try {
      response = (await (method === "GET"
        ? request.get()
        : method === "POST"
          ? request.post(body)
          : request.put(body))) as Response;
    } catch (error) {
      throw (
        this.ledger.take(requestId) ??
        new DirectoryError(
          "unavailable",
          `${method} ${this.pathOf(url)} failed: ${(error as Error).message}.`,
          { cause: error },
        )
      );
    }
    const text = await response.text();
    const json = text.length > 0 && /json/i.test(response.headers.get("content-type") ?? "json");
    return {
      status: response.status,
      headers: response.headers,
      body: json ? (JSON.parse(text) as T) : undefined,
      ...(json ? {} : { text }),
    };
  }

  async json<T>(method: "GET" | "POST" | "PUT", url: string, body?: unknown): Promise<T> {
    const answer = await this.send<T>(method, url, body);
    if (answer.status >= 200 && answer.status < 300) {
      return answer.body as T;
    }
    throw this.errorOf(answer, url);
  }

  errorOf(answer: GraphAnswer<unknown>, url: string): DirectoryError {
    const permission = this.permission ?? permissionForPath(graphPath(this.resolve(url)));
    return errorFromResponse(answer.status, answer.body, this.pathOf(url), permission, answer.headers);
  }

  /** The absolute URL of a path under Graph's beta version ("/auditLogs/signIns?…"). */
  beta(path: string): string {
    return `${this.baseUrl.replace(/\/+$/, "")}/beta${path}`;
  }

  /** The loggable path of a relative or absolute URL. */
  pathOf(url: string): string {
    return loggablePath(this.resolve(url));
  }

  private resolve(url: string): URL {
    return new URL(url, this.baseUrl.replace(/\/?$/, "/v1.0/"));
  }
}
