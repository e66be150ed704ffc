import assert from "node:assert/strict";
import { describe, it } from "node:test";

import type { TapRequest } from "../../src/domain/tap-request";
import { openEmbeddedStores } from "../../src/storage";

const request = (id: string, requesterId = "U-1"): TapRequest => ({
  id,
  tenantId: "T-1",
  requesterId,
  status: "pending",
  needsPrivileged: false,
  createdAt: "2026-11-28T06:00:00.000Z",
});

describe("TAP request store", () => {
  it("moves a request only from the state it is in: the first decision wins, a replay changes nothing", async () => {
    const stores = openEmbeddedStores(":memory:");
    try {
      await stores.tapRequests.create(request("r1"));
      assert.equal((await stores.tapRequests.open("t-1", "u-1"))?.id, "r1", "ids compare case-insensitively");
      assert.equal(
        await stores.tapRequests.transition("t-1", "r1", "pending", "issuing", {
          decidedBy: "a",
          decidedByName: "Alex",
          decidedAt: "2026-11-28T06:01:00.000Z",
        }),
        true,
      );
      assert.equal(
        await stores.tapRequests.transition("t-1", "r1", "pending", "declined", { decidedBy: "m" }),
        false,
      );
      assert.equal(
        await stores.tapRequests.transition("t-1", "r1", "issuing", "issued", {
          lifetimeMinutes: 60,
          usableOnce: true,
        }),
        true,
      );
      const stored = await stores.tapRequests.get("T-1", "r1");
      assert.deepEqual(
        [
          stored?.status,
          stored?.decidedBy,
          stored?.decidedByName,
          stored?.lifetimeMinutes,
          stored?.usableOnce,
        ],
        ["issued", "a", "Alex", 60, true],
      );
      assert.equal(await stores.tapRequests.open("t-1", "u-1"), undefined);
      assert.equal(
        await stores.tapRequests.get("other-tenant", "r1"),
        undefined,
        "a request is found only in its tenant",
      );
    } finally {
      stores.close();
    }
  });

  it("keeps where each approval card went, one per approver", async () => {
    const stores = openEmbeddedStores(":memory:");
    try {
      await stores.tapRequests.create(request("r2"));
      const card = { approverId: "A", conversationId: "c", activityId: "1", serviceUrl: "https://s/" };
      await stores.tapRequests.addApprovalCard("r2", card);
      await stores.tapRequests.addApprovalCard("r2", { ...card, activityId: "2" });
      assert.deepEqual(await stores.tapRequests.approvalCards("r2"), [
        { ...card, approverId: "a", activityId: "2" },
      ]);
    } finally {
      stores.close();
    }
  });
});

describe("walkthrough store", () => {
  it("keeps one walkthrough per tenant, user and method, and lists the active ones", async () => {
    const stores = openEmbeddedStores(":memory:");
    try {
      const base = {
        tenantId: "T",
        userId: "U",
        status: "active" as const,
        step: 1,
        startedAt: "s",
        updatedAt: "2026-01-01",
        baseline: ["k1"],
        checklist: [],
      };
      await stores.walkthroughs.save({ ...base, method: "passkey" });
      await stores.walkthroughs.save({ ...base, method: "whfb", updatedAt: "2026-01-02" });
      await stores.walkthroughs.save({ ...base, method: "passkey", step: 2 });
      assert.equal((await stores.walkthroughs.get("t", "u", "passkey"))?.step, 2);
      assert.deepEqual(
        (await stores.walkthroughs.active("t", "u")).map((item) => item.method),
        ["whfb", "passkey"],
      );
      await stores.walkthroughs.save({ ...base, method: "whfb", status: "cancelled" });
      assert.deepEqual(
        (await stores.walkthroughs.active("t", "u")).map((item) => item.method),
        ["passkey"],
      );
    } finally {
      stores.close();
    }
  });
});
