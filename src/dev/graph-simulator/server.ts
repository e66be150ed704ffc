import type { IncomingMessage, ServerResponse } from "node:http";

import type { SimulatorAdmin } from "./admin";
import { handleAdmin } from "./admin-routes";
import { handleBatch } from "./batch";
import type { DispatchDeps } from "./dispatch";
import { dispatch } from "./dispatch";
import { errorResponse, SimulatorHttpError } from "./errors";
import { decodePathMarks } from "./odata";
import type { SimRequest, SimResponse } from "./types";

const MAX_BODY_BYTES = 5 * 1024 * 1024;
const GRAPH_JSON =
  "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

export interface RequestHandlerDeps extends DispatchDeps {
  admin: SimulatorAdmin;
  latencyMs: number;
}

async function readBody(message: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of message) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      throw new SimulatorHttpError(413, "RequestEntityTooLarge", "The request body is too large.");
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SimulatorHttpError(
      400,
      "BadRequest",
      "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.",
    );
  }
}

function toSimRequest(message: IncomingMessage, body: unknown): SimRequest {
  const url = new URL(message.url ?? "/", "https://simulator.invalid");
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (typeof value === "string") {
      headers[name] = value;
    }
  }
  return {
    method: (message.method ?? "GET").toUpperCase(),
    path: decodePathMarks(url.pathname),
    query: url.searchParams,
    headers,
    body,
    origin: `https://${message.headers.host ?? "127.0.0.1"}`,
  };
}

function unauthenticated(request: SimRequest): SimulatorHttpError {
  return request.path.startsWith("/providers/")
    ? new SimulatorHttpError(
        401,
        "AuthenticationFailed",
        "Authentication failed. The 'Authorization' header is missing.",
        {},
        "arm",
      )
    : new SimulatorHttpError(401, "InvalidAuthenticationToken", "Access token is empty.", {
        "www-authenticate": 'Bearer realm=""',
      });
}

async function answer(
  deps: RequestHandlerDeps,
  message: IncomingMessage,
): Promise<{ request?: SimRequest; response: SimResponse }> {
  let request: SimRequest | undefined;
  try {
    request = toSimRequest(message, undefined);
    request.body = await readBody(message);
    if (!/^Bearer\s+\S+/i.test(request.headers.authorization ?? "")) {
      throw unauthenticated(request);
    }
    if (request.path.startsWith("/_simulator/")) {
      return { request, response: handleAdmin(deps.admin, deps.stats, request) };
    }
    if (request.path === "/v1.0/$batch" || request.path === "/beta/$batch") {
      return { request, response: await handleBatch(deps, request) };
    }
    return { request, response: await dispatch(deps, request) };
  } catch (error) {
    if (error instanceof SimulatorHttpError) {
      return {
        request,
        response: errorResponse(error, new Date(deps.now()), request?.headers["client-request-id"]),
      };
    }
    throw error;
  }
}

/** The HTTPS request listener: authenticate, route, add the configured latency, write Graph's headers. */
export function createRequestListener(deps: RequestHandlerDeps) {
  return (message: IncomingMessage, res: ServerResponse): void => {
    const started = Date.now();
    answer(deps, message)
      .then(async ({ request, response }) => {
        if (deps.latencyMs > 0) {
          await deps.sleep(deps.latencyMs);
        }
        const headers: Record<string, string> = { ...response.headers };
        const clientRequestId = request?.headers["client-request-id"];
        if (clientRequestId !== undefined) {
          headers["client-request-id"] = clientRequestId;
        }
        let payload: string | undefined;
        if (typeof response.body === "string") {
          payload = response.body;
          headers["content-type"] ??= "text/plain";
        } else if (response.body !== undefined) {
          payload = JSON.stringify(response.body);
          headers["content-type"] = request?.path.startsWith("/v1.0/")
            ? GRAPH_JSON
            : "application/json; charset=utf-8";
        }
        res.writeHead(response.status, headers);
        res.end(payload);
        deps.logger?.debug(
          { method: request?.method, path: request?.path, status: response.status, ms: Date.now() - started },
          "graph simulator request",
        );
      })
      .catch((error: unknown) => {
        deps.logger?.error({ err: error }, "graph simulator failed to answer");
        if (!res.headersSent) {
          res.writeHead(500, { "content-type": "application/json" });
        }
        res.end(
          JSON.stringify({
            error: { code: "InternalServerError", message: "The simulator failed on this request." },
          }),
        );
      });
  };
}
