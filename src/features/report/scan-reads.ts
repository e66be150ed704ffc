import type { Readable } from "../../directory/directory";
import type { DataGap } from "../../domain/facts";

/** Adds an item to a key's list in an index by user. */
export function push<T>(index: Map<string, T[]>, key: string, item: T): void {
  const list = index.get(key);
  if (list === undefined) {
    index.set(key, [item]);
  } else {
    list.push(item);
  }
}

/** The items of a readable collection, or undefined with its gap recorded under `key`. */
export async function readable<T>(
  answer: Readable<T>,
  key: string,
  gaps: Record<string, DataGap>,
): Promise<AsyncIterable<T> | undefined> {
  if (!answer.available) {
    gaps[key] = { ...answer.gap, data: key };
    return undefined;
  }
  return answer.items;
}
