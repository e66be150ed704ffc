import type { GraphHttp } from "./graph-http";
import { readPagesAhead } from "./read-ahead";

/** A Graph collection page. */
export interface Page<T> {
  value: T[];
  "@odata.nextLink"?: string;
}

/** The pages of a collection, each asked for once the previous one (and its nextLink) has arrived. */
async function* pagesOf<T>(http: GraphHttp, url: string | undefined, first?: Page<T>): AsyncGenerator<T[]> {
  let next = first === undefined ? url : first["@odata.nextLink"];
  if (first !== undefined) {
    yield first.value ?? [];
  }
  while (next !== undefined) {
    const page: Page<T> = await http.json<Page<T>>("GET", next);
    next = page["@odata.nextLink"];
    yield page.value ?? [];
  }
}

/**
 * A collection's items that can also be read a page at a time: a consumer with work for every item (the
 * report scan) goes per page, which spares each item the steps of every async generator between it and
 * the network.
 */
export class PagedItems<T> implements AsyncIterable<T> {
  constructor(private readonly open: () => AsyncIterable<readonly T[]>) {}

  pages(): AsyncIterable<readonly T[]> {
    return this.open();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for await (const page of this.open()) {
      yield* page;
    }
  }
}

/** Items a page at a time: a collection's own pages, or the items of any other sequence in runs of `size`. */
export async function* inPages<T>(items: AsyncIterable<T>, size = 1_000): AsyncGenerator<readonly T[]> {
  if (items instanceof PagedItems) {
    yield* (items as PagedItems<T>).pages();
    return;
  }
  let run: T[] = [];
  for await (const item of items) {
    run.push(item);
    if (run.length >= size) {
      yield run;
      run = [];
    }
  }
  if (run.length > 0) {
    yield run;
  }
}

/**
 * Items of a collection, page by page. `first` lets a caller hand in a page it already has (an eager
 * first page, an inner $batch answer); its nextLink is followed outside any batch. `readAhead` (default
 * 0: the next page is asked for when the consumer reaches the end of this one) lets the bulk streams
 * fetch the next page while the current one is being worked through; every page is read anyway, so it
 * changes when a request goes, not how many.
 */
export function pagedItems<T>(
  http: GraphHttp,
  url: string | undefined,
  first?: Page<T>,
  options: { readAhead?: number } = {},
): PagedItems<T> {
  return new PagedItems(() => readPagesAhead(pagesOf(http, url, first), options.readAhead ?? 0));
}

/** A whole collection as an array, for the small per-user collections (methods, roles, groups). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) {
    all.push(item);
  }
  return all;
}
