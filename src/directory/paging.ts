import type { GraphHttp } from "./graph-http";

/** A Graph collection page. */
export interface Page<T> {
  value: T[];
  "@odata.nextLink"?: string;
}

/**
 * Items of a collection, page by page: only one page is held at a time, the next is asked for when the
 * consumer reaches the end of this one. `first` lets a caller hand in a page it already has (an eager
 * first page, an inner $batch answer); its nextLink is followed outside any batch.
 */
export async function* pagedItems<T>(
  http: GraphHttp,
  url: string | undefined,
  first?: Page<T>,
): AsyncGenerator<T> {
  let page = first;
  let next = first === undefined ? url : first["@odata.nextLink"];
  if (page === undefined && next !== undefined) {
    page = await http.json<Page<T>>("GET", next);
    next = page["@odata.nextLink"];
  }
  while (page !== undefined) {
    yield* page.value ?? [];
    if (next === undefined) {
      return;
    }
    page = await http.json<Page<T>>("GET", next);
    next = page["@odata.nextLink"];
  }
}

/** A whole collection as an array, for the small per-user collections (methods, roles, groups). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) {
    all.push(item);
  }
  return all;
}
