import assert from "node:assert/strict";
import { test } from "node:test";

import { inPages, PagedItems } from "../../src/directory/paging";

async function* numbers(count: number): AsyncGenerator<number> {
  for (let n = 0; n < count; n += 1) {
    yield n;
  }
}

async function pageSizes(pages: AsyncIterable<readonly number[]>): Promise<number[]> {
  const sizes: number[] = [];
  for await (const page of pages) {
    sizes.push(page.length);
  }
  return sizes;
}

test("a collection read from Graph comes in its own pages", async () => {
  const collection = new PagedItems(async function* () {
    yield [1, 2, 3];
    yield [];
    yield [4];
  });
  assert.deepEqual(await pageSizes(inPages(collection)), [3, 0, 1]);
  const items: number[] = [];
  for await (const item of collection) {
    items.push(item);
  }
  assert.deepEqual(items, [1, 2, 3, 4]);
});

test("any other sequence comes in runs of the given size, the last one shorter, none empty", async () => {
  assert.deepEqual(await pageSizes(inPages(numbers(2_500), 1_000)), [1_000, 1_000, 500]);
  assert.deepEqual(await pageSizes(inPages(numbers(2_000), 1_000)), [1_000, 1_000]);
  assert.deepEqual(await pageSizes(inPages(numbers(0))), []);
  const all: number[] = [];
  for await (const page of inPages(numbers(5), 2)) {
    all.push(...page);
  }
  assert.deepEqual(all, [0, 1, 2, 3, 4]);
});
