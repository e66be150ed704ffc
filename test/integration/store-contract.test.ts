import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import type { Verdict } from "../../src/domain/verdict";
import type { ProductStores } from "../../src/product-stores";
import { openEmbeddedStores } from "../../src/storage";
import { openAzureStores } from "../../src/storage/azure";
import { type Azurite, startAzurite } from "../support/azurite";

/**
 * One contract, three backends: every store interface the service uses, run against embedded SQLite (in
 * memory, and in a file, where a scan's verdict rows are written on a thread of their own) and against
 * Azure Storage (Azurite, the official emulator, started here on loopback). Each test gets fresh stores
 * (a new database, a new table prefix).
 */
const TENANT = "0f0e0d0c-0000-4000-8000-00000000000a";
const OTHER = "0f0e0d0c-0000-4000-8000-00000000000b";

let azurite: Azurite | undefined;
const dataDirs = mkdtempSync(path.join(tmpdir(), "mfa-store-contract-"));
const backends: Array<{ name: string; open: () => Promise<ProductStores> }> = [
  { name: "sqlite", open: async () => openEmbeddedStores(":memory:") },
  { name: "sqlite file", open: async () => openEmbeddedStores(mkdtempSync(path.join(dataDirs, "db-"))) },
  {
    name: "azurite",
    open: () =>
      openAzureStores({
        kind: "azure",
        prefix: `c${randomUUID().replace(/-/g, "").slice(0, 12)}`,
        connectionString: azurite!.connectionString,
      }),
  },
];

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) {
    out.push(item);
  }
  return out;
}

function verdict(userId: string): Verdict {
  return {
    userId,
    userPrincipalName: `${userId}@contoso.example`,
    displayName: userId,
    userType: "Member",
    isAdmin: false,
    roles: [],
    phase1: "no",
    phase2: "no",
    mfaReady: false,
    breakGlass: false,
    serviceAccountSuspect: false,
    methods: { strongIndependent: [], mfaService: [], external: [], notMfa: [], unknown: [], notCounted: [] },
    actions: [],
    suggestions: [],
    evidence: { phase1: [], phase2: [] },
    dataGaps: [],
  };
}

before(async () => {
  azurite = await startAzurite();
});
after(async () => {
  await azurite?.stop();
  rmSync(dataDirs, { recursive: true, force: true });
});

for (const backend of backends) {
  describe(`store contract: ${backend.name}`, () => {
    let stores: ProductStores;
    const fresh = async () => {
      stores = await backend.open();
      return stores;
    };
    after(() => stores?.close());

    it("bot state: eTags guard writes; a stale eTag fails, '*' and no eTag write", async () => {
      const { storage } = await fresh();
      await storage.write({ "conv/user": { count: 1 } });
      const first = (await storage.read(["conv/user"]))["conv/user"]!;
      assert.equal(first.count, 1);
      await storage.write({ "conv/user": { count: 2, eTag: first.eTag } });
      await assert.rejects(storage.write({ "conv/user": { count: 3, eTag: first.eTag } }), /eTag conflict/);
      assert.equal((await storage.read(["conv/user"]))["conv/user"]!.count, 2);
      await storage.write({ "conv/user": { count: 4, eTag: "*" } });
      assert.equal((await storage.read(["conv/user"]))["conv/user"]!.count, 4);
      await storage.delete(["conv/user"]);
      assert.deepEqual(await storage.read(["conv/user"]), {});
      assert.equal(await stores.ping(), true);
    });

    it("conversation references: upsert per tenant and user, paging in user order, count, remove", async () => {
      const { conversationReferences: refs } = await fresh();
      const users = Array.from({ length: 1_050 }, (_, i) => `user-${String(i).padStart(4, "0")}`);
      for (let i = 0; i < users.length; i += 50) {
        await Promise.all(
          users.slice(i, i + 50).map((userId) =>
            refs.save({
              tenantId: TENANT,
              userId,
              conversationId: `a:${userId}`,
              serviceUrl: "https://smba.example/",
              reference: { conversation: { id: `a:${userId}` } as never },
              updatedAt: "2026-12-01T00:00:00.000Z",
            }),
          ),
        );
      }
      await refs.save({
        tenantId: TENANT.toUpperCase(),
        userId: "USER-0001",
        conversationId: "a:new",
        serviceUrl: "https://smba.example/",
        reference: {},
        updatedAt: "2026-12-02T00:00:00.000Z",
      });
      assert.equal(
        (await refs.get(TENANT, "user-0001"))?.conversationId,
        "a:new",
        "one user is one row, ids case-insensitive",
      );
      const listed = (await collect(refs.list(TENANT))).map((ref) => ref.userId);
      assert.deepEqual(listed, users, "every page, in user id order, no repeats");
      assert.equal(await refs.count(TENANT), users.length);
      assert.equal(await refs.count(OTHER), 0);
      assert.equal(await refs.remove(TENANT, "user-0002"), true);
      assert.equal(await refs.remove(TENANT, "user-0002"), false);
      assert.equal(await refs.get(TENANT, "user-0002"), undefined);
    });

    it("audit log: newest first per tenant, bounded, detail kept", async () => {
      const { auditLog } = await fresh();
      for (let i = 0; i < 12; i += 1) {
        await auditLog.record({
          tenantId: i % 4 === 3 ? OTHER : TENANT,
          actorId: `a${i}`,
          action: "tap.issued",
          outcome: "success",
          detail: { n: i },
        });
      }
      const latest = await auditLog.latest(TENANT.toUpperCase(), 5);
      assert.deepEqual(
        latest.map((e) => e.actorId),
        ["a10", "a9", "a8", "a6", "a5"],
      );
      assert.deepEqual(latest[0]!.detail, { n: 10 });
      assert.ok(
        latest.every((e, i) => i === 0 || e.id < latest[i - 1]!.id),
        "ids fall with age",
      );
      assert.equal((await auditLog.latest(OTHER, 100)).length, 3);
    });

    it("scheduled jobs: a key replaces; due jobs leased to one owner; lease expiry and take-over; retry counts", async () => {
      const { scheduledJobs: jobs } = await fresh();
      const t0 = new Date("2026-12-01T08:00:00.000Z");
      await jobs.upsert({
        kind: "reminder",
        key: "r1",
        tenantId: TENANT,
        runAt: "2026-12-01T07:00:00.000Z",
        payload: { v: 1 },
      });
      const replaced = await jobs.upsert({
        kind: "reminder",
        key: "r1",
        tenantId: TENANT,
        runAt: "2026-12-01T07:30:00.000Z",
        payload: { v: 2 },
      });
      await jobs.upsert({ kind: "daily", tenantId: TENANT, runAt: "2026-12-01T09:00:00.000Z", payload: {} });
      assert.deepEqual(
        (await jobs.list("reminder")).map((j) => j.payload.v),
        [2],
      );

      const [a, b] = await Promise.all([
        jobs.claimDue(t0, "A", 60_000, 10),
        jobs.claimDue(t0, "B", 60_000, 10),
      ]);
      assert.equal(a.length + b.length, 1, "two instances polling at once: one of them runs it");
      const holder = a.length === 1 ? "A" : "B";
      const other = holder === "A" ? "B" : "A";
      assert.equal(a.concat(b)[0]!.id, replaced.id);
      assert.deepEqual(await jobs.claimDue(new Date(t0.getTime() + 30_000), other, 60_000, 10), [], "leased");
      const taken = await jobs.claimDue(new Date(t0.getTime() + 61_000), other, 60_000, 10);
      assert.equal(taken.length, 1, "the lease expired: another instance takes it over");
      await jobs.complete(taken[0]!.id, holder);
      assert.equal((await jobs.list("reminder")).length, 1, "the old holder cannot complete it any more");
      await jobs.retryLater(taken[0]!.id, other, new Date("2026-12-01T08:10:00.000Z"), "boom");
      const [retried] = await jobs.list("reminder");
      assert.equal(retried!.attempts, 1);
      const again = await jobs.claimDue(new Date("2026-12-01T08:10:00.000Z"), holder, 60_000, 10);
      assert.equal(again.length, 1);
      // Re-scheduled while running: the new job stays when the old run completes.
      await jobs.upsert({
        kind: "reminder",
        key: "r1",
        tenantId: TENANT,
        runAt: "2026-12-02T07:00:00.000Z",
        payload: { v: 3 },
      });
      await jobs.complete(again[0]!.id, holder);
      assert.deepEqual(
        (await jobs.list("reminder")).map((j) => j.payload.v),
        [3],
      );
      assert.equal(await jobs.cancel("reminder", "r1"), true);
      assert.equal(await jobs.cancel("reminder", "r1"), false);
      assert.deepEqual(
        (await jobs.list()).map((j) => j.kind),
        ["daily"],
      );
    });

    it("walkthroughs: one row per user and method; the active ones, most recent first", async () => {
      const { walkthroughs } = await fresh();
      const base = {
        tenantId: TENANT,
        userId: "U1",
        status: "active" as const,
        step: 0,
        startedAt: "2026-12-01T00:00:00Z",
        baseline: ["m1"],
        checklist: [],
      };
      await walkthroughs.save({ ...base, method: "fido2", updatedAt: "2026-12-01T00:01:00Z" });
      await walkthroughs.save({ ...base, method: "whfb", updatedAt: "2026-12-01T00:02:00Z" });
      await walkthroughs.save({
        ...base,
        method: "certificate",
        status: "verified",
        updatedAt: "2026-12-01T00:03:00Z",
      });
      await walkthroughs.save({
        ...base,
        method: "fido2",
        step: 2,
        checklist: ["a"],
        updatedAt: "2026-12-01T00:04:00Z",
      });
      assert.deepEqual(
        (await walkthroughs.active(TENANT, "u1")).map((w) => [w.method, w.step]),
        [
          ["fido2", 2],
          ["whfb", 0],
        ],
      );
      assert.deepEqual((await walkthroughs.get(TENANT, "u1", "fido2"))?.checklist, ["a"]);
      assert.equal(await walkthroughs.get(TENANT, "u2", "fido2"), undefined);
    });

    it("walkthroughs: a workload identity's app id and checklist time are kept, and cleared when left out", async () => {
      const { walkthroughs } = await fresh();
      const record = {
        tenantId: TENANT,
        userId: "U1",
        method: "workloadIdentity",
        status: "active" as const,
        step: 1,
        startedAt: "2026-12-01T00:00:00Z",
        updatedAt: "2026-12-01T00:05:00Z",
        baseline: [],
        checklist: ["identity"],
      };
      assert.equal((await walkthroughs.get(TENANT, "u1", "workloadIdentity")) === undefined, true);
      await walkthroughs.save(record);
      const plain = await walkthroughs.get(TENANT, "u1", "workloadIdentity");
      assert.equal(plain?.workloadAppId, undefined);
      assert.equal(plain?.checklistSavedAt, undefined);
      await walkthroughs.save({
        ...record,
        workloadAppId: "5b0e6a2c-1d1f-4c57-9a55-0c6f3c0d7e11",
        checklistSavedAt: "2026-12-01T00:06:00.000Z",
      });
      const named = await walkthroughs.get(TENANT, "u1", "workloadIdentity");
      assert.equal(named?.workloadAppId, "5b0e6a2c-1d1f-4c57-9a55-0c6f3c0d7e11");
      assert.equal(named?.checklistSavedAt, "2026-12-01T00:06:00.000Z");
      assert.equal((await walkthroughs.active(TENANT, "u1"))[0]?.workloadAppId, named?.workloadAppId);
      await walkthroughs.save({ ...record, checklistSavedAt: "2026-12-01T00:07:00.000Z" });
      const cleared = await walkthroughs.get(TENANT, "u1", "workloadIdentity");
      assert.equal(cleared?.workloadAppId, undefined, "an app id the owner removed is gone");
      assert.equal(cleared?.checklistSavedAt, "2026-12-01T00:07:00.000Z");
    });

    it("pass requests: first decision wins among simultaneous approvers; the open one; cards per approver", async () => {
      const { tapRequests } = await fresh();
      await tapRequests.create({
        id: "r1",
        tenantId: TENANT,
        requesterId: "U1",
        status: "pending",
        needsPrivileged: false,
        createdAt: "2026-12-01T00:00:00Z",
      });
      assert.equal((await tapRequests.open(TENANT, "u1"))?.id, "r1");
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          tapRequests.transition(TENANT, "r1", "pending", "issuing", {
            decidedBy: `admin${i}`,
            decidedAt: "2026-12-01T00:01:00Z",
          }),
        ),
      );
      assert.equal(results.filter(Boolean).length, 1, "exactly one admin decides");
      const decided = await tapRequests.get(TENANT, "r1");
      assert.equal(decided?.decidedBy, `admin${results.indexOf(true)}`);
      assert.equal(
        await tapRequests.transition(TENANT, "r1", "issuing", "issued", {
          lifetimeMinutes: 60,
          usableOnce: true,
        }),
        true,
      );
      assert.equal((await tapRequests.get(TENANT, "r1"))?.usableOnce, true);
      assert.equal(
        (await tapRequests.get(TENANT, "r1"))?.decidedBy,
        decided?.decidedBy,
        "later steps keep the decider",
      );
      assert.equal(await tapRequests.open(TENANT, "u1"), undefined);
      await tapRequests.addApprovalCard("r1", {
        approverId: "B",
        conversationId: "c1",
        activityId: "x1",
        serviceUrl: "https://s/",
      });
      await tapRequests.addApprovalCard("r1", {
        approverId: "a",
        conversationId: "c2",
        activityId: "x2",
        serviceUrl: "https://s/",
      });
      await tapRequests.addApprovalCard("r1", {
        approverId: "b",
        conversationId: "c1",
        activityId: "x3",
        serviceUrl: "https://s/",
      });
      assert.deepEqual(
        (await tapRequests.approvalCards("r1")).map((c) => [c.approverId, c.activityId]),
        [
          ["a", "x2"],
          ["b", "x3"],
        ],
      );
    });

    it("postponement requests: first decision wins; applied outcome; newest first", async () => {
      const { postponementRequests: requests } = await fresh();
      const request = (id: string, createdAt: string) => ({
        id,
        tenantId: TENANT,
        requesterId: "U1",
        phase: "2" as const,
        wantedDate: "2027-01-01",
        route: "selfService" as const,
        justification: "line\nbreak",
        affectedSystems: "CI",
        createdAt,
      });
      const created = await requests.create(request("p1", "2026-12-01T00:00:00Z"));
      assert.equal(created.status, "pending");
      await requests.create(request("p2", "2026-12-02T00:00:00Z"));
      const decisions = await Promise.all(
        ["approved", "declined", "approved", "declined"].map((status, i) =>
          requests.decide(TENANT, "p1", {
            status: status as "approved" | "declined",
            decidedById: `GA${i}`,
            decidedAt: "2026-12-01T01:00:00Z",
          }),
        ),
      );
      assert.equal(decisions.filter(Boolean).length, 1, "one decision");
      const stored = await requests.get(TENANT, "p1");
      assert.equal(stored?.decidedById, `ga${decisions.indexOf(true)}`);
      await requests.recordApplied(TENANT, "p1", { kind: "applied", readBackDate: "2027-01-01" });
      assert.deepEqual((await requests.get(TENANT, "p1"))?.applied, {
        kind: "applied",
        readBackDate: "2027-01-01",
      });
      assert.equal((await requests.get(TENANT, "p1"))?.justification, "line\nbreak");
      assert.deepEqual(
        (await requests.latest(TENANT, 5)).map((r) => r.id),
        ["p2", "p1"],
      );
      await requests.addApprovalCard({
        requestId: "p1",
        approverId: "GA1",
        conversationId: "c",
        activityId: "a",
        serviceUrl: "https://s/",
      });
      assert.equal((await requests.approvalCards("p1"))[0]?.approverId, "ga1");
    });

    it("report subscriptions: add once, list in order, remove", async () => {
      const { reportSubscriptions: subs } = await fresh();
      assert.equal(
        await subs.add({ tenantId: TENANT, userId: "U2", subscribedAt: "2026-12-01T02:00:00Z" }),
        true,
      );
      assert.equal(
        await subs.add({ tenantId: TENANT, userId: "u2", subscribedAt: "2026-12-01T03:00:00Z" }),
        false,
      );
      assert.equal(
        await subs.add({
          tenantId: TENANT,
          userId: "U1",
          userName: "Una",
          subscribedAt: "2026-12-01T01:00:00Z",
        }),
        true,
      );
      assert.deepEqual(
        (await subs.list(TENANT)).map((s) => s.userId),
        ["u1", "u2"],
      );
      assert.equal(await subs.has(TENANT, "U1"), true);
      assert.equal(await subs.remove(TENANT, "u1"), true);
      assert.equal(await subs.remove(TENANT, "u1"), false);
      assert.equal(await subs.has(TENANT, "U1"), false);
    });

    it("scans: verdicts paged in order and by finding; compare; a failed scan's rows go; prune", async () => {
      const { reportScans: scans } = await fresh();
      const base = {
        tenantId: TENANT,
        requestedBy: "me",
        startedAt: "2026-11-20T09:00:00Z",
        windowEnd: "2026-11-20T09:00:00Z",
      };
      const rows = (list: Array<[string, boolean, boolean]>, offset = 0) =>
        list.map(([id, affected, ready], seq) => ({
          seq: seq + offset,
          verdict: verdict(id),
          affected,
          ready,
          findings: affected && !ready ? ["affectedNotReady"] : [],
        }));
      const many = Array.from({ length: 1_250 }, (_, i): [string, boolean, boolean] => [
        `u${String(i).padStart(4, "0")}`,
        i % 2 === 0,
        i === 4,
      ]);
      await scans.create({ ...base, id: "s1" });
      await scans.appendVerdicts("s1", rows(many.slice(0, 600)));
      await scans.appendVerdicts("s1", rows(many.slice(600), 600));
      await scans.finish("s1", {
        status: "completed",
        finishedAt: "2026-11-20T09:01:00Z",
        users: many.length,
        csvBytes: 10,
      });
      assert.deepEqual(
        (await collect(scans.verdicts("s1"))).map((v) => v.userId),
        many.map(([id]) => id),
      );
      assert.equal((await collect(scans.verdicts("s1", { finding: "affectedNotReady" }))).length, 624);
      await scans.create({ ...base, id: "s2" });
      await scans.appendVerdicts(
        "s2",
        rows([
          ["u0000", true, true],
          ["u0001", true, false],
          ["u0002", false, false],
          ["u0004", true, false],
          ["new", true, false],
        ]),
      );
      await scans.finish("s2", {
        status: "completed",
        finishedAt: "2026-11-21T09:01:00Z",
        users: 5,
        csvBytes: 10,
        summary: { counts: {} } as never,
      });
      assert.deepEqual(await scans.compare("s1", "s2"), {
        becameReady: 1,
        noLongerReady: 1,
        newlyAffected: 2,
        noLongerAffected: 1,
        newUsers: 1,
        removedUsers: 1246,
      });
      assert.equal((await scans.latestCompleted(TENANT))?.id, "s2");
      assert.equal((await scans.latestCompleted(TENANT, "s2"))?.id, "s1");
      assert.deepEqual((await scans.get("s2"))?.summary, { counts: {} });
      await scans.create({ ...base, id: "s3" });
      await scans.appendVerdicts("s3", rows([["x", true, false]]));
      await scans.finish("s3", {
        status: "failed",
        finishedAt: "2026-11-22T09:01:00Z",
        users: 1,
        csvBytes: 0,
        error: "throttled",
      });
      assert.deepEqual(await collect(scans.verdicts("s3")), [], "a partial scan keeps no rows");
      assert.equal((await scans.get("s3"))?.error, "throttled");
      assert.equal(await scans.prune(TENANT, ["s2"]), 2);
      assert.equal(await scans.get("s1"), undefined);
      assert.deepEqual(await collect(scans.verdicts("s1")), []);
      assert.equal((await scans.latestCompleted(TENANT))?.id, "s2");
    });

    it("scan claims: one running scan per tenant; renewal with progress; a lapsed claim is taken over", async () => {
      const { scanClaims: claims } = await fresh();
      const [x, y] = await Promise.all([
        claims.claim(TENANT, "scan-x", "X", 1_000, 15_000, { stage: "starting" }),
        claims.claim(TENANT, "scan-y", "Y", 1_000, 15_000, { stage: "starting" }),
      ]);
      assert.equal([x, y].filter((r) => r.won).length, 1, "one of two instances runs the scan");
      const [holder, scanId, other] = x.won ? ["X", "scan-x", "Y"] : ["Y", "scan-y", "X"];
      const lost = x.won ? y : x;
      assert.equal(lost.won === false && lost.current.scanId, scanId, "the other learns which scan to join");
      assert.equal(
        await claims.renew(TENANT, scanId, holder, 5_000, 15_000, { stage: "users", usersRead: 40 }),
        true,
      );
      assert.equal(
        await claims.renew(TENANT, scanId, other, 5_000, 15_000, {}),
        false,
        "only the holder renews",
      );
      assert.deepEqual(await claims.current(TENANT, 6_000), {
        scanId,
        progress: { stage: "users", usersRead: 40 },
      });
      assert.equal(await claims.current(OTHER, 6_000), undefined);
      assert.equal(
        (await claims.claim(OTHER, "scan-o", other, 6_000, 15_000, {})).won,
        true,
        "tenants are independent",
      );
      assert.equal(await claims.current(TENANT, 20_001), undefined, "lapsed");
      assert.equal((await claims.claim(TENANT, "scan-z", other, 20_001, 15_000, {})).won, true, "taken over");
      await claims.release(TENANT, scanId, holder);
      assert.equal(
        (await claims.current(TENANT, 21_000))?.scanId,
        "scan-z",
        "the old holder's release leaves the new claim",
      );
      await claims.release(TENANT, "scan-z", other);
      assert.equal(await claims.current(TENANT, 21_000), undefined);
    });

    it("live methods: one record per user, the later read wins; listed per tenant, since a time", async () => {
      const { liveMethods: live } = await fresh();
      const key = { "@odata.type": "#microsoft.graph.fido2AuthenticationMethod", id: "key-1" };
      const record = (userId: string, readAt: string, methods = [key]) => ({
        tenantId: TENANT,
        userId,
        readAt,
        source: "status" as const,
        methods,
        verdict: { ...verdict(userId), mfaReady: methods.length > 0 },
      });
      assert.equal(await live.get(TENANT, "adele"), undefined);
      await live.put({ ...record("Adele", "2026-11-20T10:00:00.000Z"), source: "verification" });
      const stored = await live.get(TENANT.toUpperCase(), "ADELE");
      assert.deepEqual(stored, {
        ...record("Adele", "2026-11-20T10:00:00.000Z"),
        userId: "adele",
        source: "verification",
      });
      assert.equal(stored!.verdict.mfaReady, true);

      await Promise.all([
        live.put(record("adele", "2026-11-20T09:00:00.000Z", [])),
        live.put(record("adele", "2026-11-20T11:00:00.000Z")),
      ]);
      const kept = (await live.get(TENANT, "adele"))!;
      assert.equal(kept.readAt, "2026-11-20T11:00:00.000Z", "an older read never replaces a newer one");
      assert.equal(kept.methods.length, 1);
      assert.equal(kept.source, "status");

      await live.put(record("ben", "2026-11-19T08:00:00.000Z"));
      await live.put({ ...record("ben", "2026-11-21T08:00:00.000Z"), tenantId: OTHER });
      const ids = async (options?: { since?: string }) =>
        (await collect(live.list(TENANT, options))).map((item) => item.userId).sort();
      assert.deepEqual(await ids(), ["adele", "ben"]);
      assert.deepEqual(await ids({ since: "2026-11-20T11:00:00.000Z" }), ["adele"], "since is inclusive");
      assert.deepEqual(await ids({ since: "2026-11-20T11:00:00.001Z" }), []);
    });

    it("broadcast jobs: created once; transitions from a set, one winner; the lease: renew, expiry, take-over", async () => {
      const { broadcastJobs: jobs } = await fresh();
      const content = { title: "MFA", message: "Hello", audience: { kind: "affected" as const } };
      await jobs.saveDraft({
        id: "d1",
        tenantId: TENANT,
        authorId: "A",
        content,
        createdAt: "2026-12-01T00:00:00Z",
      });
      assert.deepEqual((await jobs.getDraft("d1"))?.content, content);
      const first = await jobs.createJob({
        id: "j1",
        tenantId: TENANT,
        authorId: "A",
        origin: "bot",
        content,
        createdAt: "2026-12-01T00:00:00Z",
      });
      const second = await jobs.createJob({
        id: "j1",
        tenantId: TENANT,
        authorId: "B",
        origin: "bot",
        content,
        createdAt: "2026-12-01T00:00:01Z",
      });
      assert.deepEqual(
        [first.created, second.created, second.job.authorId, second.job.state],
        [true, false, "A", "preparing"],
      );
      await jobs.createJob({
        id: "j2",
        tenantId: TENANT,
        authorId: "A",
        origin: "cli",
        content,
        createdAt: "2026-12-01T00:00:02Z",
      });
      assert.deepEqual(await jobs.activeJobIds(), ["j1", "j2"]);

      const moves = await Promise.all([
        jobs.transition("j1", ["preparing"], "sending"),
        jobs.transition("j1", ["preparing"], "cancelled"),
      ]);
      assert.equal(moves.filter(Boolean).length, 1, "one of two simultaneous moves lands");
      await jobs.transition("j2", ["preparing"], "sending", { at: "2026-12-01T00:01:00Z" });
      assert.equal(
        await jobs.transition("j2", ["sending"], "paused", { pauseReason: "throttled", resumeAt: 123 }),
        true,
      );
      assert.deepEqual(
        [(await jobs.getJob("j2"))?.pauseReason, (await jobs.getJob("j2"))?.resumeAt],
        ["throttled", 123],
      );
      await jobs.transition("j2", ["paused"], "sending", { at: "2026-12-01T00:02:00Z" });
      const j2 = await jobs.getJob("j2");
      assert.deepEqual(
        [j2?.startedAt, j2?.pauseReason, j2?.resumeAt],
        ["2026-12-01T00:01:00Z", undefined, undefined],
      );
      await jobs.addSendMs("j2", 1000.4);
      await jobs.addSendMs("j2", 500);
      assert.equal((await jobs.getJob("j2"))?.sendMs, 1500);
      await jobs.setProgressRef("j2", { conversationId: "c", activityId: "a", serviceUrl: "https://s/" });
      assert.equal((await jobs.getJob("j2"))?.progressRef?.activityId, "a");

      const leases = await Promise.all([
        jobs.acquireLease("j2", "X", 1_000, 10_000),
        jobs.acquireLease("j2", "Y", 1_000, 10_000),
      ]);
      assert.equal(leases.filter(Boolean).length, 1, "one sender");
      const holder = leases[0] ? "X" : "Y";
      const other = holder === "X" ? "Y" : "X";
      assert.equal(await jobs.acquireLease("j2", holder, 5_000, 10_000), true, "the holder renews");
      assert.equal(await jobs.acquireLease("j2", other, 14_000, 10_000), false, "still held");
      assert.equal(await jobs.acquireLease("j2", other, 15_001, 10_000), true, "expired: taken over");
      assert.equal(await jobs.acquireLease("j2", holder, 15_002, 10_000), false, "the old holder lost it");
      await jobs.releaseLease("j2", holder);
      assert.equal(
        await jobs.acquireLease("j2", holder, 15_003, 10_000),
        false,
        "a non-holder's release changes nothing",
      );
      await jobs.releaseLease("j2", other);
      assert.equal(await jobs.acquireLease("j2", holder, 15_004, 10_000), true);
      await jobs.transition("j2", ["sending"], "done", { at: "2026-12-01T00:03:00Z" });
      assert.equal((await jobs.getJob("j2"))?.finishedAt, "2026-12-01T00:03:00Z");
      assert.deepEqual(
        (await jobs.latest(TENANT, 10)).map((j) => j.id),
        ["j2", "j1"],
      );
      assert.deepEqual(await jobs.activeJobIds(), moves[0] ? ["j1"] : []);
    });

    it("broadcast leases: one process sends for a tenant at a time; other tenants are not held up", async () => {
      const { broadcastJobs: jobs } = await fresh();
      const content = { title: "MFA", message: "Hello", audience: { kind: "affected" as const } };
      for (const [id, tenantId] of [
        ["a1", TENANT],
        ["a2", TENANT],
        ["b1", OTHER],
      ] as const) {
        await jobs.createJob({
          id,
          tenantId,
          authorId: "A",
          origin: "bot",
          content,
          createdAt: "2026-12-01T00:00:00Z",
        });
      }
      const racing = await Promise.all([
        jobs.acquireLease("a1", "X", 1_000, 10_000),
        jobs.acquireLease("a2", "Y", 1_000, 10_000),
      ]);
      assert.equal(racing.filter(Boolean).length, 1, "two instances, two jobs of one tenant: one sender");
      const [sender, waiting, held, free] = racing[0] ? ["X", "Y", "a1", "a2"] : ["Y", "X", "a2", "a1"];
      assert.equal(
        await jobs.acquireLease(free, waiting, 2_000, 10_000),
        false,
        "the tenant is being sent to by another process",
      );
      assert.equal(
        await jobs.acquireLease(free, sender, 2_000, 10_000),
        true,
        "the sender may run the tenant's other job too",
      );
      assert.equal(await jobs.acquireLease("b1", waiting, 2_000, 10_000), true, "another tenant is free");
      await jobs.releaseLease(free, sender);
      assert.equal(
        await jobs.acquireLease(free, waiting, 3_000, 10_000),
        false,
        "still sending the first job",
      );
      await jobs.releaseLease(held, sender);
      assert.equal(
        await jobs.acquireLease(free, waiting, 3_000, 10_000),
        true,
        "released: the other process may send",
      );
      assert.equal(await jobs.acquireLease(held, sender, 4_000, 10_000), false);
      assert.equal(
        await jobs.acquireLease(held, sender, 13_001, 10_000),
        true,
        "after the other's lease expired",
      );
    });

    it("delivery ledger: one row per user, pages by seq, states, recovery flags possibly duplicated, totals", async () => {
      const { broadcastLedger: ledger, broadcastJobs } = await fresh();
      const now = "2026-12-01T00:00:00Z";
      for (const id of ["j1", "j2"]) {
        await broadcastJobs.createJob({
          id,
          tenantId: TENANT,
          authorId: "A",
          origin: "bot",
          content: { title: "t", message: "m", audience: { kind: "affected" } },
          createdAt: now,
        });
      }
      const people = Array.from({ length: 120 }, (_, i) => ({
        userId: `U${String(i).padStart(3, "0")}`,
        upn: `u${i}@x`,
        displayName: `U ${i}`,
        ...(i === 1 ? { locale: "fr-FR", personal: "v1|p1|ready||" } : {}),
      }));
      assert.equal(await ledger.add("j1", people.slice(0, 100), now), 100);
      assert.equal(
        await ledger.add(
          "j1",
          [
            ...people.slice(90),
            { userId: "gone", upn: "g@x", displayName: "G", state: "skipped", reason: "no-conversation" },
          ],
          now,
        ),
        21,
        "users already in the job are ignored",
      );
      const all = [];
      for (let after = 0; ;) {
        const page = await ledger.page("j1", after, 50);
        if (page.length === 0) {
          break;
        }
        all.push(...page);
        after = page.at(-1)!.seq;
      }
      assert.deepEqual(
        all.map((d) => d.seq),
        Array.from({ length: 121 }, (_, i) => i + 1),
      );
      assert.equal(all[0]!.userId, "u000");
      const [a, b, c, d] = await ledger.pendingPage("j1", 0, 4);
      await ledger.markSending("j1", a!.seq, { conversationId: "ca", serviceUrl: "https://s/" }, now);
      await ledger.markSent("j1", a!.seq, "act-a", now);
      await ledger.markSending("j1", b!.seq, { conversationId: "cb", serviceUrl: "https://s/" }, now);
      await ledger.markFinal("j1", c!.seq, "failed", "blocked", now);
      await ledger.markSending("j1", d!.seq, { conversationId: "cd", serviceUrl: "https://s/" }, now);
      await ledger.markPending("j1", d!.seq, now, false);
      assert.deepEqual(
        (await ledger.pendingPage("j1", 0, 2)).map((r) => r.seq),
        [d!.seq, 5],
        "pending only, in seq order",
      );
      assert.equal(await ledger.recoverInterrupted("j1", now), 1, "the row left in sending");
      const recovered = await ledger.get("j1", b!.userId.toUpperCase());
      assert.deepEqual(
        [recovered?.state, recovered?.possiblyDuplicated, recovered?.attempts, recovered?.conversationId],
        ["pending", true, 1, "cb"],
      );
      assert.deepEqual(
        [
          (await ledger.get("j1", a!.userId))?.activityId,
          (await ledger.get("j1", d!.userId))?.possiblyDuplicated,
        ],
        ["act-a", false],
      );
      assert.equal(await ledger.cancelPending("j1", now), 118);
      // "Done: check me now": who acted and what the re-check found; a second press keeps a known answer.
      assert.deepEqual(
        [(await ledger.get("j1", "U001"))?.locale, (await ledger.get("j1", "U001"))?.personal],
        ["fr-FR", "v1|p1|ready||"],
        "the recipient's language and status code are kept",
      );
      assert.equal((await ledger.get("j1", "U002"))?.locale, undefined);
      const later = "2026-12-02T09:30:00.000Z";
      const acked = await ledger.acknowledge("j1", a!.userId.toUpperCase(), { readyNow: true }, later);
      assert.deepEqual([acked?.acknowledgedAt, acked?.readyNow], [later, true]);
      const again = await ledger.acknowledge("j1", a!.userId, {}, later);
      assert.equal(again?.readyNow, true, "an unreadable re-check does not forget the last answer");
      const notReady = await ledger.acknowledge("j1", c!.userId, { readyNow: false }, later);
      assert.deepEqual([notReady?.acknowledgedAt, notReady?.readyNow], [later, false]);
      assert.equal(await ledger.acknowledge("j1", "not-a-recipient", { readyNow: true }, later), undefined);
      assert.equal((await ledger.get("j1", d!.userId))?.acknowledgedAt, undefined);
      assert.deepEqual(await ledger.totals("j1"), {
        total: 121,
        pending: 0,
        sending: 0,
        sent: 1,
        failed: 1,
        skipped: 119,
        possiblyDuplicated: 1,
        acknowledged: 2,
        nowReady: 1,
        failedByReason: { blocked: 1 },
        skippedByReason: { cancelled: 118, "no-conversation": 1 },
      });
      assert.equal(await ledger.get("j2", "u000"), undefined);
    });
  });
}
