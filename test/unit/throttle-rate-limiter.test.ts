import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";

import sinon from "sinon";

import { minimumDurationMs, RateLimiter, systemClock } from "../../src/throttle";

describe("RateLimiter", () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: 1_000_000, toFake: ["setTimeout", "clearTimeout", "Date"] });
  });
  afterEach(() => clock.restore());

  /** Starts `count` acquisitions at once and records when each is granted (ms after the start). */
  async function grantTimes(limiter: RateLimiter, count: number, runFor: number): Promise<number[]> {
    const start = Date.now();
    const times: number[] = [];
    for (let i = 0; i < count; i += 1) {
      void limiter.acquire().then(() => times.push(Date.now() - start));
    }
    await clock.tickAsync(runFor);
    return times;
  }

  it("lets 5 through at once, then holds the 6th until the 10 s window frees a slot", async () => {
    const limiter = new RateLimiter([{ kind: "window", limit: 5, windowMs: 10_000 }], systemClock);
    const times = await grantTimes(limiter, 12, 30_000);
    assert.deepEqual(times, [0, 0, 0, 0, 0, 10_000, 10_000, 10_000, 10_000, 10_000, 20_000, 20_000]);
  });

  it("never admits more than the limit in any sliding window, with requests arriving over time", async () => {
    const limiter = new RateLimiter([{ kind: "window", limit: 3, windowMs: 1_000 }], systemClock);
    const times: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      void limiter.acquire().then(() => times.push(Date.now()));
      await clock.tickAsync(137);
    }
    await clock.tickAsync(10_000);
    assert.equal(times.length, 20);
    for (let i = 3; i < times.length; i += 1) {
      assert.ok(
        times[i]! - times[i - 3]! >= 1_000,
        `grant ${i} came ${times[i]! - times[i - 3]!} ms after grant ${i - 3}`,
      );
    }
  });

  it("applies every rule: Teams' 7 per second and 8 per 2 seconds together", async () => {
    const limiter = new RateLimiter(
      [
        { kind: "window", limit: 7, windowMs: 1_000 },
        { kind: "window", limit: 8, windowMs: 2_000 },
      ],
      systemClock,
    );
    const times = await grantTimes(limiter, 10, 10_000);
    assert.deepEqual(times, [0, 0, 0, 0, 0, 0, 0, 1_000, 2_000, 2_000]);
  });

  it("a grant counts from its margin after it went, or from its answer when that came sooner", async () => {
    const rule = { kind: "window" as const, limit: 1, windowMs: 1_000, marginMs: 200 };
    const unsettled = new RateLimiter([rule], systemClock);
    await unsettled.acquire();
    assert.deepEqual(await grantTimes(unsettled, 1, 5_000), [1_200]);

    const settled = new RateLimiter([rule], systemClock);
    const first = await settled.acquire();
    await clock.tickAsync(50);
    first.settle();
    assert.deepEqual(await grantTimes(settled, 1, 5_000), [1_000], "1,050 ms after the first went");

    const slow = new RateLimiter([rule], systemClock);
    const late = await slow.acquire();
    await clock.tickAsync(400);
    late.settle();
    assert.deepEqual(await grantTimes(slow, 1, 5_000), [800], "an answer after the margin changes nothing");
  });

  it("answers out of order: each grant leaves the window from its own answer", async () => {
    const limiter = new RateLimiter(
      [{ kind: "window", limit: 2, windowMs: 1_000, marginMs: 500 }],
      systemClock,
    );
    const start = Date.now();
    const [early, late] = await Promise.all([limiter.acquire(), limiter.acquire()]);
    late.settle(start + 50);
    early.settle(start + 300);
    const times: number[] = [];
    for (let i = 0; i < 2; i += 1) {
      void limiter.acquire().then(() => times.push(Date.now() - start));
    }
    await clock.tickAsync(3_000);
    assert.deepEqual(times, [1_050, 1_300]);
  });

  it("a token bucket bursts to capacity, then refills at its rate", async () => {
    const limiter = new RateLimiter([{ kind: "bucket", capacity: 2, refillPerSecond: 4 }], systemClock);
    const times = await grantTimes(limiter, 5, 5_000);
    assert.deepEqual(times, [0, 0, 250, 500, 750]);
  });

  it("pauseUntil holds requests already waiting and new ones", async () => {
    const limiter = new RateLimiter([{ kind: "bucket", capacity: 10, refillPerSecond: 10 }], systemClock);
    limiter.pauseUntil(Date.now() + 3_000);
    const times = await grantTimes(limiter, 2, 5_000);
    assert.deepEqual(times, [3_000, 3_000]);
  });

  it("rejects a waiting acquisition when its signal aborts", async () => {
    const limiter = new RateLimiter([{ kind: "window", limit: 1, windowMs: 10_000 }], systemClock);
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    await clock.tickAsync(100);
    controller.abort(new Error("gave up"));
    await assert.rejects(waiting, /gave up/);
  });

  it("computes the least time a number of requests can take", () => {
    assert.equal(minimumDurationMs([{ kind: "window", limit: 5, windowMs: 10_000 }], 5), 0);
    assert.equal(minimumDurationMs([{ kind: "window", limit: 5, windowMs: 10_000 }], 6), 10_000);
    assert.equal(minimumDurationMs([{ kind: "window", limit: 5, windowMs: 10_000 }], 101), 200_000);
    assert.equal(minimumDurationMs([{ kind: "bucket", capacity: 2, refillPerSecond: 4 }], 6), 1_000);
  });
});
