import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";

import { type StoredConversationReference } from "../../src/domain/conversation-reference";
import { SqliteConversationReferenceStore } from "../../src/storage/conversation-references";
import { type Database, openDatabase } from "../../src/storage/database";

const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const OTHER_TENANT = "11111111-2222-3333-4444-555555555555";

function reference(
  userId: string,
  tenantId = TENANT,
  conversationId = `a:conv-${userId}`,
): StoredConversationReference {
  return {
    tenantId,
    userId,
    conversationId,
    serviceUrl: "https://smba.trafficmanager.net/emea/",
    reference: {
      activityId: "1",
      bot: { id: "28:bot", name: "MFA Ready" },
      channelId: "msteams",
      conversation: { id: conversationId, conversationType: "personal", tenantId, isGroup: false, name: "" },
      serviceUrl: "https://smba.trafficmanager.net/emea/",
      user: { id: `29:${userId}`, name: "Someone", aadObjectId: userId },
    },
    updatedAt: "2025-10-02T09:00:00.000Z",
  };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) {
    out.push(item);
  }
  return out;
}

describe("SqliteConversationReferenceStore", () => {
  let db: Database;
  let store: SqliteConversationReferenceStore;
  beforeEach(() => {
    db = openDatabase(":memory:");
    store = new SqliteConversationReferenceStore(db, 2);
  });
  afterEach(() => db.close());

  it("saves and gets a reference, whatever the case of the ids", async () => {
    const saved = reference("aaaaaaaa-0000-0000-0000-000000000001");
    await store.save(saved);
    assert.deepEqual(await store.get(TENANT.toUpperCase(), saved.userId.toUpperCase()), saved);
    assert.equal(await store.get(TENANT, "aaaaaaaa-0000-0000-0000-000000000099"), undefined);
    assert.equal(await store.get(OTHER_TENANT, saved.userId), undefined);
  });

  it("replaces the user's reference on a later save", async () => {
    const userId = "aaaaaaaa-0000-0000-0000-000000000001";
    await store.save(reference(userId));
    const moved = {
      ...reference(userId, TENANT, "a:new-conversation"),
      updatedAt: "2025-11-01T00:00:00.000Z",
    };
    await store.save(moved);
    assert.deepEqual(await store.get(TENANT, userId), moved);
    assert.equal(await store.count(TENANT), 1);
  });

  it("removes, saying whether there was something to remove", async () => {
    const userId = "aaaaaaaa-0000-0000-0000-000000000001";
    await store.save(reference(userId));
    assert.equal(await store.remove(TENANT, userId), true);
    assert.equal(await store.remove(TENANT, userId), false);
    assert.equal(await store.get(TENANT, userId), undefined);
  });

  it("lists one tenant page by page, ordered by user id, and counts it", async () => {
    const ids = ["e", "a", "c", "b", "d"].map((letter) => `${letter.repeat(8)}-0000-0000-0000-000000000000`);
    for (const id of ids) {
      await store.save(reference(id));
    }
    await store.save(reference("ffffffff-0000-0000-0000-000000000000", OTHER_TENANT));

    const listed = await collect(store.list(TENANT));
    assert.deepEqual(
      listed.map((item) => item.userId),
      [...ids].sort(),
    );
    assert.equal(listed[0]!.reference.user?.aadObjectId, listed[0]!.userId);
    assert.equal(await store.count(TENANT), 5);
    assert.equal(await store.count(OTHER_TENANT), 1);
    assert.deepEqual(await collect(store.list("00000000-0000-0000-0000-000000000000")), []);
  });

  it("streams: the consumer may delete between items and stop early", async () => {
    for (const letter of ["a", "b", "c", "d", "e"]) {
      await store.save(reference(`${letter.repeat(8)}-0000-0000-0000-000000000000`));
    }
    const seen: string[] = [];
    for await (const item of store.list(TENANT)) {
      seen.push(item.userId);
      // A broadcast drops unreachable users as it goes: deleting mid-iteration must not disturb the list.
      await store.remove(TENANT, item.userId);
      if (seen.length === 3) {
        break;
      }
    }
    assert.equal(seen.length, 3);
    assert.equal(await store.count(TENANT), 2);
    const rest = await collect(store.list(TENANT));
    assert.deepEqual(
      rest.map((item) => item.userId[0]),
      ["d", "e"],
    );
  });
});
