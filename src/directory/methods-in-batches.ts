import type { BatchOptions } from "./batch";
import { MAX_BATCH_STEPS, sendBatch } from "./batch";
import { DirectoryError } from "./errors";
import type { GraphHttp } from "./graph-http";
import type { AuthenticationMethod } from "./graph-types";
import { graphUrls } from "./graph-urls";
import { collect, type Page, pagedItems } from "./paging";

export interface MethodsRead {
  /** By user id as given. */
  methods: Map<string, AuthenticationMethod[]>;
  /** Users whose methods could not be read, and why (the first reason seen). */
  failed: Map<string, DirectoryError>;
}

const START_IN_FLIGHT = 4;
const MAX_IN_FLIGHT = 8;

/**
 * Typed methods of many users, 20 to a $batch: the only source in a tenant without Entra ID P1 (no
 * registration report). Paced adaptively, as DOMAIN.md's throttling paragraph asks: it starts with a few
 * batches in flight, adds one after each batch Graph answered in full, and halves when Graph still
 * answered 429 after the retries (each inner 429 already waits for its Retry-After in sendBatch).
 */
export async function readMethodsInBatches(
  http: GraphHttp,
  userIds: readonly string[],
  options: BatchOptions,
  onProgress?: (done: number) => void,
): Promise<MethodsRead> {
  const read: MethodsRead = { methods: new Map(), failed: new Map() };
  const chunks: string[][] = [];
  for (let at = 0; at < userIds.length; at += MAX_BATCH_STEPS) {
    chunks.push(userIds.slice(at, at + MAX_BATCH_STEPS));
  }
  let inFlight = START_IN_FLIGHT;
  let next = 0;
  let done = 0;
  const one = async (chunk: string[]): Promise<boolean> => {
    const steps = chunk.map((id, index) => ({
      id: String(index),
      method: "GET" as const,
      url: graphUrls.methods(id),
    }));
    const answers = await sendBatch(http, steps, options);
    let throttled = false;
    for (const [index, id] of chunk.entries()) {
      const answer = answers.get(String(index));
      const url = steps[index]!.url;
      if (answer === undefined || answer.status < 200 || answer.status >= 300) {
        const error =
          answer === undefined
            ? new DirectoryError("unavailable", `The $batch returned no answer for ${http.pathOf(url)}.`)
            : http.errorOf(
                { status: answer.status, headers: new Headers(answer.headers ?? {}), body: answer.body },
                url,
              );
        throttled ||= error.reason === "throttled";
        read.failed.set(id, error);
        continue;
      }
      read.methods.set(
        id,
        await collect(
          pagedItems<AuthenticationMethod>(http, undefined, answer.body as Page<AuthenticationMethod>),
        ),
      );
    }
    done += chunk.length;
    onProgress?.(done);
    return throttled;
  };
  while (next < chunks.length) {
    const wave = chunks.slice(next, next + inFlight);
    next += wave.length;
    const throttled = (await Promise.all(wave.map(one))).some(Boolean);
    inFlight = throttled ? Math.max(1, Math.floor(inFlight / 2)) : Math.min(MAX_IN_FLIGHT, inFlight + 1);
  }
  return read;
}
