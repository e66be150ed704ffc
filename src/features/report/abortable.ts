/**
 * A cancel must not wait for a page still in flight (or its throttle slot, up to 10 s for the reports
 * family): these race each step against the signal. The abandoned request finishes and is dropped.
 * Each step adds its own listener and removes it when the step settles: racing every step against one
 * long-lived promise would keep every item ever yielded reachable from that promise's reactions.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) {
    return work;
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error as Error);
      },
    );
  });
}

/**
 * The items of `items`, each step raced against the signal. One abort listener serves the whole sequence
 * (adding and removing one per item cost more than the scan's assessment of that item): it rejects the
 * step in progress through a slot that holds only that step, so nothing yielded stays reachable from it.
 */
export async function* abortable<T>(
  items: AsyncIterable<T>,
  signal: AbortSignal | undefined,
): AsyncGenerator<T> {
  if (signal === undefined) {
    yield* items;
    return;
  }
  const iterator = items[Symbol.asyncIterator]();
  let finished = false;
  let rejectStep: ((reason: Error) => void) | undefined;
  const onAbort = () => rejectStep?.(signal.reason as Error);
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    for (;;) {
      signal.throwIfAborted();
      const step = iterator.next();
      const next = await new Promise<IteratorResult<T>>((resolve, reject) => {
        rejectStep = reject;
        step.then(resolve, reject);
      });
      rejectStep = undefined;
      if (next.done) {
        finished = true;
        return;
      }
      yield next.value;
    }
  } finally {
    rejectStep = undefined;
    signal.removeEventListener("abort", onAbort);
    if (!finished) {
      // Not awaited: the iterator may be waiting on a request nobody will read.
      void iterator.return?.()?.catch(() => undefined);
    }
  }
}
