/**
 * A sequence of pages with up to `depth` further pages already asked for while the consumer works through
 * the current one: a page that needs the previous page's nextLink is fetched as soon as that link is
 * known, not when the consumer reaches it. Memory stays bounded (the current page plus `depth`). Order is
 * kept; a page's failure surfaces where that page would have come. Once the consumer stops (return,
 * throw, a cancel), no further page is asked for; a fetch already on its way is dropped.
 */
export async function* readPagesAhead<T>(
  pages: AsyncIterable<readonly T[]>,
  depth: number,
): AsyncGenerator<readonly T[]> {
  if (!(Number.isInteger(depth) && depth >= 0)) {
    throw new RangeError(`read-ahead depth must be a whole number >= 0 (got ${depth})`);
  }
  const iterator = pages[Symbol.asyncIterator]();
  const ahead: Promise<IteratorResult<readonly T[]>>[] = [];
  let ended = false;
  const ask = () => {
    const next = iterator.next();
    // Held until the consumer reaches it, which rethrows; meanwhile it must not count as unhandled.
    next.catch(() => undefined);
    ahead.push(next);
  };
  try {
    ask();
    for (;;) {
      const result = await ahead.shift()!;
      if (result.done) {
        ended = true;
        return;
      }
      // An async generator runs one next() at a time, so the pages asked for here follow each other.
      while (ahead.length < depth) {
        ask();
      }
      yield result.value;
      if (ahead.length === 0) {
        ask();
      }
    }
  } catch (error) {
    ended = true;
    throw error;
  } finally {
    if (!ended) {
      // Not awaited: it settles after the page on its way, which nobody will read.
      void iterator.return?.()?.catch(() => undefined);
    }
  }
}
