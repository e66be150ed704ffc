import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  backoffDelay,
  decideRetry,
  DEFAULT_RETRY_OPTIONS,
  parseRetryAfter,
  type RetryOptions,
  TEAMS_RETRY_STATUSES,
} from "../../src/throttle";

const now = Date.parse("2026-11-20T09:00:00Z");
const options: RetryOptions = { ...DEFAULT_RETRY_OPTIONS, random: () => 0.5 };
const get = { attempt: 1, idempotent: true, now };

describe("parseRetryAfter", () => {
  it("reads delta-seconds, fractions and HTTP dates", () => {
    assert.equal(parseRetryAfter("7", now), 7_000);
    assert.equal(parseRetryAfter("0.25", now), 250);
    assert.equal(parseRetryAfter("Fri, 20 Nov 2026 09:00:30 GMT", now), 30_000);
    assert.equal(parseRetryAfter("Fri, 20 Nov 2026 08:59:00 GMT", now), 0);
    assert.equal(parseRetryAfter("soon", now), undefined);
    assert.equal(parseRetryAfter(undefined, now), undefined);
  });
});

describe("decideRetry", () => {
  it("retries 429 after exactly the Retry-After, from fetch Headers or a Node header record", () => {
    assert.deepEqual(
      decideRetry({ status: 429, headers: new Headers({ "Retry-After": "3" }) }, get, options),
      {
        retry: true,
        delayMs: 3_000,
        fromRetryAfter: true,
      },
    );
    assert.deepEqual(decideRetry({ status: 503, headers: { "retry-after": "1" } }, get, options), {
      retry: true,
      delayMs: 1_000,
      fromRetryAfter: true,
    });
  });

  it("backs off exponentially with full jitter when there is no Retry-After", () => {
    const first = decideRetry({ status: 504 }, get, options);
    const third = decideRetry({ status: 504 }, { ...get, attempt: 3 }, options);
    assert.deepEqual(first, { retry: true, delayMs: 250, fromRetryAfter: false });
    assert.deepEqual(third, { retry: true, delayMs: 1_000, fromRetryAfter: false });
    assert.equal(backoffDelay(20, { ...options, random: () => 0.999 }), 29_970);
    assert.equal(backoffDelay(2, { ...options, random: () => 0 }), 0);
  });

  it("does not retry final statuses, successes, or past the last attempt", () => {
    for (const status of [400, 401, 403, 404, 409, 412, 502]) {
      assert.deepEqual(decideRetry({ status }, get, options), { retry: false, why: "final" });
    }
    assert.deepEqual(decideRetry({ status: 200 }, get, options), { retry: false, why: "success" });
    assert.deepEqual(decideRetry({ status: 429 }, { ...get, attempt: 5 }, options), {
      retry: false,
      why: "exhausted",
    });
  });

  it("retries Teams' 412 and 502 when given Teams' statuses", () => {
    const teams = { ...options, retryStatuses: TEAMS_RETRY_STATUSES };
    assert.equal(decideRetry({ status: 412 }, get, teams).retry, true);
    assert.equal(decideRetry({ status: 502 }, get, teams).retry, true);
    assert.equal(decideRetry({ status: 403 }, get, teams).retry, false);
  });

  it("retries a request that got no answer only when repeating it is safe", () => {
    assert.equal(decideRetry({ failure: "timeout" }, get, options).retry, true);
    assert.deepEqual(decideRetry({ failure: "timeout" }, { ...get, idempotent: false }, options), {
      retry: false,
      why: "notIdempotent",
    });
    // A 429 means the server did nothing, so even a POST may go again.
    assert.equal(decideRetry({ status: 429 }, { ...get, idempotent: false }, options).retry, true);
  });

  it("gives up when Retry-After asks for longer than the configured maximum", () => {
    assert.deepEqual(decideRetry({ status: 429, headers: { "Retry-After": "3600" } }, get, options), {
      retry: false,
      why: "retryAfterTooLong",
    });
  });
});
