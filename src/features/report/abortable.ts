/**
 * A cancel must not wait for a page still in flight (or its throttle slot, up to 10 s for the reports
 * family): these race each step against the signal. The abandoned request finishes and is dropped.
 */
function abortion(signal: AbortSignal): Promise<never> {
  const aborted = new Promise<never>((_resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
    }
    signal.addEventListener("abort", () => reject(signal.reason as Error), { once: true });
  });
  aborted.catch(() => undefined);
  return aborted;
}

export function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  return signal === undefined ? work : Promise.race([work, abortion(signal)]);
}

export async function* abortable<T>(items: AsyncIterable<T>, signal: AbortSignal | undefined): AsyncGenerator<T> {
  const iterator = items[Symbol.asyncIterator]();
  const aborted = signal && abortion(signal);
  let finished = false;
  try {
    for (;;) {
      const next = await (aborted ? Promise.race([iterator.next(), aborted]) : iterator.next());
      if (next.done) {
        finished = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!finished) {
      // Not awaited: the iterator may be waiting on a request nobody will read.
      void iterator.return?.()?.catch(() => undefined);
    }
  }
}
