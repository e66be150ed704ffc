import type { DispatchDeps } from "./dispatch";
import { dispatch } from "./dispatch";
import { badRequest, SimulatorHttpError } from "./errors";
import { decodePathMarks } from "./odata";
import type { SimRequest, SimResponse } from "./types";

export const MAX_BATCH_REQUESTS = 20;

interface BatchStep {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

const invalid = (why: string) => badRequest(`Invalid batch payload format: ${why}`);

function readSteps(body: unknown): BatchStep[] {
  const requests = (body as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests) || requests.length === 0) {
    throw invalid("the body must hold a non-empty 'requests' array.");
  }
  if (requests.length > MAX_BATCH_REQUESTS) {
    throw invalid(`a batch holds at most ${MAX_BATCH_REQUESTS} requests, this one has ${requests.length}.`);
  }
  const ids = new Set<string>();
  return requests.map((step: unknown) => {
    const { id, method, url, headers, body: stepBody } = (step ?? {}) as Record<string, unknown>;
    if (typeof id !== "string" || id === "" || ids.has(id)) {
      throw invalid("each request needs a unique, non-empty 'id'.");
    }
    ids.add(id);
    if (typeof method !== "string" || typeof url !== "string" || /^[a-z]+:\/\//i.test(url)) {
      throw invalid(`request '${id}' needs a 'method' and a relative 'url'.`);
    }
    return {
      id,
      method: method.toUpperCase(),
      url,
      headers: headers as Record<string, string> | undefined,
      body: stepBody,
    };
  });
}

function innerRequest(outer: SimRequest, step: BatchStep): SimRequest {
  const relative = step.url.startsWith("/") ? step.url : `/${step.url}`;
  const queryAt = relative.indexOf("?");
  const path = queryAt === -1 ? relative : relative.slice(0, queryAt);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(step.headers ?? {})) {
    headers[name.toLowerCase()] = String(value);
  }
  return {
    method: step.method,
    // A step's relative URL is under the envelope's version: /beta/$batch carries beta URLs.
    path: `/${outer.path.startsWith("/beta/") ? "beta" : "v1.0"}${decodePathMarks(path)}`,
    query: new URLSearchParams(queryAt === -1 ? "" : relative.slice(queryAt + 1)),
    headers,
    body: step.body,
    origin: outer.origin,
  };
}

/** POST /v1.0/$batch or /beta/$batch: each step dispatched (and throttled) on its own; dependsOn is not honoured. */
export async function handleBatch(deps: DispatchDeps, outer: SimRequest): Promise<SimResponse> {
  deps.stats.batches += 1;
  if (outer.method !== "POST") {
    throw new SimulatorHttpError(405, "BadRequest", "Only POST is allowed on $batch.");
  }
  const steps = readSteps(outer.body);
  const responses = await Promise.all(
    steps.map(async (step) => {
      const answer = await dispatch(deps, innerRequest(outer, step));
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(answer.headers ?? {})) {
        if (name !== "content-type") {
          headers[name === "retry-after" ? "Retry-After" : name] = value;
        }
      }
      if (answer.body !== undefined) {
        headers["Content-Type"] =
          answer.headers?.["content-type"] ??
          (typeof answer.body === "string" ? "text/plain" : "application/json");
      }
      return {
        id: step.id,
        status: answer.status,
        headers,
        ...(answer.body === undefined ? {} : { body: answer.body }),
      };
    }),
  );
  return { status: 200, body: { responses } };
}
