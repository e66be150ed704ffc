import type { Directory } from "../../directory/directory";
import type { AuthenticationMethod, GraphUser, UserRegistrationDetails } from "../../directory/graph-types";
import type { DataGap } from "../../domain/facts";
import { type LiveRead, methodsToAssess } from "../../domain/live-methods";
import { untilAborted } from "./abortable";

/**
 * Users handed to one readMethodsOf call: 20 $batch requests, so its adaptive pacing (DOMAIN.md
 * "Throttling": start brisk, slow down on 429, honour Retry-After) has room to settle, while the stream
 * holds only a few hundred users.
 */
export const METHODS_CHUNK = 400;

/** One user's typed methods as the scan read them, or why they could not be read. */
export interface TypedRead {
  methods?: AuthenticationMethod[];
  gap?: DataGap;
}

export type MethodsReader = NonNullable<Directory["readMethodsOf"]>;

/**
 * Without Entra ID P1 there is no registration report, and each user's typed methods are the only
 * source: the users' pages stream through here in chunks, each chunk's methods read 20 to a $batch,
 * paced by the directory. `onRead` hears how many users' methods have been read so far (the progress
 * card's estimate of how long it takes).
 */
export async function* withTypedMethods<T extends [GraphUser, ...unknown[]]>(
  pages: AsyncIterable<readonly T[]>,
  read: MethodsReader,
  options: { signal?: AbortSignal; onRead?: (read: number) => void; chunk?: number },
): AsyncGenerator<Array<[...T, TypedRead]>> {
  // Each item comes out with its read appended: [user, registration] becomes [user, registration, read].
  const size = options.chunk ?? METHODS_CHUNK;
  const held: T[] = [];
  let before = 0;
  const readChunk = async (chunk: readonly T[]): Promise<Array<[...T, TypedRead]>> => {
    const { methods, failed } = await untilAborted(
      read(
        chunk.map(([user]) => user.id),
        (done) => options.onRead?.(before + done),
      ),
      options.signal,
    );
    before += chunk.length;
    options.onRead?.(before);
    return chunk.map((item) => {
      const id = item[0].id;
      const found = methods.get(id);
      if (found !== undefined) {
        return [...item, { methods: found }];
      }
      const error = failed.get(id);
      const gap: DataGap = {
        data: "methods",
        reason: error?.reason ?? "unavailable",
        ...(error?.permission === undefined ? {} : { permission: error.permission }),
      };
      return [...item, { gap }];
    });
  };
  for await (const page of pages) {
    held.push(...page);
    while (held.length >= size) {
      yield await readChunk(held.splice(0, size));
    }
  }
  if (held.length > 0) {
    yield await readChunk(held);
  }
}

/**
 * The methods one user is assessed with, and the gap that goes with them: what the scan read itself
 * (no P1), else a live read or verification newer than the registration row (methodsToAssess), else the
 * registration row with `bulkGap` (the report lags) or the reason the scan's own read failed.
 */
export function chooseMethods(
  registration: UserRegistrationDetails | undefined,
  typed: TypedRead | undefined,
  live: LiveRead | undefined,
  bulkGap: DataGap,
): { methods: AuthenticationMethod[] | undefined; gaps: DataGap[]; leanedOnLive: boolean } {
  if (typed?.methods !== undefined) {
    return { methods: typed.methods, gaps: [], leanedOnLive: false };
  }
  const chosen = methodsToAssess(registration, live);
  if (chosen.leanedOnLive) {
    return { methods: chosen.methods, gaps: [], leanedOnLive: true };
  }
  return { methods: undefined, gaps: [typed?.gap ?? bulkGap], leanedOnLive: false };
}
