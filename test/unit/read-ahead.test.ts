import assert from "node:assert/strict";
import { test } from "node:test";

import { PagedItems } from "../../src/directory/paging";
import { readPagesAhead } from "../../src/directory/read-ahead";

/** Items read ahead the way the Graph collections give them (pagedItems): pages ahead, items one by one. */
const readAhead = (pages: AsyncIterable<number[]>, depth: number): AsyncGenerator<number> =>
  new PagedItems(() => readPagesAhead(pages, depth))[Symbol.asyncIterator]();

/** Pages served on demand: each fetch waits until the test releases it, and is logged when it starts. */
function slowPages(pages: number[][], failAt?: number) {
  const started: number[] = [];
  const releases: (() => void)[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  async function* source(): AsyncGenerator<number[]> {
    for (let index = 0; index < pages.length; index += 1) {
      started.push(index);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise<void>((resolve) => releases.push(resolve));
      inFlight -= 1;
      if (index === failAt) {
        throw new Error(`page ${index} failed`);
      }
      yield pages[index]!;
    }
  }
  const releaseAll = async () => {
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      const release = releases.shift();
      if (release === undefined) {
        return;
      }
      release();
    }
  };
  return { source, started, releases, releaseAll, maxInFlight: () => maxInFlight };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

test("keeps the order of pages and items", async () => {
  const pages = slowPages([[1, 2], [3], [], [4, 5, 6]]);
  const pump = setInterval(() => pages.releases.shift()?.(), 1);
  const items: number[] = [];
  for await (const item of readAhead(pages.source(), 2)) {
    items.push(item);
  }
  clearInterval(pump);
  assert.deepEqual(items, [1, 2, 3, 4, 5, 6]);
});

test("asks for the next page while the consumer is still on this one, never more than depth ahead", async () => {
  const pages = slowPages([[1], [2], [3], [4], [5]]);
  const items = readAhead(pages.source(), 1);
  const first = items.next();
  await tick();
  pages.releases.shift()!();
  assert.deepEqual(await first, { value: 1, done: false });
  await tick();
  // The consumer holds item 1; page 1 is already on its way, page 2 is not.
  assert.deepEqual(pages.started, [0, 1]);
  await tick();
  assert.deepEqual(pages.started, [0, 1]);
  void pages.releaseAll();
  const rest: number[] = [];
  for await (const item of items) {
    rest.push(item);
    await pages.releaseAll();
  }
  assert.deepEqual(rest, [2, 3, 4, 5]);
  assert.equal(pages.maxInFlight(), 1);
});

test("a failing page surfaces after the items before it, not earlier", async () => {
  const pages = slowPages([[1, 2], [3], [4]], 2);
  const pump = setInterval(() => pages.releases.shift()?.(), 1);
  const items: number[] = [];
  await assert.rejects(async () => {
    for await (const item of readAhead(pages.source(), 2)) {
      items.push(item);
    }
  }, /page 2 failed/);
  clearInterval(pump);
  assert.deepEqual(items, [1, 2, 3]);
});

test("return() stops it: no page is asked for after the consumer leaves", async () => {
  const pages = slowPages([[1], [2], [3], [4]]);
  const items = readAhead(pages.source(), 1);
  const first = items.next();
  await tick();
  pages.releases.shift()!();
  await first;
  await tick();
  assert.deepEqual(pages.started, [0, 1]);
  assert.deepEqual(await items.return(undefined), { value: undefined, done: true });
  // The page on its way finishes and is dropped; nothing follows it.
  await pages.releaseAll();
  await tick();
  assert.deepEqual(pages.started, [0, 1]);
});

test("depth 0 asks for a page only when the consumer reaches it", async () => {
  const pages = slowPages([[1], [2]]);
  const items = readAhead(pages.source(), 0);
  const first = items.next();
  await tick();
  pages.releases.shift()!();
  await first;
  await tick();
  assert.deepEqual(pages.started, [0]);
  await items.return(undefined);
  await assert.rejects(readAhead(pages.source(), -1).next(), RangeError);
});
