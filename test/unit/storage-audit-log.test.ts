import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { SqliteAuditLog } from "../../src/storage/audit-log";
import { openDatabase } from "../../src/storage/database";

const tenant = "11111111-2222-3333-4444-555555555555";

describe("SqliteAuditLog", () => {
  it("records entries and lists a tenant's newest first, with their detail", async () => {
    const database = openDatabase(":memory:");
    let tick = 0;
    const log = new SqliteAuditLog(database, () => new Date(Date.UTC(2026, 10, 28, 9, 0, tick++)));
    await log.record({
      tenantId: tenant,
      actorId: "a1",
      action: "tap.requested",
      outcome: "success",
      subjectId: "u1",
    });
    await log.record({
      tenantId: tenant.toUpperCase(),
      actorId: "a2",
      actorName: "Adele",
      action: "tap.refused",
      outcome: "refused",
      detail: { reason: "notAuthenticationAdministrator", attempts: 1 },
    });
    await log.record({ tenantId: "other", actorId: "a3", action: "x", outcome: "failed" });

    const entries = await log.latest(tenant, 10);
    assert.deepEqual(
      entries.map((entry) => [entry.action, entry.outcome, entry.at]),
      [
        ["tap.refused", "refused", "2026-11-28T09:00:01.000Z"],
        ["tap.requested", "success", "2026-11-28T09:00:00.000Z"],
      ],
    );
    assert.deepEqual(entries[0]!.detail, { reason: "notAuthenticationAdministrator", attempts: 1 });
    assert.equal(entries[0]!.actorName, "Adele");
    assert.equal(entries[1]!.subjectId, "u1");
    assert.equal("detail" in entries[1]!, false);
    assert.equal((await log.latest(tenant, 1)).length, 1);
    database.close();
  });

  it("refuses an outcome outside success, refused and failed", async () => {
    const database = openDatabase(":memory:");
    const log = new SqliteAuditLog(database);
    await assert.rejects(
      log.record({ tenantId: tenant, actorId: "a", action: "x", outcome: "maybe" as "success" }),
      /CHECK constraint failed/,
    );
    assert.deepEqual(await log.latest(tenant, 10), []);
    database.close();
  });
});
