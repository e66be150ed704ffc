import assert from "node:assert/strict";
import { getEventListeners } from "node:events";
import { describe, it } from "node:test";

import { abortable } from "../../src/features/report/abortable";

async function* counted(n: number): AsyncGenerator<number> {
  for (let i = 0; i < n; i += 1) {
    yield i;
  }
}

/** A stream whose second item never comes (a page stuck behind the reports family's 10 s window). */
async function* stuckAfterOne(): AsyncGenerator<number> {
  yield 1;
  await new Promise(() => undefined);
}

describe("abortable", () => {
  it("yields every item in order, with one abort listener for the whole sequence", async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    for await (const item of abortable(counted(1000), controller.signal)) {
      seen.push(item);
      assert.ok(getEventListeners(controller.signal, "abort").length <= 1);
    }
    assert.equal(seen.length, 1000);
    assert.deepEqual(seen.slice(0, 3), [0, 1, 2]);
    assert.equal(getEventListeners(controller.signal, "abort").length, 0, "removed when the sequence ends");
  });

  it("a cancel ends a step that waits for a page at once, with the signal's reason", async () => {
    const controller = new AbortController();
    const stream = abortable(stuckAfterOne(), controller.signal);
    assert.deepEqual(await stream.next(), { value: 1, done: false });
    const waiting = stream.next();
    setTimeout(() => controller.abort(new Error("scan canceled")), 5);
    await assert.rejects(waiting, /scan canceled/);
    assert.equal(getEventListeners(controller.signal, "abort").length, 0);
  });

  it("a cancel while the consumer works on an item stops before the next one", async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    await assert.rejects(async () => {
      for await (const item of abortable(counted(10), controller.signal)) {
        seen.push(item);
        if (item === 2) {
          controller.abort(new Error("stop"));
        }
      }
    }, /stop/);
    assert.deepEqual(seen, [0, 1, 2]);
  });

  it("without a signal, the items as they are", async () => {
    const seen: number[] = [];
    for await (const item of abortable(counted(3), undefined)) {
      seen.push(item);
    }
    assert.deepEqual(seen, [0, 1, 2]);
  });
});
