import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, it } from "node:test";

import type { GraphUser, UserRegistrationDetails } from "../../src/directory/graph-types";
import type { Verdict } from "../../src/domain/verdict";
import type { CsvUploadError } from "../../src/features/report/csv-upload";
import { checkUploadUrl, uploadCsv } from "../../src/features/report/csv-upload";
import { nextDailyRun } from "../../src/features/report/daily-report";
import { bucketOf, findingOf, findingPerson } from "../../src/features/report/findings";
import { buildProgressView } from "../../src/features/report/progress-view";
import { ReportTally } from "../../src/features/report/report-tally";
import { reportTexts } from "../../src/features/report/report-texts";
import { personLine } from "../../src/features/report/report-view";
import { joinRegistrations } from "../../src/features/report/user-registration-join";
import { openDatabase } from "../../src/storage/database";
import { SqliteReportScanStore } from "../../src/storage/report-scans";

function verdict(changes: Partial<Verdict> & { userId: string }): Verdict {
  return {
    userPrincipalName: `${changes.userId}@contoso.example`,
    displayName: changes.userId,
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
    ...changes,
  };
}
const authenticator = [
  {
    type: "microsoftAuthenticatorAuthenticationMethod",
    name: "Microsoft Authenticator",
    source: "methods" as const,
  },
];

async function* items<T>(list: readonly T[]): AsyncGenerator<T> {
  for (const item of list) {
    await new Promise((resolve) => setImmediate(resolve));
    yield item;
  }
}
const user = (id: string): GraphUser => ({ id, userPrincipalName: `${id}@contoso.example` });
const row = (id: string): UserRegistrationDetails => ({
  id,
  userPrincipalName: `${id}@contoso.example`,
  methodsRegistered: ["email"],
});

describe("report findings", () => {
  it("puts each user in the first finding that matches, in priority order", () => {
    assert.equal(findingOf(verdict({ userId: "bg", breakGlass: true, isAdmin: true })), "breakGlassNotReady");
    assert.equal(findingOf(verdict({ userId: "ga", isAdmin: true, phase1: "affected" })), "adminsNotReady");
    assert.equal(
      findingOf(verdict({ userId: "ga-idle", isAdmin: true })),
      undefined,
      "an admin who signs in nowhere is not a finding",
    );
    assert.equal(
      findingOf(verdict({ userId: "svc", serviceAccountSuspect: true, phase2: "affected" })),
      "serviceAccounts",
    );
    assert.equal(findingOf(verdict({ userId: "u", phase2: "affected" })), "affectedNotReady");
    assert.equal(
      findingOf(
        verdict({
          userId: "r",
          phase1: "affected",
          mfaReady: true,
          methods: { ...verdict({ userId: "x" }).methods, mfaService: authenticator },
        }),
      ),
      "mfaServiceOnly",
    );
    assert.equal(bucketOf(verdict({ userId: "l", phase1: "likely" })), "likely");
    assert.equal(bucketOf(verdict({ userId: "n" })), "notAffected");
  });

  it("names an admin's roles and a user's methods in the reader's language, whatever language the scan ran in", () => {
    const admin = verdict({
      userId: "adele",
      displayName: "Adele *Vance*",
      isAdmin: true,
      roles: ["globalAdministrator", "00000000-0000-0000-0000-00000000abcd"],
      phase1: "affected",
    });
    // Stored as keys, not words: the same stored summary reads in every language.
    assert.deepEqual(findingPerson("adminsNotReady", admin).roles, ["globalAdministrator"]);
    const line = (language: "en" | "de" | "ja", person = findingPerson("adminsNotReady", admin)) =>
      personLine(person, reportTexts({ language, tag: language }));
    assert.match(line("en"), /Global Administrator/);
    assert.match(line("de"), /Globaler Administrator/);
    assert.doesNotMatch(line("de"), /Global Administrator/);
    assert.match(line("de"), /Adele \\\*Vance\\\*/, "the name stays literal");
    const onlyPush = verdict({
      userId: "pat",
      phase1: "affected",
      mfaReady: true,
      methods: {
        ...verdict({ userId: "x" }).methods,
        mfaService: [{ type: "phoneAuthenticationMethod", name: "Phone", source: "methods" }],
      },
    });
    const methods = findingPerson("mfaServiceOnly", onlyPush);
    assert.match(line("en", methods), /Phone \(SMS or voice\)/);
    assert.match(line("ja", methods), /電話/);
  });

  it("tallies counts, the first five names and the gaps, one verdict at a time", () => {
    const tally = new ReportTally();
    for (let n = 0; n < 7; n += 1) {
      tally.add(
        verdict({
          userId: `u${n}`,
          phase2: "affected",
          dataGaps: [{ data: "methods", reason: "notReadInBulk" }],
        }),
      );
    }
    tally.add(
      verdict({
        userId: "ready",
        phase1: "affected",
        mfaReady: true,
        methods: { ...verdict({ userId: "x" }).methods, strongIndependent: authenticator },
      }),
    );
    const result = tally.result();
    assert.equal(result.counts.users, 8);
    assert.equal(result.counts.notReady, 7);
    assert.equal(result.counts.ready, 1);
    const affected = result.findings.find((finding) => finding.key === "affectedNotReady")!;
    assert.equal(affected.count, 7);
    assert.deepEqual(
      affected.first.map((person) => person.name),
      ["u0", "u1", "u2", "u3", "u4"],
    );
    assert.deepEqual(result.gaps, [{ gap: { data: "methods", reason: "notReadInBulk" }, users: 7 }]);
  });
});

describe("users joined with their registration rows", () => {
  it("keeps Graph's user order, waits for late rows and releases a user without one at the end", async () => {
    const joined: Array<Array<[string, boolean]>> = [];
    for await (const page of joinRegistrations(
      items([[user("a"), user("b")], [user("c")], [user("d")]]),
      items([[row("d")], [row("b")], [row("a")]]),
    )) {
      joined.push(page.map(([graphUser, registration]) => [graphUser.id, registration !== undefined]));
    }
    // A page of users comes out whole, in order, once each has its row or the report has ended.
    assert.deepEqual(joined, [
      [
        ["a", true],
        ["b", true],
      ],
      [["c", false]],
      [["d", true]],
    ]);
  });

  it("fails when the report stream fails", async () => {
    async function* broken(): AsyncGenerator<UserRegistrationDetails[]> {
      yield [row("a")];
      throw new Error("page 2 failed");
    }
    await assert.rejects(async () => {
      for await (const _page of joinRegistrations(items([[user("a"), user("b")]]), broken())) {
        // drain
      }
    }, /page 2 failed/);
  });
});

describe("scan store", () => {
  it("streams verdicts back in order, by finding, and compares two scans", async () => {
    const store = new SqliteReportScanStore(openDatabase(":memory:"), 2);
    const base = {
      tenantId: "T",
      requestedBy: "me",
      startedAt: "2026-11-20T09:00:00Z",
      windowEnd: "2026-11-20T09:00:00Z",
    };
    const rows = (list: Array<[string, boolean, boolean]>) =>
      list.map(([id, affected, ready], seq) => ({
        seq,
        verdict: verdict({ userId: id }),
        affected,
        ready,
        findings: affected && !ready ? ["affectedNotReady"] : [],
      }));
    await store.create({ ...base, id: "s1" });
    await store.appendVerdicts(
      "s1",
      rows([
        ["a", true, false],
        ["b", true, false],
        ["c", false, false],
      ]),
    );
    await store.finish("s1", {
      status: "completed",
      finishedAt: "2026-11-20T09:01:00Z",
      users: 3,
      csvBytes: 10,
    });
    await store.create({ ...base, id: "s2" });
    await store.appendVerdicts(
      "s2",
      rows([
        ["a", true, true],
        ["b", true, false],
        ["c", true, false],
        ["d", true, false],
      ]),
    );
    await store.finish("s2", {
      status: "completed",
      finishedAt: "2026-11-21T09:01:00Z",
      users: 4,
      csvBytes: 10,
    });

    const all: string[] = [];
    for await (const item of store.verdicts("s2")) {
      all.push(item.userId);
    }
    assert.deepEqual(all, ["a", "b", "c", "d"], "pages of 2, in order");
    const notReady: string[] = [];
    for await (const item of store.verdicts("s2", { finding: "affectedNotReady" })) {
      notReady.push(item.userId);
    }
    assert.deepEqual(notReady, ["b", "c", "d"]);
    assert.deepEqual(await store.compare("s1", "s2"), {
      becameReady: 1,
      noLongerReady: 0,
      newlyAffected: 2,
      noLongerAffected: 0,
      newUsers: 1,
      removedUsers: 0,
    });
    assert.equal((await store.latestCompleted("t", "s2"))?.id, "s1");
    assert.equal(await store.prune("t", ["s2"]), 1);
    assert.equal(await store.get("s1"), undefined);
  });
});

describe("scan store on a database file", () => {
  it("writes rows on its own thread; a batch it cannot store keeps the scan from completing", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mfa-scan-store-"));
    const db = openDatabase(path.join(dir, "scans.sqlite"));
    try {
      const store = new SqliteReportScanStore(db);
      const base = {
        tenantId: "T",
        requestedBy: "me",
        startedAt: "2026-11-20T09:00:00Z",
        windowEnd: "2026-11-20T09:00:00Z",
      };
      const row = (seq: number, id: string) => ({
        seq,
        verdict: verdict({ userId: id }),
        affected: true,
        ready: false,
        findings: ["affectedNotReady"],
      });
      await store.create({ ...base, id: "s1" });
      for (let batch = 0; batch < 30; batch += 1) {
        await store.appendVerdicts("s1", [row(batch * 2, `u${batch}a`), row(batch * 2 + 1, `u${batch}b`)]);
      }
      const done = { finishedAt: "2026-11-20T09:01:00Z", users: 60, csvBytes: 10 };
      await store.finish("s1", { status: "completed", ...done });
      const ids: string[] = [];
      for await (const item of store.verdicts("s1")) {
        ids.push(item.userId);
      }
      assert.equal(ids.length, 60);
      assert.deepEqual(ids.slice(0, 3), ["u0a", "u0b", "u1a"], "in order, every batch committed");

      await store.create({ ...base, id: "s2" });
      await store.appendVerdicts("s2", [row(0, "a")]);
      // The same row again breaks the primary key: the writer thread cannot store that batch.
      await store.appendVerdicts("s2", [row(0, "a")]);
      await assert.rejects(store.compare("s1", "s2"), /verdict rows not stored: UNIQUE constraint failed/);
      await assert.rejects(store.appendVerdicts("s2", [row(1, "b")]), /verdict rows not stored/);
      await assert.rejects(store.finish("s2", { status: "completed", ...done }), /verdict rows not stored/);
      await store.finish("s2", { status: "failed", ...done, error: "storage" });
      assert.equal((await store.get("s2"))?.status, "failed");
      const left = db.prepare(`SELECT COUNT(*) AS n FROM report_verdicts WHERE scan_id = 's2'`).get() as {
        n: number;
      };
      assert.equal(left.n, 0, "a failed scan's rows go");
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("CSV upload", () => {
  it("PUTs Content-Range fragments that add up to the announced size", async () => {
    const received: Array<{ range?: string; length: number }> = [];
    const server: Server = createServer((req, res) => {
      let length = 0;
      req.on("data", (chunk: Buffer) => (length += chunk.length));
      req.on("end", () => {
        received.push({ range: req.headers["content-range"], length });
        res.statusCode = 202;
        res.end("{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/up`;
      const pieces = items([Buffer.from("a".repeat(700)), Buffer.from("b".repeat(600))]);
      await uploadCsv({ url, totalBytes: 1300, pieces, chunkBytes: 512 });
      assert.deepEqual(received, [
        { range: "bytes 0-511/1300", length: 512 },
        { range: "bytes 512-1023/1300", length: 512 },
        { range: "bytes 1024-1299/1300", length: 276 },
      ]);
      await assert.rejects(
        uploadCsv({ url, totalBytes: 2000, pieces: items([Buffer.from("x")]) }),
        (error: CsvUploadError) => error.reason === "sizeMismatch",
      );
    } finally {
      server.close();
    }
  });

  it("uploads only to https, or plain http on this machine", () => {
    assert.equal(checkUploadUrl("https://contoso-my.sharepoint.com/x").hostname, "contoso-my.sharepoint.com");
    assert.throws(
      () => checkUploadUrl("http://evil.example/x"),
      (error: CsvUploadError) => error.reason === "badUrl",
    );
    assert.throws(
      () => checkUploadUrl("file:///etc/passwd"),
      (error: CsvUploadError) => error.reason === "badUrl",
    );
  });
});

describe("progress and the daily schedule", () => {
  it("shows users read, percent and time left from the rate so far", () => {
    const view = buildProgressView(
      "s",
      {
        stage: "users",
        usersRead: 25_000,
        usersTotal: 100_000,
        signInsRead: 9,
        startedAt: new Date("2026-11-20T09:00:00Z"),
        usersStartedAt: new Date("2026-11-20T09:00:20Z"),
      },
      { now: new Date("2026-11-20T09:00:30Z"), usersStageStartedAt: new Date("2026-11-20T09:00:20Z") },
    );
    assert.deepEqual(
      view.facts.map((fact) => fact.value),
      ["25,000 of 100,000 (25%)", "9", "30 s", "about 30 s"],
    );
  });

  it("books the next run at HH:MM UTC, tomorrow once today's has passed", () => {
    assert.equal(
      nextDailyRun(new Date("2026-11-20T06:59:00Z"), "07:00").toISOString(),
      "2026-11-20T07:00:00.000Z",
    );
    assert.equal(
      nextDailyRun(new Date("2026-11-20T07:00:00Z"), "07:00").toISOString(),
      "2026-11-21T07:00:00.000Z",
    );
  });
});
