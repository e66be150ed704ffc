import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";

import { MemoryStorage, type Storage } from "botbuilder";

import { type Database, openDatabase } from "../../src/storage/database";
import { SqliteStorage } from "../../src/storage/sqlite-storage";
import { StorageConflictError } from "../../src/storage/storage-errors";

describe("SqliteStorage", () => {
  let db: Database;
  let storage: SqliteStorage;
  beforeEach(() => {
    db = openDatabase(":memory:");
    storage = new SqliteStorage(db);
  });
  afterEach(() => db.close());

  it("reads back what it wrote, with an eTag, without touching the caller's object", async () => {
    const item = { topic: "status", count: 2, nested: { a: [1, 2] } };
    await storage.write({ user1: item });
    const read = await storage.read(["user1", "absent"]);
    assert.deepEqual(Object.keys(read), ["user1"]);
    const { eTag, ...value } = read.user1!;
    assert.deepEqual(value, item);
    assert.equal(typeof eTag, "string");
    assert.ok((eTag as string).length > 0);
    assert.equal("eTag" in item, false);
  });

  it("accepts the current eTag and gives the item a new one", async () => {
    await storage.write({ k: { v: 1 } });
    const first = (await storage.read(["k"])).k!;
    await storage.write({ k: { ...first, v: 2 } });
    const second = (await storage.read(["k"])).k!;
    assert.equal(second.v, 2);
    assert.notEqual(second.eTag, first.eTag);
  });

  it("rejects a stale eTag with botbuilder's message and writes nothing of the batch", async () => {
    await storage.write({ k: { v: 1 } });
    const stale = (await storage.read(["k"])).k!;
    await storage.write({ k: { ...stale, v: 2 } });
    const current = (await storage.read(["k"])).k!;

    await assert.rejects(
      storage.write({ fresh: { v: "new" }, k: { ...stale, v: 3 } }),
      (err: unknown) =>
        err instanceof StorageConflictError &&
        err.reason === "etag-conflict" &&
        err.key === "k" &&
        err.message === 'Storage: error writing "k" due to eTag conflict.',
    );
    const after = await storage.read(["k", "fresh"]);
    assert.deepEqual(after, { k: current });
  });

  it('overwrites with eTag "*" or without an eTag', async () => {
    await storage.write({ k: { v: 1 } });
    const stale = (await storage.read(["k"])).k!;
    await storage.write({ k: { v: 2 } });
    await storage.write({ k: { ...stale, v: 3, eTag: "*" } });
    assert.equal((await storage.read(["k"])).k!.v, 3);
    await storage.write({ k: { v: 4 } });
    assert.equal((await storage.read(["k"])).k!.v, 4);
  });

  it("deletes, and an eTag read before the delete never matches the recreated item", async () => {
    await storage.write({ a: { v: 1 }, b: { v: 2 } });
    const old = (await storage.read(["a"])).a!;
    await storage.delete(["a", "never-there"]);
    assert.deepEqual(Object.keys(await storage.read(["a", "b"])), ["b"]);
    await storage.write({ a: { v: "again" } });
    await assert.rejects(storage.write({ a: { ...old, v: "late" } }), StorageConflictError);
  });

  it("handles keys with any characters and empty key lists", async () => {
    const key = "!@#$%^&*()~/\\><,.?';\"`{}_+-=|é😀 msteams/conversations/19:abc@thread.v2";
    await storage.write({ [key]: { ok: true } });
    assert.equal((await storage.read([key]))[key]!.ok, true);
    assert.deepEqual(await storage.read([]), {});
    await storage.delete([]);
    await assert.rejects(storage.read(undefined as unknown as string[]), ReferenceError);
    await assert.rejects(storage.write(undefined as unknown as Record<string, object>), ReferenceError);
  });

  it("answers the same as botbuilder's MemoryStorage for the same sequence of writes", async () => {
    const run = async (store: Storage) => {
      const outcomes: string[] = [];
      const attempt = async (label: string, changes: Record<string, object>) => {
        try {
          await store.write(changes);
          outcomes.push(`${label}: ok`);
        } catch (err) {
          outcomes.push(`${label}: ${(err as Error).message}`);
        }
      };
      await attempt("create", { x: { n: 1 } });
      const first = (await store.read(["x"])).x!;
      await attempt("update", { x: { ...first, n: 2 } });
      await attempt("stale", { x: { ...first, n: 3 } });
      await attempt("star", { x: { n: 4, eTag: "*" } });
      await attempt("missing-with-etag", { y: { n: 5, eTag: "whatever" } });
      const read = await store.read(["x", "y"]);
      outcomes.push(`values: ${read.x!.n},${read.y!.n}`);
      return outcomes;
    };
    const memory = await run(new MemoryStorage());
    assert.deepEqual(await run(storage), memory);
    assert.ok(memory.some((line) => line.includes("eTag conflict")));
  });
});
