import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { Throttle } from "../../src/dev/graph-simulator/throttle";

describe("graph simulator throttle: Teams' installedApps limits", () => {
  it("allows 30 app installs per second per tenant and 60 reads, each in its own family; the next one is 429 for a second", () => {
    let now = 0;
    const throttle = new Throttle(1, () => now);
    for (let i = 0; i < 30; i++) {
      assert.deepEqual(throttle.take("teamsAppInstall"), { allowed: true });
    }
    assert.deepEqual(throttle.take("teamsAppInstall"), { allowed: false, retryAfterSeconds: 1 });
    for (let i = 0; i < 60; i++) {
      assert.deepEqual(
        throttle.take("teamsAppRead"),
        { allowed: true },
        "reads are counted apart from installs",
      );
    }
    assert.equal(throttle.take("teamsAppRead").allowed, false);
    now = 1_001;
    assert.deepEqual(
      throttle.take("teamsAppInstall"),
      { allowed: true },
      "a second later the window has moved",
    );
  });
});
