import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { offerContext, readOffer } from "../../src/bot/file-offer";

const USER = "a0000000-0000-4000-8000-000000000001";
const SCAN = "0f8c2b7e-1d3a-4c5b-9e6f-7a8b9c0d1e2f";

describe("file offers in the consent card's context", () => {
  it("round-trips each kind, with its own id key", () => {
    const readiness = offerContext({ kind: "readiness", id: SCAN, offeredTo: USER });
    assert.deepEqual(readiness, { kind: "readiness", scanId: SCAN, offeredTo: USER });
    assert.deepEqual(readOffer(readiness), { kind: "readiness", id: SCAN, offeredTo: USER });
    const delivery = offerContext({ kind: "delivery", id: `${SCAN}:follow-up`, offeredTo: USER });
    assert.deepEqual(readOffer(delivery), { kind: "delivery", id: `${SCAN}:follow-up`, offeredTo: USER });
  });

  it("reads an older readiness card (scan id alone) as an offer naming no one", () => {
    assert.deepEqual(readOffer({ scanId: SCAN }), { kind: "readiness", id: SCAN });
  });

  it("refuses unknown kinds, ids of the wrong shape and a malformed user", () => {
    for (const context of [
      { kind: "payroll", jobId: SCAN, offeredTo: USER },
      { kind: "delivery", scanId: SCAN, offeredTo: USER },
      { kind: "delivery", jobId: "../../etc/passwd", offeredTo: USER },
      { kind: "readiness", scanId: `${SCAN}:follow-up`, offeredTo: USER },
      { kind: "delivery", jobId: SCAN, offeredTo: "admin" },
      { kind: "delivery", jobId: SCAN, offeredTo: 7 },
      {},
    ]) {
      assert.equal(readOffer(context), undefined, JSON.stringify(context));
    }
  });
});
