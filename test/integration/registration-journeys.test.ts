import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { VERBS } from "../../src/cards/verbs";
import { renderView } from "../../src/cards/view";
import type { NewAuditEntry } from "../../src/domain/audit-entry";
import { type Language, LANGUAGES } from "../../src/domain/language";
import type { TapRequest } from "../../src/domain/tap-request";
import { EXPLAINED_AUDIT_ACTIONS } from "../../src/features/registration/audit-sentence";
import { approvalCard, passCard } from "../../src/features/registration/tap-view";
import { textsOf } from "../../src/features/registration/texts";
import { replyLocale } from "../../src/i18n/locale";
import { call } from "../support/graph-simulator-client";
import { type Card, cardText, DEMO, personalChat, PERSONAS } from "../support/registration-bot";
import { type RegistrationDemoBot, startRegistrationDemoBot } from "../support/registration-demo-bot";

const BEN = DEMO.ben;
const ALEX = PERSONAS.alexAuthAdmin;
const MEGAN = PERSONAS.meganPrivAuthAdmin;

type Action = { type?: string; id?: string; title?: string; verb?: string };

/** Every action on a card, in the body's action sets too. */
function actions(card: unknown): Action[] {
  const found: Action[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach(walk);
    } else if (node !== null && typeof node === "object") {
      const item = node as Action & Record<string, unknown>;
      if (typeof item.type === "string" && item.type.startsWith("Action.")) {
        found.push(item);
      }
      Object.values(item).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** The names a card's texts put in quotes, as each language quotes: “…”, „…“, « … », «…», 「…」. */
function quotedNames(card: unknown): string[] {
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach(walk);
    } else if (node !== null && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key === "text" && typeof value === "string") {
          texts.push(value);
        } else {
          walk(value);
        }
      }
    }
  };
  walk(card);
  return texts.flatMap((text) =>
    [...text.matchAll(/[“„«「]\s?([^”“»」]+?)\s?[”“»」]/g)].map((match) => match[1]!),
  );
}

/** Every instruction on a TAP card names a button that is on that card. */
function assertNamesOnlyItsButtons(card: Card, where: string): void {
  const titles = actions(card).map((action) => action.title);
  for (const name of quotedNames(card)) {
    assert.ok(
      titles.includes(name),
      `${where}: the card tells the reader to use “${name}”, which it does not have (${titles.join(" | ")})`,
    );
  }
}

const toVerifyStep = async (rb: RegistrationDemoBot, userId: string) => {
  await rb.click(userId, VERBS.startRegistration, { code: "REGISTER_PASSKEY" });
  for (const step of [0, 1]) {
    await rb.click(userId, VERBS.walkthroughNext, { method: "passkey", step });
  }
  return (await rb.click(userId, VERBS.walkthroughNext, { method: "passkey", step: 2 })).card;
};

const fido2Count = async (rb: RegistrationDemoBot, userId: string) => {
  const answer = await call(rb.simulator, "GET", `/v1.0/users/${userId}/authentication/fido2Methods`);
  return ((answer.body as { value?: unknown[] }).value ?? []).length;
};

describe("issue 17 (a): in the demo, the verify step can simulate registering a passkey", () => {
  let demo: RegistrationDemoBot;
  let real: RegistrationDemoBot;
  before(async () => {
    demo = await startRegistrationDemoBot();
    real = await startRegistrationDemoBot({ demo: false });
  });
  after(async () => {
    await demo.close();
    await real.close();
  });

  it("the verify step offers the demo button only when the directory is the simulator (composition root, not card data)", async () => {
    const shown = await toVerifyStep(demo, BEN);
    assert.equal(shown.id, "walkthrough-verify");
    assert.ok(actions(shown).some((action) => action.verb === VERBS.walkthroughSimulatePasskey));
    assert.match(cardText(shown), /Simulate registering a passkey/);
    const hidden = await toVerifyStep(real, BEN);
    assert.equal(hidden.id, "walkthrough-verify");
    assert.ok(!actions(hidden).some((action) => action.verb === VERBS.walkthroughSimulatePasskey));
    assert.doesNotMatch(cardText(hidden), /Simulate registering a passkey/);
  });

  it("pressing it registers a passkey for the sender in the simulator, then verifies: the walkthrough ends green", async () => {
    const before = await fido2Count(demo, BEN);
    const { status, card } = await demo.click(BEN, VERBS.walkthroughSimulatePasskey, {
      method: "passkey",
      step: 3,
    });
    assert.equal(status, 200);
    assert.equal(card.id, "walkthrough-verified", cardText(card));
    assert.match(cardText(card), /Demo passkey — YubiKey 5 Series/);
    assert.equal(await fido2Count(demo, BEN), before + 1, "one passkey more in the simulated tenant");
    const { card: status2 } = await demo.click(BEN, VERBS.refreshStatus, {});
    assert.match(cardText(status2), /and ready/);
  });

  it("without the simulator the same verb (a forged or stale card) registers nothing and says so", async () => {
    const before = await fido2Count(real, BEN);
    const { card } = await real.click(BEN, VERBS.walkthroughSimulatePasskey, { method: "passkey", step: 3 });
    assert.equal(card.id, "registration-notice");
    assert.match(cardText(card), /only in the demo/);
    assert.equal(await fido2Count(real, BEN), before);
  });

  it("card data naming another user registers nothing for them", async () => {
    const before = await fido2Count(demo, DEMO.adele);
    const { card } = await demo.click(BEN, VERBS.walkthroughSimulatePasskey, {
      method: "passkey",
      step: 3,
      userId: DEMO.adele,
    });
    assert.match(cardText(card), /isn't yours/);
    assert.equal(await fido2Count(demo, DEMO.adele), before);
  });
});

describe("issue 17 (b): the Temporary Access Pass cards name only buttons they have, in each reader's language", () => {
  let rb: RegistrationDemoBot;
  before(async () => {
    rb = await startRegistrationDemoBot();
    rb.locales.set(DEMO.gita, "fr-FR");
    rb.locales.set(ALEX, "de-DE");
    rb.locales.set(MEGAN, "ja-JP");
    for (const user of [DEMO.gita, ALEX, MEGAN]) {
      await rb.say(user, "hello");
    }
  });
  after(() => rb.close());

  it("approval cards in each approver's language, the pass in the requester's, every instruction naming a button on the card", async () => {
    const start = rb.outgoing().length;
    const asked = await rb.click(DEMO.gita, VERBS.tapRequest, { method: "passkey" });
    assert.match(cardText(asked.card), /J'ai envoyé votre demande/);
    const approvals = rb
      .outgoing()
      .slice(start)
      .filter((sent) => sent.card.id === "tap-approval");
    const toAlex = approvals.find((sent) => sent.conversationId === personalChat(ALEX))!;
    const toMegan = approvals.find((sent) => sent.conversationId === personalChat(MEGAN))!;
    assert.match(cardText(toAlex.card), /Pass ausstellen/);
    assert.match(cardText(toMegan.card), /パスを発行/);
    for (const sent of approvals) {
      assertNamesOnlyItsButtons(sent.card, `approval card to ${sent.conversationId}`);
    }
    const requestId = /"requestId":"([0-9a-f-]{36})"/.exec(JSON.stringify(toAlex.card))![1]!;
    const issuedAt = rb.outgoing().length;
    const decided = await rb.click(ALEX, VERBS.tapIssue, { requestId });
    assert.match(cardText(decided.card), /Ausgestellt von/);
    const after = rb.outgoing().slice(issuedAt);
    const pass = after.find((sent) => sent.card.id === "tap-pass")!;
    assert.equal(pass.conversationId, personalChat(DEMO.gita));
    assert.match(cardText(pass.card), /Votre passe d'accès temporaire/);
    assert.doesNotMatch(cardText(pass.card), /Check now/);
    assertNamesOnlyItsButtons(pass.card, "pass card");
    const meganUpdate = after.find(
      (sent) => sent.method === "PUT" && sent.conversationId === personalChat(MEGAN),
    )!;
    assert.match(cardText(meganUpdate.card), /発行しました/);
    const hidden = await rb.click(DEMO.gita, VERBS.tapHide, {});
    assert.match(cardText(hidden.card), /Passe masqué/);
  });

  it("in all five languages, the pass and approval cards quote only their own buttons", () => {
    const request: TapRequest = {
      id: "r-1",
      tenantId: "t",
      requesterId: "u",
      status: "pending",
      needsPrivileged: false,
      createdAt: "2026-12-01T09:00:00Z",
    };
    for (const language of LANGUAGES) {
      const locale = replyLocale({ activityLocale: language satisfies Language });
      const texts = textsOf(locale);
      const cards = [
        renderView(passCard("Pass#1234", "Alex", 60, true, new Date("2026-12-01T10:00:00Z"), texts), locale),
        renderView(
          approvalCard(
            request,
            { name: "Ben", upn: "ben@contoso.example" },
            { lifetimeMinutes: 60, usableOnce: true },
            texts,
          ),
          locale,
        ),
      ];
      for (const card of cards) {
        const names = quotedNames(card);
        assert.ok(names.length > 0, `${language}: ${String(card.id)} quotes its button`);
        assertNamesOnlyItsButtons(card as Card, `${language} ${String(card.id)}`);
      }
    }
  });
});

/** The audit actions the product writes: `action: "…"` and `audit(…, "…")` literals across src/features and src/commands. */
function auditActionsInSource(): string[] {
  const root = path.join(__dirname, "..", "..", "src");
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        walk(full);
      } else if (name.endsWith(".ts")) {
        files.push(full);
      }
    }
  };
  walk(path.join(root, "features"));
  walk(path.join(root, "commands"));
  const found = new Set<string>();
  for (const file of files) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (/\baction:|\baudit\(/.test(line)) {
        for (const match of line.matchAll(
          /"((?:authz|walkthrough|registration|tap|postponement|broadcast|report)\.[A-Za-z.-]+)"/g,
        )) {
          found.add(match[1]!);
        }
      }
    }
  }
  return [...found].sort();
}

describe("issue 17 (c): the audit log says in a sentence what each entry was", () => {
  let rb: RegistrationDemoBot;
  before(async () => {
    rb = await startRegistrationDemoBot();
    await rb.say(DEMO.adele, "hello");
  });
  after(() => rb.close());

  it("every audit action written across src/features and src/commands has its sentence", () => {
    const written = auditActionsInSource();
    assert.ok(written.length >= 15, written.join(", "));
    for (const action of written) {
      assert.ok(EXPLAINED_AUDIT_ACTIONS.includes(action), `no sentence for the audit action "${action}"`);
    }
  });

  const entry = (
    action: string,
    outcome: NewAuditEntry["outcome"],
    detail: NewAuditEntry["detail"],
  ): NewAuditEntry => ({
    tenantId: rb.simulator.tenantId,
    actorId: DEMO.adele,
    actorName: "Adele Vance",
    action,
    subjectId: BEN,
    subjectName: "Ben Carter",
    outcome,
    detail,
  });

  const KINDS: Array<[string, NewAuditEntry["outcome"], NewAuditEntry["detail"], RegExp]> = [
    [
      "authz.granted",
      "success",
      { permission: "auditLog", by: "globalAdministrator" },
      /Allowed to read the audit log \(as Global Administrator\)/,
    ],
    [
      "authz.refused",
      "refused",
      { permission: "broadcast", reason: "noRole" },
      /Not allowed to send broadcasts: holds none of the roles/,
    ],
    [
      "walkthrough.verification",
      "success",
      { method: "passkey", found: 1 },
      /Verified in Microsoft Entra ID: Passkey or security key/,
    ],
    [
      "walkthrough.adminAsked",
      "success",
      { method: "passkey", admins: 2, delivered: 2 },
      /told 2 of 2 admins/,
    ],
    ["registration.forged", "refused", { verb: "tap.issue" }, /names another person/],
    [
      "tap.requested",
      "success",
      { requestId: "r", approvers: 2, delivered: 2, needsPrivileged: false },
      /the request went to 2 of 2 admins/,
    ],
    ["tap.refused", "refused", { decision: "issue", requestId: "r", reason: "replayed" }, /already handled/],
    [
      "tap.declined",
      "success",
      { decision: "decline", requestId: "r" },
      /Declined a Temporary Access Pass request/,
    ],
    [
      "tap.issued",
      "success",
      {
        decision: "issue",
        requestId: "r",
        lifetimeMinutes: 60,
        usableOnce: true,
        expiresAt: "2026-12-02T10:00:00.000Z",
      },
      /Issued a Temporary Access Pass for one sign-in, valid for 1 hour, until 2 Dec 2026/,
    ],
    [
      "postponement.requested",
      "success",
      { phase: "2", wantedDate: "2027-01-15", route: "support", notified: 1, unreachable: 0 },
      /postpone enforcement of phase 2 until 15 January 2027/,
    ],
    [
      "postponement.approved",
      "success",
      { phase: "2", wantedDate: "2027-01-15", route: "support" },
      /Approved postponing phase 2 until 15 January 2027/,
    ],
    [
      "postponement.applied-in-azure",
      "refused",
      { result: "forbidden", phase: "2", wantedDate: "2027-01-15" },
      /Azure refused/,
    ],
    [
      "postponement.reminder-sent",
      "success",
      { phase: "2", wantedDate: "2027-01-15", delivered: 1, unreachable: 0 },
      /runs out soon/,
    ],
    [
      "broadcast.started",
      "success",
      { audience: "affected-not-ready", remindDays: 0, origin: "bot" },
      /Started a broadcast to everyone affected and not ready/,
    ],
    [
      "broadcast.completed",
      "success",
      {
        origin: "bot",
        audience: "affected",
        total: 100,
        sent: 56,
        failed: 44,
        skipped: 0,
        possiblyDuplicated: 0,
        failedByReason: '{"notFound":44}',
        skippedByReason: "{}",
        sendSeconds: 12,
      },
      /56 of 100 delivered, 44 not delivered, 0 skipped\. Not delivered: 44 no longer had a chat with the bot/,
    ],
    ["broadcast.reportUploaded", "success", { bytes: 2048 }, /delivery report/],
  ];

  it('a broadcast\'s totals, a pass, a postponement, a refusal: each a sentence, no raw {"notFound":44}', async () => {
    for (const [action, outcome, detail] of KINDS) {
      await rb.bot.stores.auditLog.record(entry(action, outcome, detail));
    }
    const [log] = await rb.say(DEMO.adele, "audit");
    assert.equal(log?.id, "audit-log");
    const text = cardText(log);
    assert.doesNotMatch(text, /\{"|notFound|failedByReason/, "no raw detail on the card");
    for (const [action, , , sentence] of KINDS) {
      assert.match(text, sentence, action);
      assert.match(
        text,
        new RegExp(action.replace(/\./g, "\\.")),
        `the recorded id ${action} is beside its sentence`,
      );
    }
    assert.doesNotMatch(text, /Recorded “/, "no action fell back to its id alone");
  });

  it("the same log for a German reader is German, dates and numbers too", async () => {
    rb.locales.set(DEMO.adele, "de-DE");
    const [log] = await rb.say(DEMO.adele, "audit");
    const text = cardText(log);
    assert.match(text, /Überwachungsprotokoll/);
    assert.match(text, /Rundsendung abgeschlossen: 56 von 100 zugestellt, 44 nicht zugestellt/);
    assert.match(text, /hatten keinen Chat mehr mit dem Bot/);
    assert.match(text, /bis 15\. Januar 2027/);
  });
});
